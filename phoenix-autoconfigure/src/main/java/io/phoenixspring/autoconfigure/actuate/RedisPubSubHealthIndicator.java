package io.phoenixspring.autoconfigure.actuate;

import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * Health of the Redis adapter's connection: a {@code PING} on the connection it publishes on, so
 * down while Redis is unreachable (the adapter keeps reconnecting in the background). Details: the
 * server (without credentials), the channel, and whether the channel subscription was confirmed.
 */
public class RedisPubSubHealthIndicator extends AbstractReactiveHealthIndicator {

    private final RedisPubSubAdapter adapter;

    public RedisPubSubHealthIndicator(RedisPubSubAdapter adapter) {
        super("Redis PubSub health check failed");
        this.adapter = adapter;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        builder.withDetail("server", adapter.server())
                .withDetail("channel", adapter.channel())
                .withDetail("subscribed", adapter.subscribed().isDone());
        return Mono.fromFuture(adapter::ping).map(pong -> builder.up().build());
    }
}
