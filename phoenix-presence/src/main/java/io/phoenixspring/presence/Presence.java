package io.phoenixspring.presence;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.presence.tracker.Tracker;
import io.phoenixspring.pubsub.PubSub;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phoenix.Presence: who is on a topic, replicated across nodes, with {@code presence_state} and
 * {@code presence_diff} exactly as Phoenix sends them, so the JS client's {@code Presence} works
 * unchanged.
 *
 * <pre>{@code
 * @HandleInfo
 * public HandleResult afterJoin(AfterJoin message, Socket socket) {
 *     presence.track(socket, socket.assign("user"), Map.of("online_at", String.valueOf(System.currentTimeMillis())));
 *     socket.push("presence_state", presence.list(socket));
 *     return HandleResult.noReply();
 * }
 * }</pre>
 *
 * <p>A presence tracked for a channel's {@link Socket} leaves when the channel ends for any reason
 * (left, crashed, stopped, socket closed, replaced by a duplicate join). Every change is broadcast
 * to the topic's subscribers on this node as {@code presence_diff} {@code {"joins":…,"leaves":…}}
 * (each node sends the diffs of the changes it sees, its own and the other nodes'), gathered over
 * {@link PresenceOptions#diffWindow()} when that is not zero. Tracking is a short in-memory
 * operation: it never waits for the network or for other channels. {@link PresenceHandler}s
 * (Phoenix's {@code handle_metas/4}) see every diff after it is sent, on a thread of their own.
 */
public final class Presence implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Presence.class);
    private static final String METAS = "metas";

    private final Tracker tracker;
    private final DiffBuffer diffs;
    private final PresenceFetcher fetcher;
    private final PresenceHandlers handlers;
    private final PresenceOptions options;
    private final Set<Socket> monitored = ConcurrentHashMap.newKeySet();

    private Presence(Builder builder) {
        this.options = builder.options;
        this.fetcher = builder.fetcher;
        Endpoint endpoint = builder.endpoint;
        this.handlers = new PresenceHandlers(builder.handlers, options.tracker().name());
        this.diffs = new DiffBuffer(options.diffWindow(), options.tracker().poolSize(), options.tracker().name(),
                (topic, joins, leaves) -> sendDiff(endpoint, topic, joins, leaves));
        // Metas are made plain with the endpoint's JSON configuration, as its broadcasts are.
        this.tracker = new Tracker(builder.pubSub, options.tracker(), diffs::add, endpoint.json());
    }

    /**
     * A builder; {@code pubSub} carries the replication between nodes and {@code endpoint} the
     * {@code presence_diff} broadcasts to this node's sockets.
     */
    public static Builder builder(PubSub pubSub, Endpoint endpoint) {
        return new Builder(pubSub, endpoint);
    }

    public PresenceOptions options() {
        return options;
    }

    /** The underlying tracker (for replication diagnostics). */
    public Tracker tracker() {
        return tracker;
    }

    // ---- channels ----

    /**
     * Tracks the channel of {@code socket} under {@code key} on its topic ({@code track/3}); the
     * presence leaves when the channel ends.
     *
     * @return the presence's {@code phx_ref}
     * @throws IllegalStateException if this channel already tracks {@code key}
     * @throws io.phoenixspring.presence.tracker.InvalidMetaException if the meta cannot be replicated
     *         (a value that cannot be written as JSON, or nested too deep); nothing is tracked then
     */
    public String track(Socket socket, String key, Map<String, ?> meta) {
        Objects.requireNonNull(socket, "socket");
        String ref = tracker.track(socket, topicOf(socket), key, meta);
        if (monitored.add(socket)) {
            socket.monitor(reason -> ownerExited(socket, reason));
        }
        return ref;
    }

    /**
     * {@code update/3}: replaces the meta of this channel's presence under {@code key}.
     *
     * @throws io.phoenixspring.presence.tracker.InvalidMetaException if the new meta cannot be
     *         replicated; the old one stays then
     */
    public String update(Socket socket, String key, Map<String, ?> meta) {
        return tracker.update(socket, topicOf(socket), key, meta);
    }

    /**
     * {@code update/3} with a function of the current meta (refs removed).
     *
     * @throws io.phoenixspring.presence.tracker.InvalidMetaException if the new meta cannot be
     *         replicated; the old one stays then
     */
    public String update(Socket socket, String key, UnaryOperator<Map<String, Object>> change) {
        return tracker.update(socket, topicOf(socket), key, change);
    }

    /** {@code untrack/2}. */
    public boolean untrack(Socket socket, String key) {
        return tracker.untrack(socket, topicOf(socket), key);
    }

    /** {@code list/1} for the socket's topic: {@code key → {"metas": [...]}}, after the fetch hook. */
    public Map<String, Map<String, Object>> list(Socket socket) {
        return list(topicOf(socket));
    }

    public Optional<Map<String, Object>> getByKey(Socket socket, String key) {
        return getByKey(topicOf(socket), key);
    }

    // ---- any owner ----

    /**
     * Tracks any owner ({@code track/4}); call {@link #untrackAll(Object)} when the owner ends.
     * Owners are told apart by identity.
     */
    public String track(Object owner, String topic, String key, Map<String, ?> meta) {
        return tracker.track(owner, topic, key, meta);
    }

    public String update(Object owner, String topic, String key, Map<String, ?> meta) {
        return tracker.update(owner, topic, key, meta);
    }

    public String update(Object owner, String topic, String key, UnaryOperator<Map<String, Object>> change) {
        return tracker.update(owner, topic, key, change);
    }

    public boolean untrack(Object owner, String topic, String key) {
        return tracker.untrack(owner, topic, key);
    }

    /** Every presence of an owner leaves, as when a tracked process exits. */
    public Set<String> untrackAll(Object owner) {
        return tracker.untrack(owner);
    }

    /** {@code list/1}: {@code key → {"metas": [...]}} on every node that is up, after the fetch hook. */
    public Map<String, Map<String, Object>> list(String topic) {
        Map<String, List<Map<String, Object>>> metas = tracker.list(topic);
        if (metas.isEmpty()) {
            return Map.of();
        }
        return fetcher.fetch(topic, group(metas));
    }

    /** {@code get_by_key/2}: the presence of one key ({@code {"metas": [...]}} after the fetch hook), if any. */
    public Optional<Map<String, Object>> getByKey(String topic, String key) {
        List<Map<String, Object>> metas = tracker.getByKey(topic, key);
        if (metas.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Object>> one = new LinkedHashMap<>();
        one.put(key, presence(metas));
        return Optional.ofNullable(fetcher.fetch(topic, one).get(key));
    }

    /** Sends the diffs gathered for a topic now instead of at the end of the window. */
    public void flush(String topic) {
        diffs.flush(topic);
    }

    /** Leaves the cluster gracefully: other nodes drop this node's presences at once. */
    @Override
    public void close() {
        tracker.close();
        diffs.close();
        handlers.close();
    }

    // ---- internals ----

    private void ownerExited(Socket socket, String reason) {
        monitored.remove(socket);
        Set<String> topics = tracker.untrack(socket);
        if (reason != null && reason.contains("duplicate_join")) {
            // The same client joins this topic again right after this: send the leave now, before
            // the new channel subscribes, so that it never sees a leave of its own old presence.
            topics.forEach(diffs::flush);
        }
    }

    /** As Phoenix does: the {@code presence_diff} to this node's subscribers, then the handlers get the same diff. */
    private void sendDiff(Endpoint endpoint, String topic, Map<String, List<Map<String, Object>>> joins,
            Map<String, List<Map<String, Object>>> leaves) {
        Map<String, Map<String, Object>> fetchedJoins = fetchForDiff(topic, joins);
        Map<String, Map<String, Object>> fetchedLeaves = fetchForDiff(topic, leaves);
        try {
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("joins", fetchedJoins);
            diff.put("leaves", fetchedLeaves);
            endpoint.localBroadcast(topic, "presence_diff", diff);
        } finally {
            // even if the broadcast failed: the handlers' view of the topic follows every diff
            handlers.dispatch(topic, joins, leaves, fetchedJoins, fetchedLeaves);
        }
    }

    private Map<String, Map<String, Object>> fetchForDiff(String topic, Map<String, List<Map<String, Object>>> metas) {
        if (metas.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Object>> presences = group(metas);
        if (fetcher == PresenceFetcher.NONE) {
            return presences;
        }
        try {
            return fetcher.fetch(topic, presences);
        } catch (RuntimeException e) {
            log.error("Presence fetch failed for a presence_diff on '{}'; sending the diff without it", topic, e);
            return presences;
        }
    }

    private static Map<String, Map<String, Object>> group(Map<String, List<Map<String, Object>>> metas) {
        Map<String, Map<String, Object>> presences = new PresenceMap(metas.size() * 2);
        metas.forEach((key, list) -> presences.put(key, presence(list)));
        return presences;
    }

    private static Map<String, Object> presence(List<Map<String, Object>> metas) {
        return Collections.singletonMap(METAS, metas);
    }

    private static String topicOf(Socket socket) {
        String topic = socket.topic();
        if (topic == null) {
            throw new IllegalStateException("presence needs a channel's socket (one with a topic), not the connection's");
        }
        return topic;
    }

    /**
     * Configures a {@link Presence}.
     *
     * <pre>{@code
     * Presence presence = Presence.builder(pubSub, endpoint)
     *         .options(PresenceOptions.defaults().withDiffWindow(Duration.ofMillis(50)))
     *         .fetcher((topic, presences) -> presences)
     *         .handler((topic, joins, leaves, presences, state) -> state)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final PubSub pubSub;
        private final Endpoint endpoint;
        private PresenceOptions options = PresenceOptions.defaults();
        private PresenceFetcher fetcher = PresenceFetcher.NONE;
        private final List<PresenceHandler<?>> handlers = new ArrayList<>();

        private Builder(PubSub pubSub, Endpoint endpoint) {
            this.pubSub = Objects.requireNonNull(pubSub, "pubSub");
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        public Builder options(PresenceOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        public Builder fetcher(PresenceFetcher value) {
            this.fetcher = Objects.requireNonNull(value, "fetcher");
            return this;
        }

        /**
         * Adds a {@link PresenceHandler} (Phoenix's {@code handle_metas/4}); several are called in
         * the order they were added, each with its own state. Their {@code init()} runs in {@link #build()}.
         */
        public Builder handler(PresenceHandler<?> value) {
            handlers.add(Objects.requireNonNull(value, "handler"));
            return this;
        }

        public Presence build() {
            return new Presence(this);
        }
    }
}
