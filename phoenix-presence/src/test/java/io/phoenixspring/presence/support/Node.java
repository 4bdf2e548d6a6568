package io.phoenixspring.presence.support;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.server.ChannelsMetrics;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.presence.PresenceHandler;
import io.phoenixspring.presence.PresenceOptions;
import io.phoenixspring.presence.tracker.TrackerOptions;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One node of a test cluster over Redis: its PubSub, a Presence, and a client view on one topic
 * that applies the node's presence_diffs as the JS client does.
 */
public final class Node implements AutoCloseable {

    public static final String PUBSUB = "presence-test";

    public final String name;
    public final PubSub pubSub;
    public final RedisPubSubAdapter adapter;
    public final SocketRuntime runtime;
    public final Endpoint endpoint;
    public final Presence presence;
    public final ClientView view = new ClientView();
    private final String topic;

    /** Fast replication settings for tests: heartbeat every 100 ms, down after 1 s, gone after 6 s. */
    public static TrackerOptions fastTracker() {
        return TrackerOptions.defaults(PresenceOptions.DEFAULT_NAME)
                .withBroadcastPeriod(Duration.ofMillis(100))
                .withMaxSilentPeriods(3)
                .withDownPeriod(Duration.ofMillis(1000))
                .withPermdownPeriod(Duration.ofSeconds(6));
    }

    public Node(String name, String redisUrl, String topic, TrackerOptions tracker) {
        this(name, redisUrl, topic, tracker, List.of());
    }

    /** A node whose presence has the handlers made by {@code handlers} (they may use the node's endpoint). */
    public Node(String name, String redisUrl, String topic, TrackerOptions tracker,
            List<Function<Endpoint, PresenceHandler<?>>> handlers) {
        this.name = name;
        this.topic = topic;
        this.adapter = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(redisUrl)
                .withMaxReconnectDelay(Duration.ofMillis(200)), PUBSUB);
        this.pubSub = PubSub.builder().name(PUBSUB).nodeName(name).adapter(adapter).build();
        try {
            adapter.ready().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("node " + name + " could not reach redis", e);
        }
        this.runtime = new SocketRuntime(pubSub, ChannelsMetrics.noop());
        this.endpoint = new Endpoint(runtime);
        Presence.Builder builder = Presence.builder(pubSub, endpoint)
                .options(PresenceOptions.defaults().withTracker(tracker).withDiffWindow(Duration.ofMillis(20)));
        handlers.forEach(handler -> builder.handler(handler.apply(endpoint)));
        this.presence = builder.build();
        endpoint.subscribe(topic, view);
        view.syncState(presence.list(topic));
    }

    /** key → refs as listed by this node's presence. */
    public Map<String, Set<Object>> listed() {
        return ClientView.refsOf(presence.list(topic));
    }

    /** A clean shutdown: the tracker says goodbye. */
    @Override
    public void close() {
        presence.close();
        runtime.close();
        pubSub.close();
    }

    /** Stops as a crash would: no goodbye, the others have to notice the silence. */
    public void crash() {
        presence.tracker().halt();
        runtime.close();
        pubSub.close();
    }
}
