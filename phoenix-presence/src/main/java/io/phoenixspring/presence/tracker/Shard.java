package io.phoenixspring.presence.tracker;

import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.Subscriber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phoenix.Tracker.Shard: one replica of the presences of the topics hashed to it. Its
 * {@link State} and everything else mutable here is guarded by one lock, held only for in-memory
 * work. Messages from other nodes arrive on PubSub threads and are handed to the shard's serial
 * executor (never processed on the delivery thread); the same executor runs the heartbeat tick:
 * send the pending delta, detect silent replicas (down after {@code downPeriod}, discarded after
 * {@code permdownPeriod}).
 */
final class Shard implements Subscriber {

    private static final Logger log = LoggerFactory.getLogger(Shard.class);

    private record Slot(String topic, String key) {
    }

    private static final class Remote {
        final String node;
        long lastHeard;
        long transferRequestedAt = Long.MIN_VALUE / 2;

        Remote(String node, long now) {
            this.node = node;
            this.lastHeard = now;
        }
    }

    private final PubSub pubSub;
    private final TrackerOptions options;
    /** Makes a changed meta plain JSON values: Phoenix's one JSON configuration. */
    private final tools.jackson.databind.json.JsonMapper json;
    private final TrackerListener listener;
    private final String node;
    private final String topic;
    private final ScheduledExecutorService executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final State state;
    private final Map<Object, Map<Slot, Tag>> owners = new IdentityHashMap<>();
    private final Map<String, Remote> remotes = new HashMap<>();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong unwritable = new AtomicLong();
    private int silentPeriods;
    private volatile boolean closed;

    Shard(PubSub pubSub, TrackerOptions options, TrackerListener listener, String replica, int index,
            ScheduledExecutorService executor, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.pubSub = pubSub;
        this.options = options;
        this.listener = listener;
        this.node = pubSub.nodeName();
        this.topic = "phx_tracker:" + options.name() + ":" + index;
        this.executor = executor;
        this.state = new State(replica);
    }

    void start() {
        pubSub.subscribe(topic, this);
        long period = options.broadcastPeriod().toNanos();
        executor.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
        // Announce ourselves at once, so that others learn our replica before the first period ends.
        executor.execute(this::tick);
    }

    // ---- local presences (any thread) ----

    String track(Object owner, String topicName, String key, Map<String, Object> userMeta) {
        return add(owner, topicName, key, Metas.replicable(topicName, key, userMeta, Refs.next(), null));
    }

    /** Tracks a presence with its final meta (refs included; {@link #track} has checked it can be written). */
    String add(Object owner, String topicName, String key, EncodedMeta meta) {
        lock.lock();
        try {
            ensureOpen();
            Map<Slot, Tag> slots = owners.computeIfAbsent(owner, o -> new HashMap<>());
            Slot slot = new Slot(topicName, key);
            if (slots.containsKey(slot)) {
                throw new IllegalStateException("already tracked: key '" + key + "' on topic '" + topicName
                        + "' for this owner (use update to change its meta)");
            }
            Changes out = new Changes();
            slots.put(slot, state.add(topicName, key, meta, out));
            report(out);
            return (String) meta.get(Metas.PHX_REF);
        } finally {
            lock.unlock();
        }
    }

    String update(Object owner, String topicName, String key, UnaryOperator<Map<String, Object>> change) {
        lock.lock();
        try {
            ensureOpen();
            Map<Slot, Tag> slots = owners.get(owner);
            Slot slot = new Slot(topicName, key);
            Tag old = slots == null ? null : slots.get(slot);
            Entry entry = old == null ? null : state.entry(old);
            if (entry == null) {
                throw new NoSuchElementException("no presence: key '" + key + "' on topic '" + topicName
                        + "' is not tracked for this owner");
            }
            Map<String, Object> userMeta = change.apply(Metas.userMeta(entry.meta()));
            String ref = Refs.next();
            // checked before anything changes: a meta that cannot be replicated leaves the old one in place
            EncodedMeta meta = Metas.replicable(topicName, key, Metas.normalize(json, topicName, key, userMeta), ref, entry.ref());
            Changes out = new Changes();
            state.remove(old, out);
            slots.put(slot, state.add(topicName, key, meta, out));
            report(out);
            return ref;
        } finally {
            lock.unlock();
        }
    }

    boolean untrack(Object owner, String topicName, String key) {
        lock.lock();
        try {
            Map<Slot, Tag> slots = owners.get(owner);
            Tag tag = slots == null ? null : slots.remove(new Slot(topicName, key));
            if (tag == null) {
                return false;
            }
            if (slots.isEmpty()) {
                owners.remove(owner);
            }
            Changes out = new Changes();
            state.remove(tag, out);
            report(out);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Drops every presence of an owner; returns the topics it had presences on. */
    Set<String> untrackAll(Object owner) {
        lock.lock();
        try {
            Map<Slot, Tag> slots = owners.remove(owner);
            if (slots == null) {
                return Set.of();
            }
            Changes out = new Changes();
            Set<String> topics = new HashSet<>();
            slots.forEach((slot, tag) -> {
                topics.add(slot.topic());
                state.remove(tag, out);
            });
            report(out);
            return topics;
        } finally {
            lock.unlock();
        }
    }

    Map<String, List<Map<String, Object>>> list(String topicName) {
        lock.lock();
        try {
            return state.list(topicName);
        } finally {
            lock.unlock();
        }
    }

    List<Map<String, Object>> get(String topicName, String key) {
        lock.lock();
        try {
            return state.get(topicName, key);
        } finally {
            lock.unlock();
        }
    }

    Set<String> topics() {
        lock.lock();
        try {
            return state.topics();
        } finally {
            lock.unlock();
        }
    }

    int count(String topicName) {
        lock.lock();
        try {
            return state.count(topicName);
        } finally {
            lock.unlock();
        }
    }

    List<ReplicaCount> replicaCounts(String topicName) {
        lock.lock();
        try {
            return state.replicaCounts(topicName);
        } finally {
            lock.unlock();
        }
    }

    /** Remote replicas this shard currently considers up. */
    Set<String> upReplicas() {
        lock.lock();
        try {
            Set<String> up = new HashSet<>();
            remotes.keySet().forEach(r -> {
                if (!state.isDown(r)) {
                    up.add(r);
                }
            });
            return up;
        } finally {
            lock.unlock();
        }
    }

    Set<String> downReplicas() {
        lock.lock();
        try {
            Set<String> down = new HashSet<>();
            remotes.keySet().forEach(r -> {
                if (state.isDown(r)) {
                    down.add(r);
                }
            });
            return down;
        } finally {
            lock.unlock();
        }
    }

    long malformedMessages() {
        return malformed.get();
    }

    long unwritableMetas() {
        return unwritable.get();
    }

    // ---- replication (PubSub threads hand over to the executor) ----

    @Override
    public void onMessage(String ignored, Object message) {
        if (closed) {
            return;
        }
        try {
            executor.execute(() -> handle(message));
        } catch (RuntimeException rejected) {
            // the executor is shutting down
        }
    }

    private void handle(Object message) {
        if (closed) {
            return;
        }
        try {
            if (!(message instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("a tracker message must be a JSON object, got "
                        + (message == null ? "null" : message.getClass().getSimpleName()));
            }
            String type = ReplicationMessages.type(m);
            String from = ReplicationMessages.string(m, "r");
            if (from.equals(state.replica())) {
                return;
            }
            switch (type) {
                case ReplicationMessages.HEARTBEAT -> heartbeat(from, m);
                case ReplicationMessages.TRANSFER_REQUEST -> {
                    if (state.replica().equals(ReplicationMessages.string(m, "to"))) {
                        sendTransfer(from, ReplicationMessages.string(m, "n"));
                    }
                }
                case ReplicationMessages.TRANSFER -> {
                    if (state.replica().equals(ReplicationMessages.string(m, "to"))) {
                        transfer(from, m);
                    }
                }
                case ReplicationMessages.GOODBYE -> goodbye(from);
                default -> throw new IllegalArgumentException("unknown tracker message type '" + type + "'");
            }
        } catch (RuntimeException e) {
            long n = malformed.incrementAndGet();
            if (n <= 10 || Long.bitCount(n) == 1) {
                log.warn("Tracker '{}' ignored a malformed replication message ({} so far): {}", options.name(), n,
                        e.toString());
            }
        }
    }

    private void heartbeat(String from, Map<?, ?> m) {
        String fromNode = ReplicationMessages.string(m, "n");
        long clock = ReplicationMessages.number(m, "c");
        Delta delta = ReplicationMessages.hasDelta(m) ? ReplicationMessages.delta(from, m) : null;
        boolean wantTransfer;
        Changes out = new Changes();
        lock.lock();
        try {
            long now = System.nanoTime();
            Remote remote = remote(from, fromNode, now, out);
            boolean hidden = state.isDown(from);
            boolean current;
            if (delta != null) {
                current = state.mergeDelta(delta, out) != State.MergeResult.GAP;
            } else {
                current = clock <= state.clock(from);
            }
            if (current && hidden) {
                state.replicaUp(from, out);
                event("replica {} is up again", from);
            }
            wantTransfer = !current && now - remote.transferRequestedAt > options.broadcastPeriod().toNanos() * 2;
            if (wantTransfer) {
                remote.transferRequestedAt = now;
            }
            report(out);
        } finally {
            lock.unlock();
        }
        if (wantTransfer) {
            publishTo(fromNode, ReplicationMessages.transferRequest(state.replica(), node, from));
        }
    }

    private void sendTransfer(String requester, String requesterNode) {
        Map<String, Object> message;
        lock.lock();
        try {
            message = ReplicationMessages.transfer(state.replica(), node, requester, state.clock(), state.ownValues());
        } finally {
            lock.unlock();
        }
        publishTo(requesterNode, message);
    }

    private void transfer(String from, Map<?, ?> m) {
        String fromNode = ReplicationMessages.string(m, "n");
        long clock = ReplicationMessages.number(m, "c");
        Map<Long, Entry> values = ReplicationMessages.transferValues(m);
        Changes out = new Changes();
        lock.lock();
        try {
            long now = System.nanoTime();
            Remote remote = remote(from, fromNode, now, out);
            remote.transferRequestedAt = Long.MIN_VALUE / 2;
            boolean hidden = state.isDown(from);
            if (state.replaceReplica(from, clock, values, out) && hidden) {
                state.replicaUp(from, out);
                event("replica {} is up again", from);
            }
            report(out);
        } finally {
            lock.unlock();
        }
    }

    private void goodbye(String from) {
        Changes out = new Changes();
        lock.lock();
        try {
            remotes.remove(from);
            state.removeReplica(from, out);
            event("replica {} left the cluster", from);
            report(out);
        } finally {
            lock.unlock();
        }
    }

    /** The record of a remote replica; a new replica of a known node replaces the old one (it restarted). */
    private Remote remote(String replica, String replicaNode, long now, Changes out) {
        Remote remote = remotes.get(replica);
        if (remote == null) {
            for (Iterator<Map.Entry<String, Remote>> it = remotes.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, Remote> old = it.next();
                if (old.getValue().node.equals(replicaNode)) {
                    it.remove();
                    state.removeReplica(old.getKey(), out);
                    event("replica {} restarted as {}; its old presences are gone", old.getKey(), replica);
                }
            }
            remote = new Remote(replicaNode, now);
            remotes.put(replica, remote);
            event("replica {} joined", replica);
        }
        remote.lastHeard = now;
        return remote;
    }

    /** Every broadcast period: detect silent replicas and send the heartbeat with the pending delta. */
    void tick() {
        if (closed) {
            return;
        }
        Map<String, Object> heartbeat = null;
        Changes out = new Changes();
        lock.lock();
        try {
            long now = System.nanoTime();
            for (Iterator<Map.Entry<String, Remote>> it = remotes.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, Remote> e = it.next();
                long silence = now - e.getValue().lastHeard;
                if (silence > options.permdownPeriod().toNanos()) {
                    it.remove();
                    state.removeReplica(e.getKey(), out);
                    event("replica {} is permanently down; its presences are discarded", e.getKey());
                } else if (silence > options.downPeriod().toNanos() && !state.isDown(e.getKey())) {
                    state.replicaDown(e.getKey(), out);
                    event("replica {} is down (silent for {} ms)", e.getKey(), TimeUnit.NANOSECONDS.toMillis(silence));
                }
            }
            if (state.hasPendingDelta() || ++silentPeriods >= options.maxSilentPeriods() || remotes.isEmpty()) {
                silentPeriods = 0;
                boolean small = state.pendingDeltaSize() <= options.maxDeltaSize();
                Delta delta = state.takeDelta();
                heartbeat = ReplicationMessages.heartbeat(state.replica(), node, state.clock(), small ? delta : null);
            }
            report(out);
        } catch (RuntimeException e) {
            log.error("Tracker '{}' heartbeat failed", options.name(), e);
        } finally {
            lock.unlock();
        }
        if (heartbeat != null) {
            publish(heartbeat);
        }
    }

    void close(boolean goodbye) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        try {
            pubSub.unsubscribe(topic, this);
            if (goodbye) {
                publish(ReplicationMessages.goodbye(state.replica(), node));
            }
        } catch (RuntimeException e) {
            log.debug("Tracker '{}' could not say goodbye", options.name(), e);
        }
    }

    // ---- helpers ----

    /**
     * Tells the listener what changed. A presence whose meta cannot be written is left out (it
     * would make the whole presence_diff fail): reported here once, when it first becomes visible,
     * and left out of lists and replication messages as well.
     */
    private void report(Changes out) {
        if (out.isEmpty()) {
            return;
        }
        out.byTopic().forEach((topicName, changes) -> {
            List<TrackedPresence> joins = presences(topicName, changes.joins());
            List<TrackedPresence> leaves = presences(topicName, changes.leaves());
            if (joins.isEmpty() && leaves.isEmpty()) {
                return;
            }
            try {
                listener.onDiff(topicName, joins, leaves);
            } catch (RuntimeException e) {
                log.error("Tracker '{}' listener failed on a diff of topic '{}'", options.name(), topicName, e);
            }
        });
    }

    private List<TrackedPresence> presences(String topicName, List<Change> changes) {
        List<TrackedPresence> out = new ArrayList<>(changes.size());
        for (Change change : changes) {
            Entry entry = change.entry();
            if (Metas.writable(entry.meta())) {
                out.add(new TrackedPresence(entry.key(), entry.meta()));
            } else if (entry.meta() instanceof EncodedMeta meta && meta.firstReport()) {
                unwritable.incrementAndGet();
                log.warn("Tracker '{}' leaves out the presence '{}' on topic '{}' (phx_ref {}): its meta cannot be "
                        + "written, {}; the other presences are listed and replicated as usual", options.name(),
                        entry.key(), topicName, entry.ref(), meta.failure());
            }
        }
        return out;
    }

    private void publish(Map<String, Object> message) {
        try {
            pubSub.broadcastFrom(this, topic, message).whenComplete((ok, failure) -> {
                if (failure != null) {
                    log.debug("Tracker '{}' could not reach the other nodes", options.name(), failure);
                }
            });
        } catch (RuntimeException e) {
            log.debug("Tracker '{}' could not publish", options.name(), e);
        }
    }

    private void publishTo(String targetNode, Map<String, Object> message) {
        try {
            pubSub.directBroadcast(targetNode, topic, message).whenComplete((ok, failure) -> {
                if (failure != null) {
                    log.debug("Tracker '{}' could not reach node {}", options.name(), targetNode, failure);
                }
            });
        } catch (RuntimeException e) {
            log.debug("Tracker '{}' could not publish to {}", options.name(), targetNode, e);
        }
    }

    private void event(String format, Object... args) {
        if (options.logReplicaEvents()) {
            log.info("[" + options.name() + "] " + format, args);
        } else {
            log.debug("[" + options.name() + "] " + format, args);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("tracker '" + options.name() + "' is closed");
        }
    }

    /** For tests: the shard's state as an immutable value. */
    Snapshot snapshot() {
        lock.lock();
        try {
            return state.snapshot();
        } finally {
            lock.unlock();
        }
    }
}
