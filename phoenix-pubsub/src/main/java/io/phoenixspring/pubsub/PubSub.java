package io.phoenixspring.pubsub;

import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phoenix.PubSub for Java: topic-based publish/subscribe within a node and across a cluster.
 *
 * <pre>{@code
 * PubSub pubSub = PubSub.builder().name("my_pubsub").build();   // local only
 *
 * Subscriber me = (topic, message) -> inbox.offer(message);
 * pubSub.subscribe("user:123", me);
 * pubSub.broadcast("user:123", Map.of("id", 123, "name", "Shane"));
 * // inbox now holds {id=123, name=Shane}
 * }</pre>
 *
 * <p>With an {@link PubSubAdapter} (for example the Redis one) {@code broadcast},
 * {@code broadcastFrom} and {@code directBroadcast} also reach the other nodes. Broadcasting is
 * eager and never blocks: local subscribers get the message before the method returns, the other
 * nodes' share is published in the background, and the returned future tells whether that worked
 * (it fails with a {@link BroadcastException}, which is also logged and counted). Local delivery
 * does not wait for, and does not depend on, the publish to the other nodes.
 *
 * <p>Subscribing and unsubscribing only touch this node's in-memory registry: they never do I/O
 * and never block. The registry is split into {@code poolSize} shards by subscriber, so neither
 * subscribing nor fan-out to a hot topic takes a global lock, and fan-out does not copy the list
 * of subscribers.
 */
public final class PubSub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PubSub.class);

    private final String name;
    private final String nodeName;
    private final Registry registry;
    private final PubSubAdapter adapter;
    private final MessageCodec codec;
    private final PubSubMetrics metrics;
    private final Map<String, Dispatcher> dispatchersById = new ConcurrentHashMap<>();
    private final Map<Dispatcher, String> idsByDispatcher = new ConcurrentHashMap<>();
    private final FailureLog publishLog = new FailureLog(log, 10, TimeUnit.SECONDS);
    private final FailureLog inboundLog = new FailureLog(log, 10, TimeUnit.SECONDS);
    /**
     * Frames this node published, and frames carrying its name it received back. The adapter echoes
     * each publish at most once, so more echoes than publishes means another node has this name.
     */
    private final java.util.concurrent.atomic.AtomicLong published = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong echoes = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closed;
    /** The other nodes heard from, with when; bounded, the longest silent dropped first. */
    private final Map<String, LastSeen> nodesSeen = new ConcurrentHashMap<>();
    static final int MAX_NODES_SEEN = 64;

    /** A mutable time, so hearing from a known node again allocates nothing. */
    private static final class LastSeen {
        volatile long millis;

        LastSeen(long millis) {
            this.millis = millis;
        }
    }

    private PubSub(Builder builder) {
        this.name = builder.name;
        this.nodeName = builder.nodeName != null ? builder.nodeName : defaultNodeName();
        this.registry = new Registry(builder.poolSize);
        this.adapter = builder.adapter;
        this.codec = builder.codec != null ? builder.codec : new JsonMessageCodec();
        this.metrics = builder.metrics;
        registerDispatcher(Dispatcher.DEFAULT_ID, Dispatcher.DEFAULT);
        builder.dispatchers.forEach(this::registerDispatcher);
        if (adapter != null) {
            adapter.start(this::receive);
        }
    }

    /**
     * A builder; {@code PubSub.builder().build()} is a local-only PubSub named {@code phoenix}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the name of this pubsub system, which also names its channel on the adapter */
    public String name() {
        return name;
    }

    /** @return the name of this node, unique in the cluster (Phoenix's {@code node_name/1}) */
    public String nodeName() {
        return nodeName;
    }

    /** @return the adapter's kind, {@code local} without one or its class's simple name, e.g. {@code RedisPubSubAdapter} */
    public String adapterName() {
        return adapter == null ? "local" : adapter.getClass().getSimpleName();
    }

    /** @return the number of topics with at least one local subscription, as Actuator reports it */
    public int topicCount() {
        return registry.topicCount();
    }

    /**
     * Every topic with local subscriptions, with its subscription count and the messages dispatched
     * to it on this node (one counter per topic, kept only while the topic has subscribers). It
     * walks the registry, so it is for dashboards and diagnostics, not hot paths.
     *
     * <pre>{@code
     * List<TopicStats> top = pubSub.topicStats().stream()
     *         .sorted(Comparator.comparingInt(TopicStats::subscribers).reversed()).limit(10).toList();
     * }</pre>
     *
     * @return one entry per topic, in no particular order
     */
    public java.util.List<TopicStats> topicStats() {
        return registry.topicStats();
    }

    /**
     * The other nodes this node received broadcasts from, through its adapter, and when it last
     * did; at most {@value #MAX_NODES_SEEN} (the longest silent are forgotten first). Empty for a
     * local-only PubSub.
     *
     * @return the nodes, most recently heard first
     */
    public java.util.List<NodeSeen> nodesSeen() {
        return nodesSeen.entrySet().stream()
                .map(e -> new NodeSeen(e.getKey(), java.time.Instant.ofEpochMilli(e.getValue().millis)))
                .sorted(java.util.Comparator.comparing(NodeSeen::lastSeen).reversed().thenComparing(NodeSeen::node))
                .toList();
    }

    private void heardFrom(String node) {
        long now = System.currentTimeMillis();
        LastSeen seen = nodesSeen.get(node);
        if (seen != null) {
            seen.millis = now;
            return;
        }
        if (nodesSeen.size() >= MAX_NODES_SEEN) {
            nodesSeen.entrySet().stream().min(java.util.Comparator.comparingLong(e -> e.getValue().millis))
                    .ifPresent(oldest -> nodesSeen.remove(oldest.getKey(), oldest.getValue()));
        }
        nodesSeen.put(node, new LastSeen(now));
    }

    /** @return the number of registry shards */
    public int poolSize() {
        return registry.poolSize();
    }

    /**
     * Subscribes {@code subscriber} to {@code topic}. Subscribing twice gives two subscriptions
     * and so two deliveries per broadcast, as in Phoenix.
     *
     * @param topic the topic, for example {@code "users:123"}
     * @param subscriber who receives the messages
     */
    public void subscribe(String topic, Subscriber subscriber) {
        subscribe(topic, subscriber, null);
    }

    /**
     * Subscribes with metadata that custom {@link Dispatcher}s can read (Phoenix's
     * {@code metadata:} option).
     *
     * @param topic the topic
     * @param subscriber who receives the messages
     * @param metadata anything, or {@code null}
     */
    public void subscribe(String topic, Subscriber subscriber, Object metadata) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(subscriber, "subscriber");
        ensureOpen();
        registry.subscribe(topic, subscriber, metadata);
    }

    /**
     * Removes every subscription of {@code subscriber} to {@code topic}, duplicates included.
     * Does nothing when there is none.
     *
     * @param topic the topic
     * @param subscriber the subscriber
     */
    public void unsubscribe(String topic, Subscriber subscriber) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(subscriber, "subscriber");
        registry.unsubscribe(topic, subscriber);
    }

    /**
     * Broadcasts {@code message} on {@code topic} to the subscribers of every node.
     *
     * @param topic the topic
     * @param message the message; to cross nodes it must be encodable by the codec
     * @return completes when the other nodes' share was published, fails with a
     *     {@link BroadcastException} when it could not be
     * @throws IllegalArgumentException if the message cannot be encoded; nothing is delivered then
     */
    public CompletableFuture<Void> broadcast(String topic, Object message) {
        return broadcast(topic, message, Dispatcher.DEFAULT);
    }

    /**
     * {@link #broadcast(String, Object)} with a custom dispatcher, which must be registered on every
     * node.
     *
     * @param topic the topic
     * @param message the message
     * @param dispatcher how the message reaches the subscriptions on each node
     * @return the outcome of publishing to the other nodes
     */
    public CompletableFuture<Void> broadcast(String topic, Object message, Dispatcher dispatcher) {
        return cluster(null, topic, message, dispatcher);
    }

    /**
     * Broadcasts to the subscribers of every node except {@code from}'s own subscriptions.
     *
     * @param from the broadcasting subscriber, which does not receive the message
     * @param topic the topic
     * @param message the message
     * @return the outcome of publishing to the other nodes
     */
    public CompletableFuture<Void> broadcastFrom(Subscriber from, String topic, Object message) {
        return broadcastFrom(from, topic, message, Dispatcher.DEFAULT);
    }

    /**
     * {@link #broadcastFrom(Subscriber, String, Object)} with a custom dispatcher.
     *
     * @param from the broadcasting subscriber, handed to the dispatcher
     * @param topic the topic
     * @param message the message
     * @param dispatcher how the message reaches the subscriptions on each node
     * @return the outcome of publishing to the other nodes
     */
    public CompletableFuture<Void> broadcastFrom(Subscriber from, String topic, Object message,
            Dispatcher dispatcher) {
        Objects.requireNonNull(from, "from");
        return cluster(from, topic, message, dispatcher);
    }

    /**
     * Broadcasts to the subscribers of this node only. Never fails and never encodes.
     *
     * @param topic the topic
     * @param message the message
     */
    public void localBroadcast(String topic, Object message) {
        localBroadcast(topic, message, Dispatcher.DEFAULT);
    }

    /**
     * {@link #localBroadcast(String, Object)} with a custom dispatcher, which need not be
     * registered.
     *
     * @param topic the topic
     * @param message the message
     * @param dispatcher how the message reaches the subscriptions
     */
    public void localBroadcast(String topic, Object message, Dispatcher dispatcher) {
        local(null, topic, message, dispatcher);
    }

    /**
     * Broadcasts to the subscribers of this node except {@code from}.
     *
     * @param from the broadcasting subscriber, which does not receive the message
     * @param topic the topic
     * @param message the message
     */
    public void localBroadcastFrom(Subscriber from, String topic, Object message) {
        localBroadcastFrom(from, topic, message, Dispatcher.DEFAULT);
    }

    /**
     * {@link #localBroadcastFrom(Subscriber, String, Object)} with a custom dispatcher.
     *
     * @param from the broadcasting subscriber, handed to the dispatcher
     * @param topic the topic
     * @param message the message
     * @param dispatcher how the message reaches the subscriptions
     */
    public void localBroadcastFrom(Subscriber from, String topic, Object message, Dispatcher dispatcher) {
        Objects.requireNonNull(from, "from");
        local(from, topic, message, dispatcher);
    }

    /**
     * Broadcasts to the subscribers of the node named {@code node} only. Naming this node
     * dispatches locally without encoding.
     *
     * @param node the target node's {@link #nodeName()}
     * @param topic the topic
     * @param message the message
     * @return the outcome of publishing to that node; fails at once if this PubSub has no adapter
     *     and {@code node} is not this node
     */
    public CompletableFuture<Void> directBroadcast(String node, String topic, Object message) {
        return directBroadcast(node, topic, message, Dispatcher.DEFAULT);
    }

    /**
     * {@link #directBroadcast(String, String, Object)} with a custom dispatcher.
     *
     * @param node the target node's name
     * @param topic the topic
     * @param message the message
     * @param dispatcher how the message reaches the subscriptions on that node
     * @return the outcome of publishing to that node
     */
    public CompletableFuture<Void> directBroadcast(String node, String topic, Object message,
            Dispatcher dispatcher) {
        Objects.requireNonNull(node, "node");
        checkBroadcast(topic, dispatcher);
        metrics.broadcast(PubSubMetrics.Scope.DIRECT);
        if (node.equals(nodeName)) {
            dispatch(topic, null, message, dispatcher);
            return CompletableFuture.completedFuture(null);
        }
        if (adapter == null) {
            return failed(topic, new IllegalStateException("no node named '" + node + "' can be reached: pubsub '"
                    + name + "' has no adapter, so it is local to node '" + nodeName + "'"));
        }
        return publish(topic, frame(node, topic, message, dispatcher));
    }

    /**
     * Registers a dispatcher under an id so that broadcasts using it can cross nodes; register it
     * under the same id on every node. Registering the same pair again does nothing.
     *
     * @param id a stable name, for example {@code "channels.fastlane"}
     * @param dispatcher the dispatcher
     * @throws IllegalArgumentException if the id or the dispatcher is already registered otherwise
     */
    public synchronized void registerDispatcher(String id, Dispatcher dispatcher) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dispatcher, "dispatcher");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("dispatcher id must not be empty");
        }
        Dispatcher existing = dispatchersById.get(id);
        if (existing != null && existing != dispatcher) {
            throw new IllegalArgumentException("dispatcher id '" + id + "' is already registered for " + existing);
        }
        String existingId = idsByDispatcher.get(dispatcher);
        if (existingId != null && !existingId.equals(id)) {
            throw new IllegalArgumentException("dispatcher " + dispatcher + " is already registered as '"
                    + existingId + "'");
        }
        dispatchersById.put(id, dispatcher);
        idsByDispatcher.put(dispatcher, id);
    }

    /** Stops the adapter; later broadcasts and subscriptions throw {@link IllegalStateException}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (adapter != null) {
            adapter.close();
        }
    }

    /** Number of local subscriptions to a topic, duplicates counted; for tests and diagnostics. */
    int subscriptionCount(String topic) {
        return registry.count(topic);
    }

    Registry registry() {
        return registry;
    }

    private CompletableFuture<Void> cluster(Subscriber from, String topic, Object message, Dispatcher dispatcher) {
        checkBroadcast(topic, dispatcher);
        metrics.broadcast(PubSubMetrics.Scope.CLUSTER);
        if (adapter == null) {
            dispatch(topic, from, message, dispatcher);
            return CompletableFuture.completedFuture(null);
        }
        // Encode first: a message that cannot cross nodes is rejected before anyone receives it.
        byte[] frame = frame(null, topic, message, dispatcher);
        CompletableFuture<Void> published = publish(topic, frame);
        dispatch(topic, from, message, dispatcher);
        return published;
    }

    private void local(Subscriber from, String topic, Object message, Dispatcher dispatcher) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(dispatcher, "dispatcher");
        ensureOpen();
        metrics.broadcast(PubSubMetrics.Scope.LOCAL);
        dispatch(topic, from, message, dispatcher);
    }

    private void checkBroadcast(String topic, Dispatcher dispatcher) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(dispatcher, "dispatcher");
        ensureOpen();
    }

    private byte[] frame(String target, String topic, Object message, Dispatcher dispatcher) {
        String dispatcherId = idsByDispatcher.get(dispatcher);
        if (dispatcherId == null) {
            throw new IllegalArgumentException("dispatcher " + dispatcher + " is not registered; call "
                    + "registerDispatcher(id, dispatcher) with the same id on every node before broadcasting "
                    + "across nodes with it (local broadcasts need no registration)");
        }
        byte[] payload = codec.encode(message);
        return NodeFrame.encode(new Envelope(nodeName, target, topic, dispatcherId, codec.id(), payload));
    }

    private CompletableFuture<Void> publish(String topic, byte[] frame) {
        CompletableFuture<Void> attempt;
        // Counted before publishing: the echo may come back before publish returns.
        published.incrementAndGet();
        try {
            attempt = adapter.publish(frame);
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        attempt.whenComplete((ignored, error) -> {
            if (error == null) {
                publishLog.success(publishWhat());
                result.complete(null);
            } else {
                result.completeExceptionally(publishFailure(topic, unwrap(error)));
            }
        });
        return result;
    }

    private CompletableFuture<Void> failed(String topic, Throwable cause) {
        return CompletableFuture.failedFuture(publishFailure(topic, cause));
    }

    private BroadcastException publishFailure(String topic, Throwable cause) {
        metrics.publishFailed();
        publishLog.failure(publishWhat(), cause);
        return new BroadcastException("broadcast on topic '" + topic + "' did not reach the other nodes of pubsub '"
                + name + "': " + cause.getMessage(), cause);
    }

    private String publishWhat() {
        return "Publishing broadcasts of pubsub '" + name + "' to the other nodes";
    }

    private void dispatch(String topic, Subscriber from, Object message, Dispatcher dispatcher) {
        Subscriptions subscriptions = registry.lookup(topic);
        if (subscriptions == null) {
            return;
        }
        Registry.countMessage(subscriptions);
        if (dispatcher == Dispatcher.DEFAULT) {
            metrics.delivered(DefaultDispatch.deliver(topic, subscriptions, from, message, metrics));
            return;
        }
        try {
            dispatcher.dispatch(topic, subscriptions, from, message);
        } catch (RuntimeException e) {
            metrics.deliveryFailed();
            log.error("Dispatcher {} threw while dispatching on topic '{}'", dispatcher, topic, e);
        }
    }

    /** Inbound path for frames from the adapter; never throws, since it runs on the adapter's I/O thread. */
    void receive(byte[] frame) {
        try {
            Envelope envelope;
            try {
                envelope = NodeFrame.decode(frame);
            } catch (NodeFrame.UnsupportedVersionException e) {
                drop(PubSubMetrics.DropReason.UNSUPPORTED_VERSION, e);
                return;
            } catch (IllegalArgumentException e) {
                drop(PubSubMetrics.DropReason.MALFORMED, e);
                return;
            }
            if (envelope.origin().equals(nodeName)) {
                if (echoes.incrementAndGet() > published.get()) {
                    echoes.decrementAndGet();
                    drop(PubSubMetrics.DropReason.DUPLICATE_NODE_NAME, new IllegalStateException("another node "
                            + "publishes as '" + nodeName + "', this node's own name, so each drops the other's "
                            + "broadcasts as its own echoes; give every node a unique node name "
                            + "(phoenix.pubsub.node-name, default PID@HOSTNAME)"));
                }
                return;
            }
            heardFrom(envelope.origin());
            if (envelope.target() != null && !envelope.target().equals(nodeName)) {
                return;
            }
            Dispatcher dispatcher = dispatchersById.get(envelope.dispatcher());
            if (dispatcher == null) {
                drop(PubSubMetrics.DropReason.UNKNOWN_DISPATCHER, new IllegalArgumentException("node '"
                        + envelope.origin() + "' used dispatcher id '" + envelope.dispatcher()
                        + "', which is not registered on this node"));
                return;
            }
            if (!codec.id().equals(envelope.codec())) {
                drop(PubSubMetrics.DropReason.MALFORMED, new IllegalArgumentException("node '" + envelope.origin()
                        + "' encoded with codec '" + envelope.codec() + "' but this node uses '" + codec.id() + "'"));
                return;
            }
            metrics.received();
            if (registry.lookup(envelope.topic()) == null) {
                return; // nobody here listens: skip decoding the payload
            }
            Object message;
            try {
                message = codec.decode(envelope.payload());
            } catch (IllegalArgumentException e) {
                drop(PubSubMetrics.DropReason.MALFORMED, e);
                return;
            }
            inboundLog.success(inboundWhat());
            dispatch(envelope.topic(), null, message, dispatcher);
        } catch (RuntimeException e) {
            metrics.deliveryFailed();
            log.error("Unexpected failure handling a frame from another node of pubsub '{}'", name, e);
        }
    }

    private void drop(PubSubMetrics.DropReason reason, Throwable cause) {
        metrics.dropped(reason);
        inboundLog.failure(inboundWhat() + " (" + reason.name().toLowerCase(java.util.Locale.ROOT) + ")", cause);
    }

    private String inboundWhat() {
        return "Reading broadcasts of pubsub '" + name + "' from other nodes";
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("pubsub '" + name + "' is closed");
        }
    }

    private static Throwable unwrap(Throwable error) {
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    static String defaultNodeName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "localhost";
            }
        }
        return ProcessHandle.current().pid() + "@" + host;
    }

    /**
     * Configures a {@link PubSub}.
     *
     * <pre>{@code
     * PubSub pubSub = PubSub.builder()
     *         .name("chat")
     *         .nodeName("web-1")
     *         .poolSize(4)
     *         .adapter(redisAdapter)
     *         .codec(new JsonMessageCodec().register("user_update", UserUpdate.class))
     *         .build();
     * }</pre>
     */
    public static final class Builder {

        private String name = "phoenix";
        private String nodeName;
        private int poolSize = Runtime.getRuntime().availableProcessors();
        private PubSubAdapter adapter;
        private MessageCodec codec;
        private PubSubMetrics metrics = PubSubMetrics.NOOP;
        private final Map<String, Dispatcher> dispatchers = new java.util.LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param name the pubsub's name (default {@code phoenix}); nodes that talk to each other
         *     share it
         * @return this builder
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("pubsub name must not be blank");
            }
            this.name = name;
            return this;
        }

        /**
         * @param nodeName this node's name, unique in the cluster (default {@code <pid>@<host>})
         * @return this builder
         */
        public Builder nodeName(String nodeName) {
            Objects.requireNonNull(nodeName, "nodeName");
            if (nodeName.isBlank()) {
                throw new IllegalArgumentException("node name must not be blank");
            }
            this.nodeName = nodeName;
            return this;
        }

        /**
         * @param poolSize number of registry shards (default: available processors). Only this
         *     node's registry uses it, so nodes may differ.
         * @return this builder
         */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("pool size must be at least 1, was " + poolSize);
            }
            this.poolSize = poolSize;
            return this;
        }

        /**
         * @param adapter the transport to the other nodes, or {@code null} for local only (default)
         * @return this builder
         */
        public Builder adapter(PubSubAdapter adapter) {
            this.adapter = adapter;
            return this;
        }

        /**
         * @param codec the codec for messages that cross nodes (default {@link JsonMessageCodec})
         * @return this builder
         */
        public Builder codec(MessageCodec codec) {
            this.codec = codec;
            return this;
        }

        /**
         * @param metrics where to count broadcasts, deliveries and failures (default: nowhere)
         * @return this builder
         */
        public Builder metrics(PubSubMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /**
         * @param id the dispatcher's id, the same on every node
         * @param dispatcher the dispatcher
         * @return this builder
         * @see PubSub#registerDispatcher(String, Dispatcher)
         */
        public Builder dispatcher(String id, Dispatcher dispatcher) {
            dispatchers.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(dispatcher, "dispatcher"));
            return this;
        }

        /**
         * Builds the PubSub and starts its adapter, which connects in the background.
         *
         * @return the running PubSub
         */
        public PubSub build() {
            return new PubSub(this);
        }
    }
}
