package io.phoenixspring.pubsub;

/**
 * A read-only view of the local subscriptions to one topic, as handed to a {@link Dispatcher}.
 * Nothing is copied per broadcast: it walks snapshots the registry keeps until the topic's
 * subscriptions change, so iterating is cheap even with tens of thousands of subscribers. Every
 * subscription that exists for the whole broadcast is seen exactly once; one subscribed or
 * unsubscribed concurrently may or may not be seen. Do not keep it after
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
