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
        // forEach rather than an iterator: the registry's view walks its maps without allocating per entry
        Loop loop = new Loop(topic, from, message, metrics);
        subscriptions.forEach(loop);
        return loop.delivered;
    }

    private static final class Loop implements java.util.function.Consumer<Subscription> {
        private final String topic;
        private final Subscriber from;
        private final Object message;
        private final PubSubMetrics metrics;
        int delivered;

        Loop(String topic, Subscriber from, Object message, PubSubMetrics metrics) {
            this.topic = topic;
            this.from = from;
            this.message = message;
            this.metrics = metrics;
        }

        @Override
        public void accept(Subscription subscription) {
            Subscriber subscriber = subscription.subscriber();
            if (from != null && (subscriber == from || subscriber.equals(from))) {
                return;
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
    }
}
