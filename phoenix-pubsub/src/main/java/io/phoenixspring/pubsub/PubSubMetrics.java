package io.phoenixspring.pubsub;

/**
 * Hooks for counting what a {@link PubSub} does; every method defaults to doing nothing.
 * {@link MicrometerPubSubMetrics} implements it with Micrometer counters.
 *
 * <pre>{@code
 * PubSub pubSub = PubSub.builder()
 *         .metrics(new MicrometerPubSubMetrics(meterRegistry, "phoenix"))
 *         .build();
 * }</pre>
 *
 * <p>Implementations are called on hot paths and from many threads: keep them cheap and
 * thread-safe.
 */
public interface PubSubMetrics {

    /** Counts nothing. */
    PubSubMetrics NOOP = new PubSubMetrics() {
    };

    /** The reach of a broadcast, used as a tag. */
    enum Scope {
        /** {@code broadcast} and {@code broadcastFrom}: every node. */
        CLUSTER,
        /** {@code localBroadcast} and {@code localBroadcastFrom}: this node only. */
        LOCAL,
        /** {@code directBroadcast}: one named node. */
        DIRECT
    }

    /** Why a message from another node was not dispatched, used as a tag. */
    enum DropReason {
        /** The frame could not be parsed, or its payload could not be decoded. */
        MALFORMED,
        /** The frame was written by a wire-format version this node does not read. */
        UNSUPPORTED_VERSION,
        /** The frame names a dispatcher id that is not registered on this node. */
        UNKNOWN_DISPATCHER,
        /**
         * The frame comes from another node that uses this node's name, so it looks like this node's own
         * echo: node names must be unique in a cluster.
         */
        DUPLICATE_NODE_NAME
    }

    /** A broadcast was accepted. */
    default void broadcast(Scope scope) {
    }

    /** The default dispatcher handed a message to {@code count} subscriptions. */
    default void delivered(int count) {
    }

    /** A subscriber or a custom dispatcher threw while receiving a message. */
    default void deliveryFailed() {
    }

    /** Publishing a broadcast to the other nodes failed. */
    default void publishFailed() {
    }

    /** A broadcast from another node was received and dispatched locally. */
    default void received() {
    }

    /** A frame from another node was dropped. */
    default void dropped(DropReason reason) {
    }
}
