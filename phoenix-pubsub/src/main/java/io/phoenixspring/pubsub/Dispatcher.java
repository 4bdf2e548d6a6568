package io.phoenixspring.pubsub;

/**
 * Decides how a broadcast reaches the local subscriptions of its topic (Phoenix's custom
 * dispatching). It gets every local subscription with its metadata and the message once, so it
 * can, for example, encode a message once per serializer and hand the same bytes to thousands of
 * sockets instead of encoding per subscriber.
 *
 * <p>A dispatcher used for broadcasts that cross nodes must be registered under the same id on
 * every node with {@link PubSub#registerDispatcher(String, Dispatcher)}: only the id travels.
 *
 * <pre>{@code
 * Dispatcher fastlane = (topic, subscriptions, from, message) -> {
 *     Map<Object, byte[]> encoded = new HashMap<>();
 *     for (Subscription s : subscriptions) {
 *         if (s.subscriber().equals(from)) continue;
 *         Serializer serializer = (Serializer) s.metadata();
 *         byte[] frame = encoded.computeIfAbsent(serializer, k -> serializer.encode(message));
 *         s.subscriber().onMessage(topic, frame);
 *     }
 * };
 * pubSub.registerDispatcher("channels.fastlane", fastlane);
 * pubSub.broadcast("room:lobby", message, fastlane);
 * }</pre>
 */
@FunctionalInterface
public interface Dispatcher {

    /** Id under which {@link #DEFAULT} is registered on every {@link PubSub}. */
    String DEFAULT_ID = "phoenix.default";

    /**
     * The default dispatcher: calls {@link Subscriber#onMessage} of every subscription except
     * those of {@code from}. A subscriber that throws is logged and skipped; the others still
     * receive the message.
     */
    Dispatcher DEFAULT = (topic, subscriptions, from, message) ->
            DefaultDispatch.deliver(topic, subscriptions, from, message, PubSubMetrics.NOOP);

    /**
     * Delivers {@code message} to the local subscriptions. Called on the broadcasting thread (or
     * the adapter's I/O thread for messages from other nodes), only when the topic has at least
     * one local subscription; must not block.
     *
     * @param topic the topic
     * @param subscriptions the local subscriptions to the topic, a live view
     * @param from the subscriber that broadcast with {@code broadcastFrom}, to be skipped, or
     *     {@code null}; always {@code null} on the other nodes
     * @param message the message
     */
    void dispatch(String topic, Subscriptions subscriptions, Subscriber from, Object message);
}
