package io.phoenixspring.channels.server;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micrometer meters for sockets and channels, the counterpart of Phoenix's telemetry events
 * ({@code [:phoenix, :socket_connected]}, {@code [:phoenix, :channel_joined]},
 * {@code [:phoenix, :channel_handled_in]}).
 *
 * <pre>{@code
 * new SocketRuntime(pubSub, new ChannelsMetrics(meterRegistry));
 * }</pre>
 */
public final class ChannelsMetrics {

    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final AtomicInteger activeSockets = new AtomicInteger();
    private final AtomicInteger joinedChannels = new AtomicInteger();
    /** Joined channels per topic pattern; patterns come from the socket's routes, so the map stays small. */
    private final java.util.concurrent.ConcurrentMap<String, AtomicInteger> joinedByRoute =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Counter broadcasts;
    private final Counter slowConsumers;
    private final Counter invalidMessages;
    private final Counter unencodable;
    /** The same events counted here too, so the figures do not depend on the registry's kind (rare events). */
    private final java.util.concurrent.atomic.LongAdder slowConsumerCount = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder invalidMessageCount = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder unencodableCount = new java.util.concurrent.atomic.LongAdder();

    public ChannelsMetrics(MeterRegistry registry) {
        this(registry, ObservationRegistry.NOOP);
    }

    /**
     * Meters plus Micrometer observations ({@code phoenix.socket_connected},
     * {@code phoenix.channel_joined}, {@code phoenix.channel_handled_in}, as Phoenix's telemetry events)
     * for tracing and, through Boot's meter handler, their own timers.
     */
    public ChannelsMetrics(MeterRegistry registry, ObservationRegistry observations) {
        this.registry = registry;
        this.observations = observations;
        registry.gauge("phoenix.sockets.active", activeSockets);
        registry.gauge("phoenix.channels.joined", joinedChannels);
        broadcasts = Counter.builder("phoenix.broadcasts").description("broadcasts sent through the endpoint")
                .register(registry);
        slowConsumers = Counter.builder("phoenix.socket.slow_consumer_disconnects")
                .description("sockets closed because their outbound queue was full").register(registry);
        invalidMessages = Counter.builder("phoenix.socket.invalid_messages")
                .description("frames that were not Phoenix messages; their socket was closed").register(registry);
        unencodable = Counter.builder("phoenix.socket.unencodable_messages")
                .description("replies, pushes and broadcasts the server could not encode for a client "
                        + "(replies are answered with an error instead)").register(registry);
    }

    /** Meters that go nowhere, for use without Micrometer wiring. */
    public static ChannelsMetrics noop() {
        return new ChannelsMetrics(new SimpleMeterRegistry());
    }

    /** Channels joined now, per topic pattern ({@code "room:*"}); patterns with none are left out. */
    public java.util.Map<String, Integer> joinedByRoute() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        joinedByRoute.forEach((route, n) -> {
            if (n.get() > 0) {
                counts.put(route, n.get());
            }
        });
        return counts;
    }

    /** Sockets closed because their outbound queue was full, since start ({@code phoenix.socket.slow_consumer_disconnects}). */
    public long slowConsumerDisconnects() {
        return slowConsumerCount.sum();
    }

    /** Frames that were not Phoenix messages (their socket was closed), since start ({@code phoenix.socket.invalid_messages}). */
    public long invalidMessages() {
        return invalidMessageCount.sum();
    }

    /** Replies, pushes and broadcasts that could not be encoded, since start ({@code phoenix.socket.unencodable_messages}). */
    public long unencodableMessages() {
        return unencodableCount.sum();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Starts an observation; the caller stops it (and reports an error) when the callback completes.
     * Named after Phoenix's telemetry event ({@code phoenix.channel_handled_in} for
     * {@code [:phoenix, :channel_handled_in]}), never after one of the timers above: Boot's meter
     * handler turns an observation into a timer of the same name, which would count every event twice.
     *
     * @param low bounded values only (patterns, handler names); a topic or an event a client chose is high
     */
    Observation observe(String name, KeyValues low, KeyValues high) {
        if (observations.isNoop()) {
            return Observation.NOOP;
        }
        return Observation.createNotStarted(name, observations).lowCardinalityKeyValues(low)
                .highCardinalityKeyValues(high).start();
    }

    /** Meters looked up once per tag combination: registering on every event costs an id and a map lookup. */
    private final java.util.concurrent.ConcurrentMap<java.util.List<String>, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    private Timer timer(String name, String description, String... tags) {
        java.util.List<String> key = new java.util.ArrayList<>(tags.length + 1);
        key.add(name);
        java.util.Collections.addAll(key, tags);
        return timers.computeIfAbsent(key, k -> Timer.builder(name).description(description).tags(tags).register(registry));
    }

    void connect(String handler, String transport, boolean accepted, Duration took) {
        timer("phoenix.socket.connect", "socket connect callbacks",
                "socket", handler, "transport", transport, "result", accepted ? "ok" : "error").record(took);
        if (accepted) {
            activeSockets.incrementAndGet();
        }
    }

    void disconnect(String handler, String reason) {
        activeSockets.decrementAndGet();
        registry.counter("phoenix.socket.disconnects", "socket", handler, "reason", reason).increment();
    }

    void join(String route, String result, Duration took) {
        timer("phoenix.channel.join", "channel join callbacks", "channel", route, "result", result).record(took);
        if ("ok".equals(result)) {
            joinedChannels.incrementAndGet();
            joinedByRoute.computeIfAbsent(route, r -> new AtomicInteger()).incrementAndGet();
        }
    }

    void left(String route, String reason) {
        joinedChannels.decrementAndGet();
        AtomicInteger joined = joinedByRoute.get(route);
        if (joined != null) {
            joined.decrementAndGet();
        }
        registry.counter("phoenix.channel.exits", "channel", route, "reason", reason).increment();
    }

    void handledIn(String route, String result, Duration took) {
        timer("phoenix.channel.handle_in", "channel handle_in callbacks", "channel", route, "result", result).record(took);
    }

    void broadcast() {
        broadcasts.increment();
    }

    void slowConsumer() {
        slowConsumers.increment();
        slowConsumerCount.increment();
    }

    void invalidMessage() {
        invalidMessages.increment();
        invalidMessageCount.increment();
    }

    void unencodable() {
        unencodable.increment();
        unencodableCount.increment();
    }
}
