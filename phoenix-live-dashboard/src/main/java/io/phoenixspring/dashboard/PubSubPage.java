package io.phoenixspring.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.phoenixspring.channels.server.ChannelsMetrics;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.AsyncResult;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.pubsub.NodeSeen;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.PubSubAdapter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The PubSub page ({@code <dashboard>/pubsub}): this node, the adapter and (for Redis) its state,
 * the other nodes heard from, topics, messages in and out per second, and frames dropped by reason.
 * Figures kept as Micrometer meters are read from the {@link MeterRegistry} when there is one; the
 * rest come from the PubSub and the socket runtime themselves. A built-in page; the
 * auto-configuration makes it a bean.
 */
@TemplateImports(DashboardComponents.class)
public final class PubSubPage extends DashboardPage {

    private static final String PREVIOUS = "pubsub_previous";
    private static final String PING = "redis_ping";
    private static final String PINGING = "redis_pinging";
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    /** Another node and when it was last heard from. */
    public record NodeRow(String id, String node, String lastSeen, String ago) {
    }

    /** Frames dropped for one reason since start; {@code count} is {@code n/a} when that counter is not available. */
    public record DropRow(String id, String source, String reason, String count) {
    }

    /** The Redis adapter's state from the latest PING. */
    public record RedisState(String server, String status, String roundTrip, String error) {
    }

    /** Counters read at one refresh, to compute rates at the next. */
    record Totals(long nanos, double broadcasts, double received, double deliveries, TopicRates topics) {
    }

    private final ObjectProvider<PubSub> pubSub;
    private final ObjectProvider<SocketRuntime> sockets;
    private final ObjectProvider<PubSubAdapter> adapters;
    private final ObjectProvider<MeterRegistry> meters;

    public PubSubPage(ObjectProvider<PubSub> pubSub, ObjectProvider<SocketRuntime> sockets,
            ObjectProvider<PubSubAdapter> adapters, ObjectProvider<MeterRegistry> meters) {
        this.pubSub = pubSub;
        this.sockets = sockets;
        this.adapters = adapters;
        this.meters = meters;
    }

    @Override
    protected void mountPage(Map<String, Object> params, LiveSocket socket) {
        PubSub bus = pubSub.getIfAvailable();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("name", bus == null ? "n/a" : bus.name());
        about.put("node", bus == null ? "n/a" : bus.nodeName());
        about.put("adapter", bus == null ? "n/a" : bus.adapterName());
        about.put("pool_size", bus == null ? "n/a" : String.valueOf(bus.poolSize()));
        PubSubAdapter adapter = redis();
        socket.assign("about", about)
                .assign("redis", adapter == null ? null : new RedisState(RedisProbe.server(adapter), "checking", "n/a", ""))
                .assign(PINGING, false);
    }

    /** The Redis adapter, or null when the PubSub is local or uses another adapter. */
    private PubSubAdapter redis() {
        PubSubAdapter adapter = adapters.getIfUnique();
        return RedisProbe.isRedis(adapter) ? adapter : null;
    }

    @Override
    protected void handleRefresh(LiveSocket socket) {
        PubSub bus = pubSub.getIfAvailable();
        MeterRegistry registry = meters.getIfAvailable();
        String name = bus == null ? "" : bus.name();
        Totals previous = socket.get(PREVIOUS);
        Totals now = new Totals(System.nanoTime(),
                sum(registry, "phoenix.pubsub.broadcasts", name),
                sum(registry, "phoenix.pubsub.received", name),
                sum(registry, "phoenix.pubsub.deliveries", name),
                TopicRates.read(bus == null ? List.of() : bus.topicStats(), System.nanoTime()));
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("broadcasts", rate(previous, now, Totals::broadcasts));
        rates.put("received", rate(previous, now, Totals::received));
        rates.put("deliveries", rate(previous, now, Totals::deliveries));
        rates.put("dispatched", Format.rate(now.topics().totalPerSecond(previous == null ? null : previous.topics())));
        socket.assign("rates", rates)
                .assign("topic_count", bus == null ? 0 : bus.topicCount())
                .assign("nodes", nodes(bus))
                .assign("drops", drops(registry, name))
                .assign(PREVIOUS, now);
        ping(socket);
    }

    private static List<NodeRow> nodes(PubSub bus) {
        if (bus == null) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        List<NodeRow> rows = new ArrayList<>();
        for (NodeSeen seen : bus.nodesSeen()) {
            rows.add(new NodeRow("node-" + Format.slug(seen.node()), seen.node(), seen.lastSeen().toString(),
                    Format.millis(Math.max(0, now - seen.lastSeen().toEpochMilli())) + " ago"));
        }
        return rows;
    }

    private List<DropRow> drops(MeterRegistry registry, String name) {
        List<DropRow> rows = new ArrayList<>();
        for (String reason : List.of("malformed", "unsupported_version", "unknown_dispatcher", "duplicate_node_name")) {
            String count = "n/a";
            if (registry != null) {
                Counter counter = registry.find("phoenix.pubsub.dropped").tag("pubsub", name).tag("reason", reason).counter();
                count = counter == null ? "n/a" : String.valueOf((long) counter.count());
            }
            rows.add(new DropRow("dropped-pubsub-" + reason, "pubsub", reason, count));
        }
        SocketRuntime runtime = sockets.getIfAvailable();
        ChannelsMetrics channels = runtime == null ? null : runtime.metrics();
        rows.add(new DropRow("dropped-socket-slow_consumer", "socket", "slow_consumer",
                channels == null ? "n/a" : String.valueOf(channels.slowConsumerDisconnects())));
        rows.add(new DropRow("dropped-socket-invalid_message", "socket", "invalid_message",
                channels == null ? "n/a" : String.valueOf(channels.invalidMessages())));
        rows.add(new DropRow("dropped-socket-unencodable", "socket", "unencodable",
                channels == null ? "n/a" : String.valueOf(channels.unencodableMessages())));
        return rows;
    }

    /** The sum of a PubSub counter's series (all tags but {@code pubsub}); NaN without the meter. */
    private static double sum(MeterRegistry registry, String meter, String pubSubName) {
        if (registry == null) {
            return Double.NaN;
        }
        java.util.Collection<Counter> counters = registry.find(meter).tag("pubsub", pubSubName).counters();
        if (counters.isEmpty()) {
            return Double.NaN;
        }
        double total = 0;
        for (Counter counter : counters) {
            total += counter.count();
        }
        return total;
    }

    private static String rate(Totals previous, Totals now, java.util.function.ToDoubleFunction<Totals> figure) {
        double current = figure.applyAsDouble(now);
        if (Double.isNaN(current)) {
            return "n/a";
        }
        if (previous == null || Double.isNaN(figure.applyAsDouble(previous)) || now.nanos() <= previous.nanos()) {
            return Format.rate(0);
        }
        double delta = Math.max(0, current - figure.applyAsDouble(previous));
        return Format.rate(delta * 1e9 / (now.nanos() - previous.nanos()));
    }

    /**
     * One PING per refresh at most, off the view (a worker waits for it); a refresh while one is
     * still out sends none.
     */
    private void ping(LiveSocket socket) {
        PubSubAdapter adapter = redis();
        if (adapter == null || !socket.connected() || Boolean.TRUE.equals(socket.get(PINGING))) {
            return;
        }
        socket.assign(PINGING, true).startAsync(PING, () -> {
            long started = System.nanoTime();
            RedisProbe.ping(adapter).get(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return System.nanoTime() - started;
        });
    }

    @Override
    public void handleAsync(String name, AsyncResult result, LiveSocket socket) {
        if (!PING.equals(name)) {
            super.handleAsync(name, result, socket);
            return;
        }
        PubSubAdapter adapter = redis();
        String server = adapter == null ? "n/a" : RedisProbe.server(adapter);
        RedisState state;
        if (result.ok() && result.result() instanceof Long nanos) {
            state = new RedisState(server, "connected", String.format(java.util.Locale.ROOT, "%.2f ms", nanos / 1e6), "");
        } else {
            Object failure = result.failed();
            Throwable cause = failure instanceof Throwable t && t.getCause() != null ? t.getCause() : null;
            String message = cause != null ? cause.getMessage() : String.valueOf(failure);
            state = new RedisState(server, "disconnected", "n/a", message + " (at " + Instant.now() + ")");
        }
        socket.assign("redis", state).assign(PINGING, false);
    }
}
