package io.phoenixspring.autoconfigure.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phoenixspring.pubsub.BroadcastException;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import io.phoenixspring.pubsub.testing.Inbox;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Two Spring Boot applications as two nodes, wired only by properties, through a real redis-server. */
class RedisNodesAsSpringContextsTest {

    private RedisServer redis;

    @BeforeEach
    void startRedis() {
        redis = RedisServer.start();
    }

    @AfterEach
    void stopRedis() {
        redis.close();
    }

    private ApplicationContextRunner node(String name, String... extra) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, PubSubAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("phoenix.pubsub.adapter=redis", "phoenix.pubsub.name=app",
                        "phoenix.pubsub.node-name=" + name, "phoenix.pubsub.redis.max-reconnect-delay=200ms")
                .withPropertyValues(extra);
    }

    private static PubSub ready(AssertableApplicationContext context) throws Exception {
        assertThat(context).hasNotFailed();
        context.getBean(RedisPubSubAdapter.class).ready().get(10, TimeUnit.SECONDS);
        return context.getBean(PubSub.class);
    }

    @Test
    void twoApplicationsExchangeBroadcastsAndSurviveARedisRestart() {
        // one node finds Redis through phoenix.pubsub.redis.url, the other through spring.data.redis.*
        node("alpha", "phoenix.pubsub.redis.url=" + redis.url()).run(alphaContext ->
                node("beta", "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port())
                        .run(betaContext -> {
                            PubSub alpha = ready(alphaContext);
                            PubSub beta = ready(betaContext);
                            Inbox onAlpha = new Inbox("alpha");
                            Inbox onBeta = new Inbox("beta");
                            Inbox betaSender = new Inbox("betaSender");
                            alpha.subscribe("room:1", onAlpha);
                            beta.subscribe("room:1", onBeta);
                            beta.subscribe("room:1", betaSender);

                            alpha.broadcast("room:1", "hello from alpha").get(5, TimeUnit.SECONDS);
                            assertThat(onBeta.nextMessage()).isEqualTo("hello from alpha");
                            assertThat(betaSender.nextMessage()).isEqualTo("hello from alpha");
                            assertThat(onAlpha.nextMessage()).isEqualTo("hello from alpha");

                            beta.broadcastFrom(betaSender, "room:1", "from beta").get(5, TimeUnit.SECONDS);
                            assertThat(onAlpha.nextMessage()).isEqualTo("from beta");
                            assertThat(onBeta.nextMessage()).isEqualTo("from beta");

                            beta.directBroadcast("alpha", "room:1", "just alpha").get(5, TimeUnit.SECONDS);
                            assertThat(onAlpha.nextMessage()).isEqualTo("just alpha");
                            onBeta.assertNothingWithin(Duration.ofMillis(300));
                            betaSender.assertNothingWithin(Duration.ZERO);

                            redis.kill();
                            CompletableFuture<Void> during = await().atMost(Duration.ofSeconds(10))
                                    .until(() -> alpha.broadcast("room:1", "during"), CompletableFuture::isCompletedExceptionally);
                            assertThat(during).failsWithin(Duration.ZERO).withThrowableThat()
                                    .havingCause().isInstanceOf(BroadcastException.class);
                            MeterRegistry meters = alphaContext.getBean(MeterRegistry.class);
                            assertThat(meters.get("phoenix.pubsub.publish.failures").counter().count()).isPositive();

                            redis.restart();
                            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                                alpha.broadcast("room:1", "again");
                                return onBeta.drain().stream().anyMatch(r -> "again".equals(r.message()));
                            });
                            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                                beta.broadcast("room:1", "back");
                                return onAlpha.drain().stream().anyMatch(r -> "back".equals(r.message()));
                            });
                        }));
    }
}
