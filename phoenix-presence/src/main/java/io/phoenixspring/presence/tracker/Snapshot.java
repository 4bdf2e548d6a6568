package io.phoenixspring.presence.tracker;

import java.util.HashMap;
import java.util.Map;

/**
 * An immutable CRDT state: a version vector ({@code context}, replica → highest clock seen, every
 * lower clock seen too) and the live presences by tag. A tag at or below the context of its
 * replica that is not among the values has been removed.
 *
 * <p>{@link #join} is the CRDT merge: commutative, associative and idempotent, so replicas that
 * exchange their states in any order, any number of times, end up equal.
 */
record Snapshot(Map<String, Long> context, Map<Tag, Entry> values) {

    static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());

    Snapshot {
        context = Map.copyOf(context);
        values = Map.copyOf(values);
    }

    long clock(String replica) {
        return context.getOrDefault(replica, 0L);
    }

    /** The least upper bound of two states. */
    static Snapshot join(Snapshot a, Snapshot b) {
        Map<Tag, Entry> values = new HashMap<>();
        a.values.forEach((tag, entry) -> {
            if (b.values.containsKey(tag) || tag.clock() > b.clock(tag.replica())) {
                values.put(tag, entry);
            }
        });
        b.values.forEach((tag, entry) -> {
            if (!a.values.containsKey(tag) && tag.clock() > a.clock(tag.replica())) {
                values.put(tag, entry);
            }
        });
        Map<String, Long> context = new HashMap<>(a.context);
        b.context.forEach((replica, clock) -> context.merge(replica, clock, Math::max));
        return new Snapshot(context, values);
    }
}
