package io.phoenixspring.autoconfigure.presence;

import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.presence.PresenceFetcher;
import io.phoenixspring.presence.PresenceHandler;
import io.phoenixspring.presence.PresenceOptions;
import io.phoenixspring.presence.tracker.TrackerOptions;
import io.phoenixspring.pubsub.PubSub;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link Presence} bean (Phoenix.Presence) on the application's {@link PubSub} and
 * {@link Endpoint}, configured by {@code phoenix.presence.*}. A {@link PresenceFetcher} bean, if
 * any, is its fetch hook; every {@link PresenceHandler} bean (Phoenix's {@code handle_metas/4}) is
 * called with each diff, in {@code @Order}; a {@link PresenceOptions} bean replaces the properties.
 *
 * <pre>{@code
 * @PhoenixChannel
 * class RoomChannel {
 *     RoomChannel(Presence presence) { this.presence = presence; }
 * }
 *
 * @Bean
 * PresenceHandler<Void> userOffline(Endpoint endpoint) {
 *     return (topic, joins, leaves, presences, state) -> { ...; return state; };
 * }
 * }</pre>
 */
@AutoConfiguration(after = {PubSubAutoConfiguration.class, ChannelsAutoConfiguration.class})
@ConditionalOnClass({Presence.class, Endpoint.class, PubSub.class})
@ConditionalOnBean({PubSub.class, Endpoint.class})
@ConditionalOnProperty(prefix = "phoenix.presence", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PresenceProperties.class)
public class PresenceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PresenceOptions phoenixPresenceOptions(PresenceProperties properties) {
        Duration down = properties.getDownPeriod() != null ? properties.getDownPeriod()
                : properties.getBroadcastPeriod().multipliedBy(properties.getMaxSilentPeriods() * 2L);
        TrackerOptions tracker = new TrackerOptions(properties.getName(), properties.getBroadcastPeriod(),
                properties.getMaxSilentPeriods(), down, properties.getPermdownPeriod(), properties.getPoolSize(),
                properties.getMaxDeltaSize(), properties.isLogReplicaEvents());
        return new PresenceOptions(tracker, properties.getDiffWindow());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Presence phoenixPresence(PubSub pubSub, Endpoint endpoint, PresenceOptions options,
            ObjectProvider<PresenceFetcher> fetcher, ObjectProvider<PresenceHandler<?>> handlers) {
        Presence.Builder builder = Presence.builder(pubSub, endpoint)
                .options(options)
                .fetcher(fetcher.getIfUnique(() -> PresenceFetcher.NONE));
        handlers.orderedStream().forEach(builder::handler);
        return builder.build();
    }
}
