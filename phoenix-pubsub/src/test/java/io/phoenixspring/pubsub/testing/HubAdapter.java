package io.phoenixspring.pubsub.testing;

import io.phoenixspring.pubsub.PubSubAdapter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-memory stand-in for a broker, to test the PubSub's side of the adapter contract (framing,
 * echo and target filtering, dispatcher ids, failure reporting) without Redis. Like Redis, it hands
 * every frame to every node, the publisher included.
 */
public final class HubAdapter implements PubSubAdapter {

    /** Connects the adapters of several nodes. */
    public static final class Hub {
        final List<Consumer<byte[]>> nodes = new CopyOnWriteArrayList<>();
        public volatile RuntimeException failure;
        public final List<byte[]> published = new CopyOnWriteArrayList<>();

        public HubAdapter adapter() {
            return new HubAdapter(this);
        }

        /** Hands a raw frame to every node, as if some node had published it. */
        public void inject(byte[] frame) {
            nodes.forEach(node -> node.accept(frame));
        }
    }

    private final Hub hub;
    private Consumer<byte[]> inbound;

    private HubAdapter(Hub hub) {
        this.hub = hub;
    }

    @Override
    public void start(Consumer<byte[]> inbound) {
        this.inbound = inbound;
        hub.nodes.add(inbound);
    }

    @Override
    public CompletableFuture<Void> publish(byte[] frame) {
        RuntimeException failure = hub.failure;
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        hub.published.add(frame);
        hub.inject(frame);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        hub.nodes.remove(inbound);
    }
}
