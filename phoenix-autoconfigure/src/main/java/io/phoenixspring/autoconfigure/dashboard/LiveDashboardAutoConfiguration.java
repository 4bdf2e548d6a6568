package io.phoenixspring.autoconfigure.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.live.LiveViewAutoConfiguration;
import io.phoenixspring.autoconfigure.presence.PresenceAutoConfiguration;
import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration;
import io.phoenixspring.dashboard.LiveDashboard;
import io.phoenixspring.dashboard.MetricsHistory;
import io.phoenixspring.dashboard.RequestLogger;
import io.phoenixspring.dashboard.RequestLoggerFilter;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Phoenix LiveDashboard, when {@code phoenix-live-dashboard} is on the classpath: the
 * {@link LiveDashboard} bean a {@link io.phoenixspring.web.router.Router} mounts it with, and its
 * pages as LiveView beans. Nothing is served until a router applies {@code liveDashboard(path)}.
 *
 * <pre>{@code
 * @Bean Router router(LiveDashboard dashboard) {
 *     return Router.builder().pipeline("admins", p -> p.plug(Plugs.fetchSession()).plug(Plugs.protectFromForgery()))
 *             .scope("/", s -> s.pipeThrough("admins").with(dashboard.liveDashboard("/dashboard"))).build();
 * }
 * }</pre>
 */
@AutoConfiguration(after = {TokenAutoConfiguration.class, PubSubAutoConfiguration.class, PhoenixWebAutoConfiguration.class,
        ChannelsAutoConfiguration.class, PresenceAutoConfiguration.class}, before = LiveViewAutoConfiguration.class)
@ConditionalOnClass({LiveDashboard.class, LiveRoutes.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(PhoenixToken.class)
@ConditionalOnProperty(prefix = "phoenix.live-view", name = "enabled", matchIfMissing = true)
@Import(LiveDashboardAutoConfiguration.BuiltInPages.class)
@EnableConfigurationProperties(LiveDashboardProperties.class)
public class LiveDashboardAutoConfiguration {

    /**
     * LiveView's auto-configuration (same conditions, ordered after this one so that it sees the
     * pages as LiveView beans) provides the live routes.
     *
     * @return the dashboard's router macro
     */
    @Bean
    @ConditionalOnMissingBean
    public LiveDashboard phoenixLiveDashboard(LiveRoutes live) {
        return new LiveDashboard(live);
    }

    /**
     * The request logger (LiveDashboard's {@code Phoenix.LiveDashboard.RequestLogger} plug and its
     * page's hub): verifies the marks it signs with the endpoint's secret, publishes the marked
     * requests' log lines through PubSub (this node only). A pass-through while no page listens.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(PubSub.class)
    static class RequestLoggerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RequestLogger phoenixRequestLogger(PubSub pubSub, PhoenixToken tokens) {
            return new RequestLogger(pubSub, tokens);
        }

        @Bean
        @ConditionalOnMissingBean
        RequestLoggerFilter phoenixRequestLoggerFilter(RequestLogger requestLogger) {
            return new RequestLoggerFilter(requestLogger);
        }
    }

    /**
     * The metrics page's history ({@code phoenix.live-dashboard.metrics-history*}) of the application's
     * {@link MeterRegistry} (none without one: the page then says how to get one). It samples nothing
     * until a metrics page is first opened.
     *
     * @return the history the metrics page charts
     */
    @Bean
    @ConditionalOnMissingBean
    public MetricsHistory phoenixMetricsHistory(ObjectProvider<MeterRegistry> registry, LiveDashboardProperties properties) {
        return new MetricsHistory(registry::getIfAvailable, properties.getMetricsHistory(),
                properties.getMetricsHistoryInterval(), properties.getMetricsHistoryMaxSeries());
    }

    /** Registers the built-in pages as beans (constructor-injected with what they show). */
    static final class BuiltInPages implements ImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return LiveDashboard.builtInPages().stream().map(Class::getName).toArray(String[]::new);
        }
    }
}
