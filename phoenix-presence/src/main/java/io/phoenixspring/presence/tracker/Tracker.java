package io.phoenixspring.presence.tracker;

import io.phoenixspring.pubsub.PhoenixJson;
import io.phoenixspring.pubsub.PubSub;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Phoenix.Tracker: presences of owners (channels, or anything with a lifecycle) on topics,
 * replicated to every node that runs a tracker of the same name on the same {@link PubSub}.
 *
 * <pre>{@code
 * Tracker tracker = new Tracker(pubSub, TrackerOptions.defaults("presence"), (topic, joins, leaves) -> {});
 * String ref = tracker.track(owner, "room:lobby", "alice", Map.of("status", "online"));
 * tracker.list("room:lobby"); // {alice=[{phx_ref=..., status=online}]}
 * }</pre>
 *
 * <p>Each node owns the presences it tracks. State is a CRDT split into {@code poolSize} shards
 * by topic; each shard heartbeats every {@code broadcastPeriod} with the changes since its last
 * heartbeat (a delta), and a node that missed changes (a gap in the clocks, a delta too large to
 * send, a restart) asks the owner for its whole state. Replicas silent for {@code downPeriod} are
 * marked down and their presences leave (the listener is told); if they speak again before
 * {@code permdownPeriod} their presences come back, otherwise they are discarded. A node that
 * restarts is a new replica, and its old incarnation is discarded as soon as it is heard from.
 *
 * <p>Local changes are visible to {@link #list} at once and reported to the
 * {@link TrackerListener} synchronously, in order; all calls are thread safe and never wait for
 * the network.
 */
public final class Tracker implements AutoCloseable {

    private final TrackerOptions options;
    private final tools.jackson.databind.json.JsonMapper json;
    private final String replica;
    private final Shard[] shards;
    private final ScheduledThreadPoolExecutor[] executors;

    public Tracker(PubSub pubSub, TrackerOptions options, TrackerListener listener) {
        this(pubSub, options, listener, PhoenixJson.defaults());
    }

    /**
     * A tracker whose metas are made plain JSON values with {@code json} (Phoenix's one JSON
     * configuration: the application's serializers for the values in a meta apply).
     */
    public Tracker(PubSub pubSub, TrackerOptions options, TrackerListener listener, PhoenixJson json) {
        Objects.requireNonNull(pubSub, "pubSub");
        this.json = Objects.requireNonNull(json, "json").server();
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        this.replica = pubSub.nodeName() + "#" + Long.toUnsignedString(System.currentTimeMillis(), 36) + "."
                + Integer.toUnsignedString(new SecureRandom().nextInt(), 36);
        this.shards = new Shard[options.poolSize()];
        this.executors = new ScheduledThreadPoolExecutor[options.poolSize()];
        for (int i = 0; i < shards.length; i++) {
            String threadName = "phx-tracker-" + options.name() + "-" + i;
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            executors[i] = executor;
            shards[i] = new Shard(pubSub, options, listener, replica, i, executor, this.json);
        }
        for (Shard shard : shards) {
            shard.start();
        }
    }

    public TrackerOptions options() {
        return options;
    }

    /** This node's replica id: the PubSub node name and a per-start suffix. */
    public String replica() {
        return replica;
    }

    /**
     * Tracks {@code owner} as a presence under {@code key} on {@code topic} ({@code track/4}).
     *
     * @return the presence's {@code phx_ref}
     * @throws IllegalStateException if this owner already tracks this key on this topic
     * @throws InvalidMetaException if the meta cannot be replicated (a value that cannot be written
     *         as JSON, or nested too deep); nothing is tracked then
     */
    public String track(Object owner, String topic, String key, Map<String, ?> meta) {
        requireNonNull(owner, topic, key);
        return shard(topic).track(owner, topic, key, Metas.normalize(json, topic, key, meta));
    }

    /**
     * Replaces the meta of a tracked presence: one diff with the new meta (new {@code phx_ref},
     * {@code phx_ref_prev} = the old one) among the joins and the old meta among the leaves.
     *
     * @return the new {@code phx_ref}
     * @throws java.util.NoSuchElementException if the owner does not track this key on this topic
     * @throws InvalidMetaException if the new meta cannot be replicated; the old one stays then
     */
    public String update(Object owner, String topic, String key, Map<String, ?> meta) {
        requireNonNull(owner, topic, key);
        Map<String, Object> plain = Metas.normalize(json, topic, key, meta);
        return update(owner, topic, key, old -> plain);
    }

    /**
     * Like {@link #update(Object, String, String, Map)} with a function of the current meta (without
     * refs); it runs under the shard's lock, so it must be quick.
     */
    public String update(Object owner, String topic, String key, UnaryOperator<Map<String, Object>> change) {
        requireNonNull(owner, topic, key);
        Objects.requireNonNull(change, "change");
        return shard(topic).update(owner, topic, key, change);
    }

    /** Stops tracking one presence of an owner; false if it was not tracked. */
    public boolean untrack(Object owner, String topic, String key) {
        requireNonNull(owner, topic, key);
        return shard(topic).untrack(owner, topic, key);
    }

    /**
     * Stops tracking every presence of an owner (what Phoenix does when a tracked process exits).
     *
     * @return the topics the owner had presences on
     */
    public Set<String> untrack(Object owner) {
        Objects.requireNonNull(owner, "owner");
        Set<String> topics = new HashSet<>();
        for (Shard shard : shards) {
            topics.addAll(shard.untrackAll(owner));
        }
        return topics;
    }

    /** The presences of a topic on every node that is up: key → metas. */
    public Map<String, List<Map<String, Object>>> list(String topic) {
        Objects.requireNonNull(topic, "topic");
        return shard(topic).list(topic);
    }

    /** The metas of one key on a topic (empty if none). */
    public List<Map<String, Object>> getByKey(String topic, String key) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        return shard(topic).get(topic, key);
    }

    /** Topics that have presences on this node's view (some may list none while their node is down). */
    public Set<String> topics() {
        Set<String> topics = new java.util.TreeSet<>();
        for (Shard shard : shards) {
            topics.addAll(shard.topics());
        }
        return topics;
    }

    /** Number of presences (metas) on a topic. */
    public int size(String topic) {
        return shard(topic).count(topic);
    }

    /**
     * The visible keys and metas of a topic per replica holding them, sorted by replica id (one
     * entry per node, so as many as the cluster has); empty for a topic with none. What the
     * dashboard's presence page shows per node.
     */
    public List<ReplicaCount> replicaCounts(String topic) {
        Objects.requireNonNull(topic, "topic");
        return shard(topic).replicaCounts(topic);
    }

    /** Remote replicas that every shard currently considers up. */
    public Set<String> upReplicas() {
        Set<String> up = new HashSet<>(shards[0].upReplicas());
        for (int i = 1; i < shards.length; i++) {
            up.retainAll(shards[i].upReplicas());
        }
        return up;
    }

    /** Remote replicas that some shard considers down (but not yet permanently). */
    public Set<String> downReplicas() {
        Set<String> down = new HashSet<>();
        for (Shard shard : shards) {
            down.addAll(shard.downReplicas());
        }
        return down;
    }

    /**
     * Presences whose meta could not be written as JSON (only possible for one tracked past the
     * checks of {@link #track}, or received from a node with other limits): each is left out of
     * what this node lists, reports and replicates, with one WARN line, and blocks nothing else.
     */
    public long unwritableMetas() {
        long n = 0;
        for (Shard shard : shards) {
            n += shard.unwritableMetas();
        }
        return n;
    }

    /** Replication messages that were dropped as malformed. */
    public long malformedMessages() {
        long n = 0;
        for (Shard shard : shards) {
            n += shard.malformedMessages();
        }
        return n;
    }

    /**
     * Leaves the cluster gracefully (Phoenix's {@code graceful_permdown}): the other nodes drop
     * this node's presences at once instead of waiting for {@code downPeriod}.
     */
    @Override
    public void close() {
        shutdown(true);
    }

    /** Stops without telling the other nodes, as a crash would; they notice after {@code downPeriod}. */
    public void halt() {
        shutdown(false);
    }

    private void shutdown(boolean goodbye) {
        for (Shard shard : shards) {
            shard.close(goodbye);
        }
        for (ScheduledExecutorService executor : executors) {
            executor.shutdownNow();
        }
        for (ScheduledExecutorService executor : executors) {
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Shard shard(String topic) {
        return shards[Math.floorMod(topic.hashCode(), shards.length)];
    }

    private static void requireNonNull(Object owner, String topic, String key) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
    }
}
