package io.phoenixspring.pubsub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@link PubSubMetrics} as Micrometer counters, all tagged {@code pubsub=<name>}:
 * {@code phoenix.pubsub.broadcasts} (tag {@code scope}), {@code phoenix.pubsub.deliveries},
 * {@code phoenix.pubsub.delivery.failures}, {@code phoenix.pubsub.publish.failures},
 * {@code phoenix.pubsub.received} and {@code phoenix.pubsub.dropped} (tag {@code reason}).
 *
 * <pre>{@code
 * PubSub pubSub = PubSub.builder()
 *         .name("chat")
 *         .metrics(new MicrometerPubSubMetrics(meterRegistry, "chat"))
 *         .build();
 * }</pre>
 */
public final class MicrometerPubSubMetrics implements PubSubMetrics {

    private final Map<Scope, Counter> broadcasts = new EnumMap<>(Scope.class);
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);
    private final Counter deliveries;
    private final Counter deliveryFailures;
    private final Counter publishFailures;
    private final Counter received;

    /**
     * Registers the counters.
     *
     * @param registry where the counters live
     * @param pubSubName the value of the {@code pubsub} tag, normally {@link PubSub#name()}
     */
    public MicrometerPubSubMetrics(MeterRegistry registry, String pubSubName) {
        for (Scope scope : Scope.values()) {
            broadcasts.put(scope, Counter.builder("phoenix.pubsub.broadcasts")
                    .description("Broadcasts accepted")
                    .tag("pubsub", pubSubName)
                    .tag("scope", scope.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, Counter.builder("phoenix.pubsub.dropped")
                    .description("Messages from other nodes that were dropped")
                    .tag("pubsub", pubSubName)
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        deliveries = Counter.builder("phoenix.pubsub.deliveries")
                .description("Messages handed to local subscribers by the default dispatcher")
                .tag("pubsub", pubSubName).register(registry);
        deliveryFailures = Counter.builder("phoenix.pubsub.delivery.failures")
                .description("Subscribers or dispatchers that threw while receiving a message")
                .tag("pubsub", pubSubName).register(registry);
        publishFailures = Counter.builder("phoenix.pubsub.publish.failures")
                .description("Broadcasts that could not be published to the other nodes")
                .tag("pubsub", pubSubName).register(registry);
        received = Counter.builder("phoenix.pubsub.received")
                .description("Broadcasts received from other nodes")
                .tag("pubsub", pubSubName).register(registry);
    }

    @Override
    public void broadcast(Scope scope) {
        broadcasts.get(scope).increment();
    }

    @Override
    public void delivered(int count) {
        if (count > 0) {
            deliveries.increment(count);
        }
    }

    @Override
    public void deliveryFailed() {
        deliveryFailures.increment();
    }

    @Override
    public void publishFailed() {
        publishFailures.increment();
    }

    @Override
    public void received() {
        received.increment();
    }

    @Override
    public void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }
}
