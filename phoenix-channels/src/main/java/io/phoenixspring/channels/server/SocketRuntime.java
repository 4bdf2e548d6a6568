package io.phoenixspring.channels.server;

import io.phoenixspring.channels.serializer.Serializer;
import io.phoenixspring.channels.serializer.Serializers;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.Outbound;
import io.phoenixspring.channels.socket.SessionReader;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.pubsub.Dispatcher;
import io.phoenixspring.pubsub.PhoenixJson;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.Subscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What every socket of an application shares: the PubSub, the executor channel callbacks run on,
 * timers, metrics, and the set of open connections (for draining on shutdown). Transports use it
 * to {@link #authorize} and {@link #open} connections; the {@code Endpoint} uses it to broadcast.
 *
 * <pre>{@code
 * SocketRuntime runtime = new SocketRuntime(pubSub, ChannelsMetrics.noop());
 * runtime.authorize(mounted, params, info, "websocket").map(c -> runtime.open(c, outbound));
 * }</pre>
 *
 * <p>Broadcasts use the fastlane: a broadcast is encoded once per serializer and the same frame is
 * handed to every subscribed socket, unless its channel intercepts the event.
 */
public final class SocketRuntime implements AutoCloseable {

    /** The id of the fastlane dispatcher, registered on every node's PubSub. */
    public static final String FASTLANE = "phoenix.channels.fastlane";

    private static final Logger log = LoggerFactory.getLogger(SocketRuntime.class);

    private final PubSub pubSub;
    private final ChannelsMetrics metrics;
    private final PhoenixJson json;
    private final Serializers serializers;
    private final ChannelThreads threads;
    private final SessionReader sessions;
    /** The pool this runtime made and so shuts down on close; null when the executor was given. */
    private final Set<SocketConnection> connections = ConcurrentHashMap.newKeySet();
    /** Stateless, so one instance serves every runtime sharing a PubSub (PubSub ids must be unique). */
    private static final Dispatcher FASTLANE_DISPATCHER = Fastlane::dispatch;
    private final Dispatcher fastlane = FASTLANE_DISPATCHER;

    /** A runtime whose channel callbacks run on its own pool, shut down by {@link #close()}. */
    public SocketRuntime(PubSub pubSub, ChannelsMetrics metrics) {
        this(pubSub, metrics, ChannelThreads.own(), PhoenixJson.defaults(), null);
    }

    /**
     * A runtime whose channel callbacks ({@code connect}, {@code join}, {@code handle_in}, ...) run
     * on {@code channelExecutor}. Each channel still handles one message at a time whatever the
     * executor's threads; callbacks may block, so it should not be a network thread. The runtime
     * does not shut it down: its owner does.
     */
    public SocketRuntime(PubSub pubSub, ChannelsMetrics metrics, Executor channelExecutor) {
        this(pubSub, metrics, ChannelThreads.on(java.util.Objects.requireNonNull(channelExecutor, "channelExecutor")),
                PhoenixJson.defaults(), null);
    }

    private SocketRuntime(PubSub pubSub, ChannelsMetrics metrics, ChannelThreads threads, PhoenixJson json,
            SessionReader sessions) {
        this.pubSub = pubSub;
        this.metrics = metrics;
        this.json = java.util.Objects.requireNonNull(json, "json");
        this.serializers = Serializers.of(json);
        this.threads = threads;
        this.sessions = sessions;
        pubSub.registerDispatcher(FASTLANE, fastlane);
    }

    /**
     * A runtime with every setting named:
     *
     * <pre>{@code
     * SocketRuntime runtime = SocketRuntime.builder(pubSub)
     *         .metrics(new ChannelsMetrics(meterRegistry))
     *         .json(PhoenixJson.of(builder -> builder.addModule(module)))
     *         .build();
     * }</pre>
     */
    public static Builder builder(PubSub pubSub) {
        return new Builder(pubSub);
    }

    /** Settings of a {@link SocketRuntime}; unset ones take the defaults of {@link #SocketRuntime(PubSub, ChannelsMetrics)}. */
    public static final class Builder {
        private final PubSub pubSub;
        private ChannelsMetrics metrics = ChannelsMetrics.noop();
        private PhoenixJson json = PhoenixJson.defaults();
        private Executor channelExecutor;
        private SessionReader sessions;

        private Builder(PubSub pubSub) {
            this.pubSub = java.util.Objects.requireNonNull(pubSub, "pubSub");
        }

        public Builder metrics(ChannelsMetrics metrics) {
            this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** The JSON configuration frames, broadcasts and payload conversions use. */
        public Builder json(PhoenixJson json) {
            this.json = java.util.Objects.requireNonNull(json, "json");
            return this;
        }

        /** Where channel callbacks run (not shut down by the runtime); default: the runtime's own pool. */
        public Builder channelExecutor(Executor channelExecutor) {
            this.channelExecutor = channelExecutor;
            return this;
        }

        /** Reads the browser session for sockets declared with {@code session = true}; default: none. */
        public Builder sessions(SessionReader reader) {
            this.sessions = reader;
            return this;
        }

        public SocketRuntime build() {
            return new SocketRuntime(pubSub, metrics,
                    channelExecutor == null ? ChannelThreads.own() : ChannelThreads.on(channelExecutor), json, sessions);
        }
    }

    public PubSub pubSub() {
        return pubSub;
    }

    /** The reader of browser sessions for sockets that ask for one; null when there is none. */
    public SessionReader sessions() {
        return sessions;
    }

    public ChannelsMetrics metrics() {
        return metrics;
    }

    /** The JSON configuration frames and broadcasts are written with. */
    public PhoenixJson json() {
        return json;
    }

    Executor channelExecutor() {
        return threads.executor();
    }

    ScheduledExecutorService timer() {
        return threads.timer();
    }

    /**
     * The outcome of a connect attempt.
     *
     * @param refusal why it was refused (what {@code connect} gave {@link ConnectResult#error(Object)}), or null
     */
    public record Connected(MountedSocket mount, Socket socket, Serializer serializer, Object refusal) {

        public boolean accepted() {
            return refusal == null;
        }
    }

    /**
     * Runs the socket's {@code connect} off the network threads.
     *
     * @param params connect parameters, including {@code vsn}
     * @param transport {@code websocket} or {@code longpoll}
     */
    public Mono<Connected> authorize(MountedSocket mount, Map<String, String> params, ConnectInfo info, String transport) {
        Serializer serializer = serializers.forVsn(params.get("vsn"));
        if (serializer == null) {
            log.warn("Refusing {} connection to {}: unsupported vsn {}", transport, mount.handlerName(), params.get("vsn"));
            return Mono.just(new Connected(mount, null, null, "unsupported vsn"));
        }
        if (mount.authenticated() && !info.authenticated()) {
            log.info("REFUSED CONNECTION TO {}: no authenticated user ({} transport)", mount.handlerName(), transport);
            metrics.connect(mount.handlerName(), transport, false, Duration.ZERO);
            return Mono.just(new Connected(mount, null, serializer, ConnectResult.UNAUTHENTICATED));
        }
        // Phoenix's rule: a session is only given to a client that proves it read the page (CSRF).
        if (mount.session() && info.session() != null
                && (sessions == null || !sessions.csrfTokenMatches(info.session(), params.get("_csrf_token")))) {
            log.warn("REFUSED CONNECTION TO {}: the _csrf_token connect param does not match the session's ({} transport)",
                    mount.handlerName(), transport);
            metrics.connect(mount.handlerName(), transport, false, Duration.ZERO);
            return Mono.just(new Connected(mount, null, serializer, ConnectResult.INVALID_CSRF_TOKEN));
        }
        Socket socket = Socket.connecting(transport, serializer.version(), mount.handlerName());
        long started = System.nanoTime();
        io.micrometer.observation.Observation observation = metrics.observe("phoenix.socket_connected",
                io.micrometer.common.KeyValues.of("socket", mount.handlerName(), "transport", transport),
                io.micrometer.common.KeyValues.empty());
        return Mono.fromCallable(() -> mount.handler().connect(params, socket, info))
                .subscribeOn(threads.scheduler())
                .flatMap(result -> result instanceof Mono<?> mono ? mono.cast(Object.class) : Mono.just(result))
                .map(result -> {
                    if (!(result instanceof ConnectResult connectResult)) {
                        throw new IllegalStateException("connect must return a ConnectResult, got " + result);
                    }
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    if (connectResult.accepted()) {
                        socket.id(mount.handler().id(socket));
                    }
                    observation.stop();
                    logConnect(mount, params, transport, serializer, connectResult, took);
                    metrics.connect(mount.handlerName(), transport, connectResult.accepted(), took);
                    return new Connected(mount, socket, serializer,
                            connectResult.accepted() ? null : connectResult.reason());
                })
                .onErrorResume(failure -> {
                    observation.error(failure);
                    observation.stop();
                    log.error("connect of {} crashed; refusing the connection", mount.handlerName(), failure);
                    return Mono.just(new Connected(mount, socket, serializer, "connect crashed"));
                });
    }

    private static void logConnect(MountedSocket mount, Map<String, String> params, String transport,
            Serializer serializer, ConnectResult result, Duration took) {
        if (log.isInfoEnabled()) {
            log.info("{} {} in {}\n  Transport: {}\n  Serializer: V{}\n  Parameters: {}",
                    result.accepted() ? "CONNECTED TO" : "REFUSED CONNECTION TO", mount.handlerName(), format(took),
                    transport, serializer.version().charAt(0), ParamFilter.filter(params));
        }
    }

    /** Starts the protocol on an authorized connection. */
    public SocketConnection open(Connected connected, Outbound outbound) {
        if (!connected.accepted()) {
            throw new IllegalArgumentException("connection was refused: " + connected.refusal());
        }
        SocketConnection connection = new SocketConnection(this, connected.mount(), connected.serializer(),
                connected.socket(), outbound);
        connections.add(connection);
        connection.start();
        return connection;
    }

    void connectionClosed(SocketConnection connection, String reason) {
        if (connections.remove(connection)) {
            metrics.disconnect(connection.mount().handlerName(), reason);
        }
    }

    public int connectionCount() {
        return connections.size();
    }

    /**
     * Open connections by socket handler, then by transport, as Actuator reports them:
     * {@code {"UserSocket": {"websocket": 3, "longpoll": 1}}}.
     */
    public Map<String, Map<String, Integer>> connectionsBySocket() {
        Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
        for (SocketConnection connection : connections) {
            counts.computeIfAbsent(connection.mount().handlerName(), h -> new java.util.TreeMap<>())
                    .merge(connection.socket().transport(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The joined channels with the most messages waiting in their mailboxes (Phoenix's message
     * queue length of a channel process), deepest first, with the socket's outbound queue beside
     * each. Reads every joined channel's queue (nothing is counted on the message path), so it
     * costs a walk of the channels: for dashboards, once per refresh.
     *
     * <pre>{@code
     * runtime.deepestMailboxes(10).forEach(q -> log.info("{} {}: {} waiting", q.socket(), q.topic(), q.depth()));
     * }</pre>
     *
     * @param limit how many to return at most
     */
    public java.util.List<ChannelQueue> deepestMailboxes(int limit) {
        if (limit <= 0) {
            return java.util.List.of();
        }
        java.util.Comparator<ChannelQueue> order = java.util.Comparator.comparingInt(ChannelQueue::depth)
                .thenComparingInt(ChannelQueue::outbound).thenComparing(ChannelQueue::topic, java.util.Comparator.reverseOrder());
        java.util.PriorityQueue<ChannelQueue> top = new java.util.PriorityQueue<>(limit + 1, order);
        for (SocketConnection connection : connections) {
            int outbound = -1;
            for (ChannelServer channel : connection.channels()) {
                if (!channel.joined()) {
                    continue;
                }
                if (outbound < 0) {
                    outbound = connection.outbound().queued();
                }
                ChannelQueue queue = new ChannelQueue(connection.mount().handlerName(), connection.socket().transport(),
                        channel.topic(), channel.pattern(), channel.mailboxDepth(), outbound);
                top.offer(queue);
                if (top.size() > limit) {
                    top.poll();
                }
            }
        }
        java.util.List<ChannelQueue> deepest = new ArrayList<>(top);
        deepest.sort(order.reversed());
        return deepest;
    }

    /**
     * Broadcasts to a topic on every node ({@code from} excluded when given).
     *
     * @return completes when the other nodes' share was published
     */
    public CompletableFuture<Void> broadcast(Subscriber from, String topic, String event, Object payload) {
        metrics.broadcast();
        Map<String, Object> envelope = BroadcastEnvelope.wrap(topic, event, payload, json.server());
        return from == null ? pubSub.broadcast(topic, envelope, fastlane) : pubSub.broadcastFrom(from, topic, envelope, fastlane);
    }

    /** Broadcasts to the subscribers of this node only. */
    public void localBroadcast(Subscriber from, String topic, String event, Object payload) {
        metrics.broadcast();
        Map<String, Object> envelope = BroadcastEnvelope.wrap(topic, event, payload, json.server());
        if (from == null) {
            pubSub.localBroadcast(topic, envelope, fastlane);
        } else {
            pubSub.localBroadcastFrom(from, topic, envelope, fastlane);
        }
    }

    /**
     * Phoenix's socket drainer: closes every connection in batches, so that clients reconnect to
     * other nodes over time instead of all at once.
     *
     * @return how many connections were asked to close
     */
    public int drain(int batchSize, Duration batchInterval, Duration shutdown) {
        return Drainer.drain(new ArrayList<>(connections), batchSize, batchInterval, shutdown);
    }

    @Override
    public void close() {
        threads.close();
    }

    static String format(Duration took) {
        long micros = took.toNanos() / 1000;
        return micros < 1000 ? micros + "µs" : (micros / 1000) + "ms";
    }
}
