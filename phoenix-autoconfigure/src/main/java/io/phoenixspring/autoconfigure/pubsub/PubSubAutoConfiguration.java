package io.phoenixspring.autoconfigure.pubsub;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.phoenixspring.pubsub.JsonMessageCodec;
import io.phoenixspring.pubsub.MessageCodec;
import io.phoenixspring.pubsub.MicrometerPubSubMetrics;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.PubSubAdapter;
import io.phoenixspring.pubsub.PubSubMetrics;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures a {@link PubSub} bean from {@code phoenix.pubsub.*}: local by default, over
 * Redis with {@code phoenix.pubsub.adapter=redis}. {@link PubSubCustomizer} beans adjust the
 * builder after the properties. Every bean backs off when the application defines its own of the
 * same type.
 *
 * <pre>{@code
 * @Service
 * class RoomService {
 *     RoomService(PubSub pubSub) {
 *         pubSub.subscribe("room:lobby", (topic, message) -> inbox.tryEmitNext(message));
 *     }
 * }
 * }</pre>
 */
@AutoConfiguration(after = io.phoenixspring.autoconfigure.json.PhoenixJsonAutoConfiguration.class,
        afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(PubSub.class)
@ConditionalOnProperty(prefix = "phoenix.pubsub", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PubSubProperties.class)
public class PubSubAutoConfiguration {

    /**
     * The default codec; inject it to register the message types that cross nodes.
     *
     * @param json Phoenix's one JSON configuration (the application's Jackson settings), when present
     * @return a JSON codec with no registered types
     */
    @Bean
    @ConditionalOnMissingBean(MessageCodec.class)
    public JsonMessageCodec phoenixPubSubCodec(ObjectProvider<io.phoenixspring.pubsub.PhoenixJson> json) {
        return new JsonMessageCodec(json.getIfAvailable(io.phoenixspring.pubsub.PhoenixJson::defaults));
    }

    /**
     * The PubSub.
     *
     * @param properties {@code phoenix.pubsub.*}
     * @param adapter the adapter bean, if any: the Redis one or the application's own
     * @param codec the codec
     * @param metrics the metrics hooks, if any
     * @param customizers applied in order to the builder, after the properties
     * @return the running PubSub, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public PubSub phoenixPubSub(PubSubProperties properties, ObjectProvider<PubSubAdapter> adapter,
            MessageCodec codec, ObjectProvider<PubSubMetrics> metrics, ObjectProvider<PubSubCustomizer> customizers) {
        PubSubAdapter chosen = adapter.getIfAvailable();
        if (chosen == null && properties.getAdapter() == PubSubProperties.Adapter.REDIS) {
            throw new RedisAdapterUnavailableException(RedisAdapterUnavailableException.Reason.MISSING_LIBRARIES);
        }
        PubSub.Builder builder = PubSub.builder()
                .name(properties.getName())
                .adapter(chosen)
                .codec(codec)
                .metrics(metrics.getIfAvailable(() -> PubSubMetrics.NOOP));
        if (properties.getNodeName() != null) {
            builder.nodeName(properties.getNodeName());
        }
        if (properties.getPoolSize() != null) {
            builder.poolSize(properties.getPoolSize());
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** Counters when Micrometer is on the class path and the application has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        PubSubMetrics phoenixPubSubMetrics(ObjectProvider<MeterRegistry> registry, PubSubProperties properties) {
            MeterRegistry meterRegistry = registry.getIfUnique();
            return meterRegistry == null ? PubSubMetrics.NOOP
                    : new MicrometerPubSubMetrics(meterRegistry, properties.getName());
        }
    }

    /** The Redis adapter, when asked for and when Spring Data Redis and Lettuce are present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
            "io.lettuce.core.RedisURI", "reactor.core.publisher.Flux"})
    @ConditionalOnProperty(prefix = "phoenix.pubsub", name = "adapter", havingValue = "redis")
    static class RedisAdapterConfiguration {

        @Bean
        @ConditionalOnMissingBean(PubSubAdapter.class)
        RedisPubSubAdapter phoenixPubSubRedisAdapter(PubSubProperties properties,
                ObjectProvider<SpringRedisConnection> springConnection) {
            PubSubProperties.Redis redis = properties.getRedis();
            RedisPubSubAdapter.Settings settings;
            if (redis.getUrl() != null) {
                settings = RedisPubSubAdapter.Settings.of(redis.getUrl());
            } else {
                SpringRedisConnection spring = springConnection.getIfAvailable();
                settings = spring != null ? spring.settings()
                        : RedisPubSubAdapter.Settings.of(RedisURI.create("localhost", RedisURI.DEFAULT_REDIS_PORT));
            }
            settings = settings.withConnectTimeout(redis.getConnectTimeout())
                    .withCommandTimeout(redis.getCommandTimeout())
                    .withRequestQueueSize(redis.getRequestQueueSize())
                    .withMaxReconnectDelay(redis.getMaxReconnectDelay());
            return new RedisPubSubAdapter(settings, properties.getName());
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails")
        static class SpringConnectionDetailsConfiguration {

            @Bean
            @ConditionalOnBean(DataRedisConnectionDetails.class)
            SpringRedisConnection phoenixPubSubSpringRedisConnection(DataRedisConnectionDetails details) {
                return new SpringRedisConnection(details);
            }
        }
    }

    /**
     * Reads Spring Boot's {@code spring.data.redis.*} connection details (or those from
     * Testcontainers or Docker Compose). Kept in its own class so that nothing else needs
     * spring-boot-data-redis on the class path.
     */
    static final class SpringRedisConnection {

        private final DataRedisConnectionDetails details;

        SpringRedisConnection(DataRedisConnectionDetails details) {
            this.details = details;
        }

        RedisPubSubAdapter.Settings settings() {
            if (details.getSentinel() != null || details.getCluster() != null || details.getMasterReplica() != null) {
                throw new RedisAdapterUnavailableException(RedisAdapterUnavailableException.Reason.NOT_A_SINGLE_SERVER);
            }
            DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
            RedisURI.Builder uri = RedisURI.builder()
                    .withHost(standalone.getHost())
                    .withPort(standalone.getPort())
                    .withDatabase(standalone.getDatabase());
            String password = details.getPassword();
            if (password != null && !password.isEmpty()) {
                String username = details.getUsername();
                if (username != null && !username.isEmpty()) {
                    uri.withAuthentication(username, password);
                } else {
                    uri.withPassword(password.toCharArray());
                }
            }
            SslBundle bundle = details.getSslBundle();
            if (bundle != null) {
                uri.withSsl(true);
            }
            RedisPubSubAdapter.Settings settings = RedisPubSubAdapter.Settings.of(uri.build());
            if (bundle != null) {
                settings = settings.withSslOptions(SslOptions.builder()
                        .jdkSslProvider()
                        .keyManager(bundle.getManagers().getKeyManagerFactory())
                        .trustManager(bundle.getManagers().getTrustManagerFactory())
                        .build());
            }
            return settings;
        }
    }
}
