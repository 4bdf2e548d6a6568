package io.phoenixspring.autoconfigure.actuate;

import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.presence.PresenceAutoConfiguration;
import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator for Phoenix, with Spring Boot Actuator on the class path: the endpoint
 * {@code phoenix} ({@link PhoenixEndpoint}) and, with {@code spring-boot-health}, the health
 * indicators {@code phoenixPubSub} and, with the Redis adapter, {@code phoenixRedis}.
 *
 * <pre>{@code
 * management.endpoints.web.exposure.include: health,phoenix
 * management.health.phoenix-redis.enabled: false      # each indicator can be switched off
 * }</pre>
 */
@AutoConfiguration(after = {PubSubAutoConfiguration.class, ChannelsAutoConfiguration.class,
    PresenceAutoConfiguration.class})
@ConditionalOnClass(value = PubSub.class, name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(PubSub.class)
public class PhoenixActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PhoenixEndpoint phoenixActuatorEndpoint(ObjectProvider<PubSub> pubSub, ObjectProvider<SocketRuntime> sockets,
            ObjectProvider<Presence> presence) {
        return new PhoenixEndpoint(pubSub, sockets, presence);
    }

    /** The indicators, only when Boot's health module is there (it is with spring-boot-starter-actuator). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class HealthIndicators {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnEnabledHealthIndicator("phoenix-pubsub")
        PubSubHealthIndicator phoenixPubSubHealthIndicator(PubSub pubSub) {
            return new PubSubHealthIndicator(pubSub);
        }
    }

    /** Apart: the adapter's class needs Lettuce and Spring Data Redis to load. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.boot.health.contributor.HealthIndicator",
        "org.springframework.data.redis.connection.ReactiveRedisConnection", "io.lettuce.core.RedisURI"})
    static class RedisHealthIndicator {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(RedisPubSubAdapter.class)
        @ConditionalOnEnabledHealthIndicator("phoenix-redis")
        RedisPubSubHealthIndicator phoenixRedisHealthIndicator(RedisPubSubAdapter adapter) {
            return new RedisPubSubHealthIndicator(adapter);
        }
    }
}
