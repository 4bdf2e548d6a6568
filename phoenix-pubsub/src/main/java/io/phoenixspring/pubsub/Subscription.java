package io.phoenixspring.pubsub;

import java.util.Objects;

/**
 * One entry of the registry: a subscriber and the metadata it gave when subscribing (Phoenix's
 * {@code subscribe(pubsub, topic, metadata: value)}), handed to {@link Dispatcher}s.
 *
 * <pre>{@code
 * pubSub.subscribe("room:lobby", socket, new Fastlane(serializer));
 * // a custom dispatcher later sees new Subscription(socket, fastlane) for that entry
 * }</pre>
 *
 * @param subscriber the subscriber
 * @param metadata what was passed as metadata when subscribing, or {@code null}
 */
public record Subscription(Subscriber subscriber, Object metadata) {

    /** Checks that the subscriber is present; metadata may be {@code null}. */
    public Subscription {
        Objects.requireNonNull(subscriber, "subscriber");
    }
}
