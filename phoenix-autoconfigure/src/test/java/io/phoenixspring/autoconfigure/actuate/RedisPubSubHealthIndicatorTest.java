package io.phoenixspring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Redis adapter's health against a real redis-server: up, down while it is killed, up again. */
class RedisPubSubHealthIndicatorTest {

    @Test
    void followsTheRedisConnection() {
        try (RedisServer redis = RedisServer.start()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class,
                            PhoenixActuatorAutoConfiguration.class))
                    .withPropertyValues("phoenix.pubsub.adapter=redis", "phoenix.pubsub.redis.url=" + redis.url(),
                            "phoenix.pubsub.redis.max-reconnect-delay=100ms", "phoenix.pubsub.redis.command-timeout=500ms")
                    .run(context -> {
                        context.getBean(RedisPubSubAdapter.class).ready().get(10, TimeUnit.SECONDS);
                        RedisPubSubHealthIndicator indicator = context.getBean(RedisPubSubHealthIndicator.class);
                        Health up = indicator.health(true).block(Duration.ofSeconds(5));
                        assertThat(up.getStatus()).isEqualTo(Status.UP);
                        assertThat(up.getDetails()).containsEntry("server", "redis://127.0.0.1:" + redis.port() + "/0")
                                .containsEntry("channel", "phx:pubsub:phoenix").containsEntry("subscribed", true);
                        assertThat(context.getBean(PhoenixEndpoint.class).phoenix().get("pubsub"))
                                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                                .containsEntry("adapter", "RedisPubSubAdapter");

                        redis.kill();
                        assertThat(indicator.health(true).block(Duration.ofSeconds(5)).getStatus()).isEqualTo(Status.DOWN);

                        redis.restart();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        Status status = Status.DOWN;
                        while (System.nanoTime() < deadline && !status.equals(Status.UP)) {
                            Thread.sleep(100);
                            status = indicator.health(false).block(Duration.ofSeconds(5)).getStatus();
                        }
                        assertThat(status).isEqualTo(Status.UP);
                    });
        }
    }
}
