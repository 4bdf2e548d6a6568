package io.phoenixspring.autoconfigure.actuate;

import io.phoenixspring.pubsub.PubSub;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the {@link PubSub}: up while the context runs, with its node name, adapter and topic
 * count as details. The Redis adapter's connection is {@link RedisPubSubHealthIndicator}'s.
 */
public class PubSubHealthIndicator extends AbstractHealthIndicator {

    private final PubSub pubSub;

    public PubSubHealthIndicator(PubSub pubSub) {
        super("PubSub health check failed");
        this.pubSub = pubSub;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("name", pubSub.name())
                .withDetail("node", pubSub.nodeName())
                .withDetail("adapter", pubSub.adapterName())
                .withDetail("topics", pubSub.topicCount());
    }
}
