package io.phoenixspring.presence.tracker;

import java.util.Map;
import java.util.Set;

/**
 * The changes one replica made between two of its clocks, {@code (from, to]}: the presences it
 * added in that range and still holds at {@code to}, and the older presences (clock {@code <= from})
 * it removed in that range. A presence added in the range and absent from {@code values} was
 * removed again before {@code to}.
 *
 * <p>A delta applies to a state that has seen the replica up to a clock in {@code [from, ∞)};
 * applying it twice, or after a newer one, changes nothing.
 */
record Delta(String replica, long from, long to, Map<Long, Entry> values, Set<Long> removed) {

    Delta {
        values = Map.copyOf(values);
        removed = Set.copyOf(removed);
        if (to < from) {
            throw new IllegalArgumentException("delta range (" + from + ", " + to + "] is empty backwards");
        }
        for (Long clock : values.keySet()) {
            if (clock <= from || clock > to) {
                throw new IllegalArgumentException("delta value at clock " + clock + " is outside (" + from + ", " + to + "]");
            }
        }
        for (Long clock : removed) {
            if (clock > from) {
                throw new IllegalArgumentException("delta removes clock " + clock + " which is inside its own range");
            }
        }
    }

    int size() {
        return values.size() + removed.size();
    }

    boolean isEmpty() {
        return from == to;
    }

    /**
     * This delta followed by {@code next} (which must start where this one ends) as one delta: a
     * pure function, used to compact buffered deltas.
     */
    Delta then(Delta next) {
        if (!next.replica.equals(replica) || next.from != to) {
            throw new IllegalArgumentException("deltas are not contiguous: (" + from + ", " + to + "] then ("
                    + next.from + ", " + next.to + "]");
        }
        Map<Long, Entry> merged = new java.util.HashMap<>(values);
        Set<Long> gone = new java.util.HashSet<>(removed);
        for (Long clock : next.removed) {
            if (clock > from) {
                merged.remove(clock);
            } else {
                gone.add(clock);
            }
        }
        merged.putAll(next.values);
        return new Delta(replica, from, next.to, merged, gone);
    }
}
