package io.phoenixspring.pubsub;

/**
 * A read-only, live view of the local subscriptions to one topic, as handed to a
 * {@link Dispatcher}. It is not a copy: iterating is cheap even with tens of thousands of
 * subscribers, and every subscription that exists for the whole iteration is seen exactly once
 * (one subscribed or unsubscribed concurrently may or may not be seen). Do not keep it after
 * {@link Dispatcher#dispatch} returns.
 *
 * <pre>{@code
 * Dispatcher counting = (topic, subscriptions, from, message) -> {
 *     for (Subscription s : subscriptions) {
 *         s.subscriber().onMessage(topic, message);
 *     }
 * };
 * }</pre>
 */
public interface Subscriptions extends Iterable<Subscription> {
}
