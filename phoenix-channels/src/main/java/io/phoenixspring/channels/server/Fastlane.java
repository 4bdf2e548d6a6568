package io.phoenixspring.channels.server;

import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.serializer.Serializer;
import io.phoenixspring.pubsub.Subscriber;
import io.phoenixspring.pubsub.Subscription;
import io.phoenixspring.pubsub.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phoenix's fastlane, the PubSub dispatcher every broadcast goes through on each node: a
 * broadcast is encoded once per serializer and the same frame goes to every joined socket.
 * Stateless, so one instance serves every runtime sharing a PubSub.
 */
final class Fastlane {

    private static final Logger log = LoggerFactory.getLogger(Fastlane.class);

    private Fastlane() {
    }

    /**
     * The fastlane: one encoding per serializer, the same frame for every socket; intercepted
     * events go to the channel's handle_out; other subscribers get the {@link Broadcast}.
     */
    static void dispatch(String topic, Subscriptions subscriptions, Subscriber from, Object message) {
        Broadcast broadcast = BroadcastEnvelope.unwrap(message);
        if (broadcast == null) {
            for (Subscription subscription : subscriptions) {
                if (subscription.subscriber() != from) {
                    deliver(subscription.subscriber(), topic, message);
                }
            }
            return;
        }
        Frame v1 = null;
        Frame v2 = null;
        boolean unencodable = false;
        for (Subscription subscription : subscriptions) {
            Subscriber subscriber = subscription.subscriber();
            if (subscriber == from) {
                continue;
            }
            if (!(subscription.metadata() instanceof ChannelServer server)) {
                deliver(subscriber, topic, broadcast);
                continue;
            }
            if (server.intercepts(broadcast.event())) {
                server.handleOut(broadcast);
                continue;
            }
            if (unencodable) {
                continue;
            }
            try {
                Serializer serializer = server.connection().serializer();
                Frame frame;
                if ("2.0.0".equals(serializer.version())) {
                    frame = v2 != null ? v2 : (v2 = serializer.fastlane(broadcast));
                } else {
                    frame = v1 != null ? v1 : (v1 = serializer.fastlane(broadcast));
                }
                server.sendFrame(frame);
            } catch (RuntimeException e) {
                // Every socket would fail the same way: one line for the broadcast, not one (with a stack) per socket.
                unencodable = true;
                server.connection().runtime().metrics().unencodable();
                log.warn("Dropping broadcast \"{}\" on \"{}\": it cannot be encoded ({})", broadcast.event(), topic,
                        e.getMessage());
            }
        }
    }

    private static void deliver(Subscriber subscriber, String topic, Object message) {
        try {
            subscriber.onMessage(topic, message);
        } catch (RuntimeException e) {
            log.warn("subscriber of {} failed on a broadcast", topic, e);
        }
    }
}
