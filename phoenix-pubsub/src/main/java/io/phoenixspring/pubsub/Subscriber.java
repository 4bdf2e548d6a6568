package io.phoenixspring.pubsub;

/**
 * Receives the messages broadcast on the topics it subscribed to; the Java stand-in for the
 * subscribing Elixir process.
 *
 * <p>Delivery happens on the broadcasting thread (or, for messages from other nodes, on the
 * adapter's I/O thread), so an implementation must not block: hand the message to a queue, a
 * {@code Sinks.Many} or an executor and return.
 *
 * <pre>{@code
 * BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
 * Subscriber subscriber = (topic, message) -> inbox.offer(message);
 * pubSub.subscribe("user:123", subscriber);
 * }</pre>
 *
 * <p>Subscribers are told apart with {@link Object#equals(Object)}: keep the default identity
 * equality unless two distinct objects really should count as the same subscriber.
 */
@FunctionalInterface
public interface Subscriber {

    /**
     * Called once per matching subscription for every message broadcast on {@code topic}.
     *
     * @param topic the topic the message was broadcast on
     * @param message the message, possibly {@code null}
     */
    void onMessage(String topic, Object message);
}
