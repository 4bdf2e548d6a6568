package io.phoenixspring.pubsub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default dispatcher's loop, shared so that {@link PubSub} can count deliveries. */
final class DefaultDispatch {

    private static final Logger log = LoggerFactory.getLogger(PubSub.class);

    private DefaultDispatch() {
    }

    static int deliver(String topic, Subscriptions subscriptions, Subscriber from, Object message,
            PubSubMetrics metrics) {
        int delivered = 0;
        for (Subscription subscription : subscriptions) {
            Subscriber subscriber = subscription.subscriber();
            if (from != null && (subscriber == from || subscriber.equals(from))) {
                continue;
            }
            try {
                subscriber.onMessage(topic, message);
                delivered++;
            } catch (RuntimeException e) {
                // One broken subscriber must not cost the others their message.
                metrics.deliveryFailed();
                log.warn("Subscriber {} threw while receiving a message on topic '{}'; skipped it",
                        subscriber, topic, e);
            }
        }
        return delivered;
    }
}
