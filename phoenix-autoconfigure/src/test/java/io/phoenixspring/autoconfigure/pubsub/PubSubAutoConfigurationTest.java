package io.phoenixspring.autoconfigure.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phoenixspring.pubsub.JsonMessageCodec;
import io.phoenixspring.pubsub.MessageCodec;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.PubSubAdapter;
import io.phoenixspring.pubsub.PubSubMetrics;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import io.phoenixspring.pubsub.testing.HubAdapter;
import io.phoenixspring.pubsub.testing.Inbox;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

class PubSubAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class));

    @Test
    void defaultsToALocalPubSubThatWorks() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(PubSub.class).hasSingleBean(JsonMessageCodec.class)
                    .doesNotHaveBean(PubSubAdapter.class);
            PubSub pubSub = context.getBean(PubSub.class);
            assertThat(pubSub.name()).isEqualTo("phoenix");
            assertThat(pubSub.nodeName()).startsWith(ProcessHandle.current().pid() + "@");
            assertThat(pubSub.poolSize()).isEqualTo(Runtime.getRuntime().availableProcessors());
            PubSubProperties properties = context.getBean(PubSubProperties.class);
            assertThat(properties.getAdapter()).isEqualTo(PubSubProperties.Adapter.LOCAL);
            assertThat(properties.getRedis().getCommandTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.getRedis().getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.getRedis().getRequestQueueSize()).isEqualTo(10_000);
            assertThat(properties.getRedis().getMaxReconnectDelay()).isEqualTo(Duration.ofSeconds(2));

            Inbox inbox = new Inbox("inbox");
            pubSub.subscribe("t", inbox);
            assertThat(pubSub.broadcast("t", "x")).isCompleted();
            assertThat(inbox.nextMessage()).isEqualTo("x");
        });
    }

    @Test
    void eachPropertyIsApplied() {
        runner.withPropertyValues("phoenix.pubsub.name=chat", "phoenix.pubsub.node-name=web-1",
                "phoenix.pubsub.pool-size=3", "phoenix.pubsub.redis.url=redis://cache.internal:6390/2",
                "phoenix.pubsub.redis.connect-timeout=700ms", "phoenix.pubsub.redis.command-timeout=300ms",
                "phoenix.pubsub.redis.request-queue-size=42", "phoenix.pubsub.redis.max-reconnect-delay=1s")
                .run(context -> {
                    PubSub pubSub = context.getBean(PubSub.class);
                    assertThat(pubSub.name()).isEqualTo("chat");
                    assertThat(pubSub.nodeName()).isEqualTo("web-1");
                    assertThat(pubSub.poolSize()).isEqualTo(3);
                    PubSubProperties.Redis redis = context.getBean(PubSubProperties.class).getRedis();
                    assertThat(redis.getUrl()).isEqualTo("redis://cache.internal:6390/2");
                    assertThat(redis.getConnectTimeout()).isEqualTo(Duration.ofMillis(700));
                    assertThat(redis.getCommandTimeout()).isEqualTo(Duration.ofMillis(300));
                    assertThat(redis.getRequestQueueSize()).isEqualTo(42);
                    assertThat(redis.getMaxReconnectDelay()).isEqualTo(Duration.ofSeconds(1));
                    // redis settings alone do not switch the adapter
                    assertThat(context).doesNotHaveBean(PubSubAdapter.class);
                });
    }

    @Test
    void redisAdapterTakesItsSettingsFromPhoenixProperties() {
        runner.withPropertyValues("phoenix.pubsub.adapter=REDIS", "phoenix.pubsub.name=chat",
                "phoenix.pubsub.redis.url=redis://127.0.0.1:1/3", "phoenix.pubsub.redis.command-timeout=300ms",
                "phoenix.pubsub.redis.connect-timeout=100ms", "phoenix.pubsub.redis.request-queue-size=42")
                .run(context -> {
                    assertThat(context).hasSingleBean(RedisPubSubAdapter.class);
                    RedisPubSubAdapter adapter = context.getBean(RedisPubSubAdapter.class);
                    assertThat(adapter.channel()).isEqualTo("phx:pubsub:chat");
                    RedisPubSubAdapter.Settings settings = settingsOf(adapter);
                    assertThat(settings.uri().getPort()).isEqualTo(1);
                    assertThat(settings.uri().getDatabase()).isEqualTo(3);
                    assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(300));
                    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(100));
                    assertThat(settings.requestQueueSize()).isEqualTo(42);
                    // Redis is unreachable: the context still starts, and broadcasts fail visibly.
                    assertThat(context.getBean(PubSub.class).broadcast("t", "x")).failsWithin(Duration.ofSeconds(5));
                });
    }

    @Test
    void redisAdapterFallsBackToSpringDataRedisConnectionDetails() {
        runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withPropertyValues("phoenix.pubsub.adapter=redis", "spring.data.redis.host=127.0.0.1",
                        "spring.data.redis.port=2", "spring.data.redis.database=4",
                        "spring.data.redis.username=app", "spring.data.redis.password=secret")
                .run(context -> {
                    assertThat(context).hasSingleBean(DataRedisConnectionDetails.class);
                    RedisPubSubAdapter.Settings settings = settingsOf(context.getBean(RedisPubSubAdapter.class));
                    assertThat(settings.uri().getHost()).isEqualTo("127.0.0.1");
                    assertThat(settings.uri().getPort()).isEqualTo(2);
                    assertThat(settings.uri().getDatabase()).isEqualTo(4);
                    io.lettuce.core.RedisCredentials credentials =
                            settings.uri().getCredentialsProvider().resolveCredentials().block();
                    assertThat(credentials.getUsername()).isEqualTo("app");
                    assertThat(new String(credentials.getPassword())).isEqualTo("secret");
                });
    }

    @Test
    void springDataRedisClusterSettingsAreRefusedWithAReadableMessage() {
        runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withPropertyValues("phoenix.pubsub.adapter=redis", "spring.data.redis.cluster.nodes=127.0.0.1:7000")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(RedisAdapterUnavailableException.class)
                        .hasMessageContaining("talks to a single Redis server")
                        .hasMessageContaining("set phoenix.pubsub.redis.url"));
    }

    @Test
    void userBeansWin() {
        HubAdapter.Hub hub = new HubAdapter.Hub();
        JsonMessageCodec codec = new JsonMessageCodec();
        PubSubMetrics metrics = new PubSubMetrics() {
        };
        runner.withPropertyValues("phoenix.pubsub.adapter=redis")
                .withBean(PubSubAdapter.class, hub::adapter)
                .withBean(MessageCodec.class, () -> codec)
                .withBean(PubSubMetrics.class, () -> metrics)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(RedisPubSubAdapter.class)
                            .doesNotHaveBean(JsonMessageCodec.class.getName() + "#phoenixPubSubCodec");
                    assertThat(context.getBean(MessageCodec.class)).isSameAs(codec);
                    assertThat(context.getBean(PubSubMetrics.class)).isSameAs(metrics);
                    assertThat(hub.published).isEmpty();
                    context.getBean(PubSub.class).broadcast("t", "x");
                    assertThat(hub.published).hasSize(1);
                });
        PubSub mine = PubSub.builder().name("mine").build();
        runner.withBean(PubSub.class, () -> mine).run(context -> {
            assertThat(context).hasSingleBean(PubSub.class);
            assertThat(context.getBean(PubSub.class)).isSameAs(mine);
        });
        mine.close();
    }

    @Test
    void countsWithMicrometerWhenARegistryExists() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("phoenix.pubsub.name=chat")
                .run(context -> {
                    PubSub pubSub = context.getBean(PubSub.class);
                    pubSub.subscribe("t", new Inbox("a"));
                    pubSub.broadcast("t", "x");
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("phoenix.pubsub.broadcasts").tag("pubsub", "chat").tag("scope", "cluster")
                            .counter().count()).isEqualTo(1);
                    assertThat(registry.get("phoenix.pubsub.deliveries").counter().count()).isEqualTo(1);
                });
    }

    @Test
    void backsOffWithoutPhoenixPubSubOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader(PubSub.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PubSubProperties.class)
                        .doesNotHaveBean("phoenixPubSub"));
    }

    @Test
    void worksWithoutMicrometerOrSpringDataRedisWhenLocal() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, LettuceConnectionFactory.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(PubSub.class).doesNotHaveBean(PubSubMetrics.class);
                    Inbox inbox = new Inbox("inbox");
                    context.getBean(PubSub.class).subscribe("t", inbox);
                    context.getBean(PubSub.class).broadcast("t", 1);
                    assertThat(inbox.nextMessage()).isEqualTo(1);
                });
    }

    @Test
    void askingForRedisWithoutSpringDataRedisFailsInsteadOfSilentlyStayingLocal() {
        runner.withClassLoader(new FilteredClassLoader(LettuceConnectionFactory.class))
                .withPropertyValues("phoenix.pubsub.adapter=redis")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(RedisAdapterUnavailableException.class)
                        .hasMessageContaining("phoenix.pubsub.adapter=redis needs Spring Data Redis and Lettuce"));
    }

    /** Declared out of order: @Order, not declaration order, decides. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class TwoCustomizers {
        final java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

        @org.springframework.context.annotation.Bean
        java.util.List<String> customizerCalls() {
            return calls;
        }

        @org.springframework.context.annotation.Bean
        @org.springframework.core.annotation.Order(2)
        PubSubCustomizer second() {
            return builder -> {
                calls.add("second");
                builder.nodeName("second-node");
            };
        }

        @org.springframework.context.annotation.Bean
        @org.springframework.core.annotation.Order(1)
        PubSubCustomizer first() {
            return builder -> {
                calls.add("first");
                builder.nodeName("first-node").poolSize(3);
            };
        }
    }

    @Test
    void customizersApplyInTheirOrderAfterTheProperties() {
        runner.withUserConfiguration(TwoCustomizers.class)
                .withPropertyValues("phoenix.pubsub.node-name=from-properties", "phoenix.pubsub.pool-size=2")
                .run(context -> {
                    assertThat(context.getBean("customizerCalls", java.util.List.class)).containsExactly("first", "second");
                    PubSub pubSub = context.getBean(PubSub.class);
                    assertThat(pubSub.nodeName()).isEqualTo("second-node");
                    assertThat(pubSub.poolSize()).isEqualTo(3);
                });
    }

    @Test
    void aUserPubSubMeansNoCustomizing() {
        runner.withUserConfiguration(TwoCustomizers.class)
                .withBean("myPubSub", PubSub.class, () -> PubSub.builder().nodeName("mine").build())
                .run(context -> {
                    assertThat(context.getBean("customizerCalls", java.util.List.class)).isEmpty();
                    assertThat(context.getBean(PubSub.class).nodeName()).isEqualTo("mine");
                });
    }

    @Test
    void redisUrlWorksWithoutSpringBootDataRedis() {
        runner.withClassLoader(new FilteredClassLoader(DataRedisConnectionDetails.class))
                .withPropertyValues("phoenix.pubsub.adapter=redis", "phoenix.pubsub.redis.url=redis://127.0.0.1:1")
                .run(context -> assertThat(context).hasSingleBean(RedisPubSubAdapter.class));
    }

    @Test
    void badValuesFailStartUpWithAReadableMessage() {
        runner.withPropertyValues("phoenix.pubsub.pool-size=0").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("phoenix.pubsub.pool-size")
                .rootCause().hasMessage("phoenix.pubsub.pool-size must be at least 1, was 0"));
        runner.withPropertyValues("phoenix.pubsub.adapter=kafka").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("Failed to bind properties under 'phoenix.pubsub.adapter'")
                .hasStackTraceContaining("kafka"));
        runner.withPropertyValues("phoenix.pubsub.redis.url=http://redis:6379").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause()
                .hasMessage("phoenix.pubsub.redis.url must start with redis:// or rediss://, was 'http://redis:6379'"));
        runner.withPropertyValues("phoenix.pubsub.redis.command-timeout=0s").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause()
                .hasMessage("phoenix.pubsub.redis.command-timeout must be positive, was PT0S"));
        runner.withPropertyValues("phoenix.pubsub.node-name= ").run(context -> assertThat(context)
                .hasFailed().getFailure().hasStackTraceContaining("phoenix.pubsub.node-name must not be blank"));
    }

    private static RedisPubSubAdapter.Settings settingsOf(RedisPubSubAdapter adapter) throws Exception {
        java.lang.reflect.Field field = RedisPubSubAdapter.class.getDeclaredField("settings");
        field.setAccessible(true);
        return (RedisPubSubAdapter.Settings) field.get(adapter);
    }
}
