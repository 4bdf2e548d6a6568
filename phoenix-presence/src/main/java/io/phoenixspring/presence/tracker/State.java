package io.phoenixspring.presence.tracker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tracker's CRDT as one replica holds it: its own presences and the last known presences of
 * every other replica, with a version vector saying how far it has seen each replica. Not thread
 * safe: it has exactly one owner (a shard, under the shard's lock).
 *
 * <p>Only the replica that created a presence adds or removes it; every change bumps that
 * replica's clock. Other replicas learn about changes through {@link Delta}s (applied in clock
 * order; a gap is reported so the caller can ask for the whole state instead) or through a full
 * transfer of one replica's presences ({@link #replaceReplica}). Replicas that stop talking are
 * hidden ({@link #replicaDown}) and later revealed again or dropped for good.
 *
 * <p>Every mutating method reports the presences that became visible or invisible into a
 * {@link Changes}. The reads ({@link #list}, {@link #get}, {@link #count}) leave out a presence
 * whose meta cannot be written as JSON: it stays in the CRDT (so that the clocks agree) but is
 * never handed to anything that would have to write it.
 */
final class State {

    enum MergeResult { APPLIED, DUPLICATE, GAP }

    private final String replica;
    private final Map<String, Long> context = new HashMap<>();
    /** replica → clock → presence. */
    private final Map<String, TreeMap<Long, Entry>> byReplica = new HashMap<>();
    /** topic → key → presences in the order they were added here. */
    private final Map<String, Map<String, LinkedHashMap<Tag, Entry>>> byTopic = new HashMap<>();
    private final Set<String> down = new HashSet<>();

    /** The local changes since {@link #takeDelta}. */
    private long deltaFrom;
    private final Map<Long, Entry> deltaValues = new HashMap<>();
    private final Set<Long> deltaRemoved = new HashSet<>();

    State(String replica) {
        this.replica = replica;
    }

    String replica() {
        return replica;
    }

    long clock() {
        return clock(replica);
    }

    long clock(String of) {
        return context.getOrDefault(of, 0L);
    }

    boolean isDown(String of) {
        return down.contains(of);
    }

    boolean knows(String of) {
        return context.containsKey(of) || byReplica.containsKey(of);
    }

    // ---- local changes ----

    /** Adds a presence owned by this replica. */
    Tag add(String topic, String key, Map<String, Object> meta, Changes out) {
        long clock = context.merge(replica, 1L, Long::sum);
        Tag tag = new Tag(replica, clock);
        Entry entry = new Entry(topic, key, meta);
        put(tag, entry, out);
        deltaValues.put(clock, entry);
        return tag;
    }

    /** Removes a presence owned by this replica. */
    boolean remove(Tag tag, Changes out) {
        if (!tag.replica().equals(replica) || !drop(tag, out)) {
            return false;
        }
        context.merge(replica, 1L, Long::sum);
        if (tag.clock() > deltaFrom) {
            deltaValues.remove(tag.clock());
        } else {
            deltaRemoved.add(tag.clock());
        }
        return true;
    }

    /** Size of the local delta not yet taken. */
    int pendingDeltaSize() {
        return deltaValues.size() + deltaRemoved.size();
    }

    boolean hasPendingDelta() {
        return deltaFrom != clock();
    }

    /** The local changes since the last call, as one delta; the next delta starts where it ends. */
    Delta takeDelta() {
        Delta delta = new Delta(replica, deltaFrom, clock(), deltaValues, deltaRemoved);
        deltaFrom = clock();
        deltaValues.clear();
        deltaRemoved.clear();
        return delta;
    }

    /** This replica's own presences, for a full-state transfer. */
    Map<Long, Entry> ownValues() {
        TreeMap<Long, Entry> own = byReplica.get(replica);
        return own == null ? Map.of() : new TreeMap<>(own);
    }

    // ---- remote changes ----

    /** Applies another replica's delta, unless it starts after what this state has seen of it. */
    MergeResult mergeDelta(Delta delta, Changes out) {
        String from = delta.replica();
        if (from.equals(replica)) {
            return MergeResult.DUPLICATE;
        }
        long seen = clock(from);
        if (seen < delta.from()) {
            return MergeResult.GAP;
        }
        if (delta.to() <= seen) {
            return MergeResult.DUPLICATE;
        }
        TreeMap<Long, Entry> held = byReplica.get(from);
        if (held != null) {
            List<Long> gone = new ArrayList<>();
            for (Long clock : delta.removed()) {
                if (held.containsKey(clock)) {
                    gone.add(clock);
                }
            }
            for (Long clock : held.subMap(delta.from(), false, seen, true).keySet()) {
                if (!delta.values().containsKey(clock)) {
                    gone.add(clock);
                }
            }
            for (Long clock : gone) {
                drop(new Tag(from, clock), out);
            }
        }
        new TreeMap<>(delta.values()).forEach((clock, entry) -> {
            if (clock > seen) {
                put(new Tag(from, clock), entry, out);
            }
        });
        context.put(from, delta.to());
        return MergeResult.APPLIED;
    }

    /**
     * Replaces what this state holds of {@code from} with its whole state at {@code clock}
     * (ignored when this state has already seen a later clock of it).
     */
    boolean replaceReplica(String from, long clock, Map<Long, Entry> values, Changes out) {
        if (from.equals(replica) || clock < clock(from)) {
            return false;
        }
        TreeMap<Long, Entry> held = byReplica.get(from);
        if (held != null) {
            for (Long old : new ArrayList<>(held.keySet())) {
                Entry now = values.get(old);
                if (now == null || !now.equals(held.get(old))) {
                    drop(new Tag(from, old), out);
                }
            }
        }
        TreeMap<Long, Entry> current = byReplica.get(from);
        new TreeMap<>(values).forEach((c, entry) -> {
            if (current == null || !current.containsKey(c)) {
                put(new Tag(from, c), entry, out);
            }
        });
        context.put(from, clock);
        return true;
    }

    /** Hides a replica's presences (it stopped heartbeating); they are kept for {@link #replicaUp}. */
    void replicaDown(String of, Changes out) {
        if (of.equals(replica) || !down.add(of)) {
            return;
        }
        TreeMap<Long, Entry> held = byReplica.get(of);
        if (held != null) {
            held.forEach((clock, entry) -> out.leave(new Tag(of, clock), entry));
        }
    }

    /** Shows a hidden replica's presences again. */
    void replicaUp(String of, Changes out) {
        if (!down.remove(of)) {
            return;
        }
        TreeMap<Long, Entry> held = byReplica.get(of);
        if (held != null) {
            held.forEach((clock, entry) -> out.join(new Tag(of, clock), entry));
        }
    }

    /** Forgets a replica for good (permanently down, or restarted under a new identity). */
    void removeReplica(String of, Changes out) {
        if (of.equals(replica)) {
            return;
        }
        TreeMap<Long, Entry> held = byReplica.get(of);
        if (held != null) {
            for (Long clock : new ArrayList<>(held.keySet())) {
                drop(new Tag(of, clock), out);
            }
        }
        down.remove(of);
        context.remove(of);
        byReplica.remove(of);
    }

    /** The replicas this state holds presences or clocks of, this one excluded. */
    Set<String> remoteReplicas() {
        Set<String> all = new HashSet<>(context.keySet());
        all.addAll(byReplica.keySet());
        all.remove(replica);
        return all;
    }

    // ---- reads ----

    /** Visible presences of a topic, grouped by key in the order the keys first appeared. */
    Map<String, List<Map<String, Object>>> list(String topic) {
        Map<String, LinkedHashMap<Tag, Entry>> keys = byTopic.get(topic);
        if (keys == null) {
            return Map.of();
        }
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>(keys.size() * 2);
        keys.forEach((key, entries) -> {
            List<Map<String, Object>> metas = metas(entries);
            if (!metas.isEmpty()) {
                result.put(key, metas);
            }
        });
        return result;
    }

    List<Map<String, Object>> get(String topic, String key) {
        Map<String, LinkedHashMap<Tag, Entry>> keys = byTopic.get(topic);
        LinkedHashMap<Tag, Entry> entries = keys == null ? null : keys.get(key);
        return entries == null ? List.of() : metas(entries);
    }

    Set<String> topics() {
        return new HashSet<>(byTopic.keySet());
    }

    /** Number of visible presences on a topic. */
    int count(String topic) {
        Map<String, LinkedHashMap<Tag, Entry>> keys = byTopic.get(topic);
        if (keys == null) {
            return 0;
        }
        int n = 0;
        for (LinkedHashMap<Tag, Entry> entries : keys.values()) {
            for (Map.Entry<Tag, Entry> e : entries.entrySet()) {
                if (!down.contains(e.getKey().replica()) && Metas.writable(e.getValue().meta())) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Visible keys and metas of a topic per replica, sorted by replica; one entry per replica with
     * a visible presence there, so its size is bounded by the cluster's.
     */
    List<ReplicaCount> replicaCounts(String topic) {
        Map<String, LinkedHashMap<Tag, Entry>> keys = byTopic.get(topic);
        if (keys == null) {
            return List.of();
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (LinkedHashMap<Tag, Entry> entries : keys.values()) {
            Set<String> holders = new HashSet<>();
            entries.forEach((tag, entry) -> {
                if (!down.contains(tag.replica()) && Metas.writable(entry.meta())) {
                    counts.computeIfAbsent(tag.replica(), r -> new int[2])[1]++;
                    if (holders.add(tag.replica())) {
                        counts.get(tag.replica())[0]++;
                    }
                }
            });
        }
        List<ReplicaCount> result = new ArrayList<>(counts.size());
        counts.forEach((of, c) -> result.add(new ReplicaCount(of, c[0], c[1])));
        return result;
    }

    Entry entry(Tag tag) {
        TreeMap<Long, Entry> held = byReplica.get(tag.replica());
        return held == null ? null : held.get(tag.clock());
    }

    /** The whole state as an immutable value (down replicas' presences included). */
    Snapshot snapshot() {
        Map<Tag, Entry> values = new HashMap<>();
        byReplica.forEach((of, held) -> held.forEach((clock, entry) -> values.put(new Tag(of, clock), entry)));
        return new Snapshot(context, values);
    }

    private List<Map<String, Object>> metas(LinkedHashMap<Tag, Entry> entries) {
        List<Map<String, Object>> metas = new ArrayList<>(entries.size());
        entries.forEach((tag, entry) -> {
            if (!down.contains(tag.replica()) && Metas.writable(entry.meta())) {
                metas.add(entry.meta());
            }
        });
        return Collections.unmodifiableList(metas);
    }

    private void put(Tag tag, Entry entry, Changes out) {
        TreeMap<Long, Entry> held = byReplica.computeIfAbsent(tag.replica(), r -> new TreeMap<>());
        if (held.putIfAbsent(tag.clock(), entry) != null) {
            return;
        }
        byTopic.computeIfAbsent(entry.topic(), t -> new HashMap<>())
                .computeIfAbsent(entry.key(), k -> new LinkedHashMap<>())
                .put(tag, entry);
        if (!down.contains(tag.replica())) {
            out.join(tag, entry);
        }
    }

    private boolean drop(Tag tag, Changes out) {
        NavigableMap<Long, Entry> held = byReplica.get(tag.replica());
        Entry entry = held == null ? null : held.remove(tag.clock());
        if (entry == null) {
            return false;
        }
        if (held.isEmpty() && !tag.replica().equals(replica)) {
            byReplica.remove(tag.replica());
        }
        Map<String, LinkedHashMap<Tag, Entry>> keys = byTopic.get(entry.topic());
        if (keys != null) {
            LinkedHashMap<Tag, Entry> entries = keys.get(entry.key());
            if (entries != null) {
                entries.remove(tag);
                if (entries.isEmpty()) {
                    keys.remove(entry.key());
                    if (keys.isEmpty()) {
                        byTopic.remove(entry.topic());
                    }
                }
            }
        }
        if (!down.contains(tag.replica())) {
            out.leave(tag, entry);
        }
        return true;
    }
}
