package io.phoenixspring.pubsub;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The transport between the nodes of a {@link PubSub}: it moves opaque frames, while the
 * {@code PubSub} encodes, filters and dispatches them. Implement it to add a backend
 * (Phoenix's {@code Phoenix.PubSub.Adapter}); {@link io.phoenixspring.pubsub.redis.RedisPubSubAdapter}
 * is the one shipped. Without an adapter a {@code PubSub} is local only.
 *
 * <pre>{@code
 * PubSub pubSub = PubSub.builder()
 *         .nodeName("node-a")
 *         .adapter(new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of("redis://localhost:6379"), "phoenix"))
 *         .build();
 * }</pre>
 */
public interface PubSubAdapter extends AutoCloseable {

    /**
     * Starts receiving the frames other nodes publish and hands each to {@code inbound}. Must not
     * block for long and must not fail when the backend is down: keep trying in the background.
     * Frames this node published itself may be handed back too (they are ignored).
     *
     * @param inbound takes each frame; it never throws and does not block
     */
    void start(Consumer<byte[]> inbound);

    /**
     * Publishes one frame to every node, eagerly. The future completes when the backend accepted
     * it and fails, without queueing indefinitely, when it cannot. Never blocks the caller.
     *
     * @param frame the encoded frame
     * @return the outcome
     */
    CompletableFuture<Void> publish(byte[] frame);

    /** Stops receiving and releases connections. */
    @Override
    void close();
}
