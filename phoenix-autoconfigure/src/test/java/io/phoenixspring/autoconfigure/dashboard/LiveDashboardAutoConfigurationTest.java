package io.phoenixspring.autoconfigure.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.live.LiveViewAutoConfiguration;
import io.phoenixspring.autoconfigure.presence.PresenceAutoConfiguration;
import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration;
import io.phoenixspring.dashboard.MetricsHistory;
import io.phoenixspring.dashboard.MetricsPage;
import io.phoenixspring.dashboard.PresencePage;
import io.phoenixspring.web.router.Router;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

/** The dashboard's beans: its pages, and the metrics history as phoenix.live-dashboard.* configures it. */
class LiveDashboardAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                    ChannelsAutoConfiguration.class, PresenceAutoConfiguration.class, PhoenixWebAutoConfiguration.class,
                    LiveDashboardAutoConfiguration.class, LiveViewAutoConfiguration.class))
            .withPropertyValues("phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789")
            .withBean(Router.class, () -> Router.builder().build());

    @Test
    void theMetricsAndPresencePagesAreBeansAndTheHistoryHasTheDefaults() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(MetricsPage.class).hasSingleBean(PresencePage.class)
                    .hasSingleBean(MetricsHistory.class);
            MetricsHistory history = context.getBean(MetricsHistory.class);
            assertThat(history.capacity()).isEqualTo(120);
            assertThat(history.interval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(history.maxSeries()).isEqualTo(500);
            assertThat(history.registry()).isSameAs(context.getBean(MeterRegistry.class));
            assertThat(history.started()).as("nothing sampled before a metrics page opens").isFalse();
        });
    }

    @Test
    void theHistoryFollowsItsProperties() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("phoenix.live-dashboard.metrics-history=0",
                        "phoenix.live-dashboard.metrics-history-interval=5s",
                        "phoenix.live-dashboard.metrics-history-max-series=50")
                .run(context -> {
                    MetricsHistory history = context.getBean(MetricsHistory.class);
                    assertThat(history.capacity()).isZero();
                    assertThat(history.interval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(history.maxSeries()).isEqualTo(50);
                });
    }

    @Test
    void withoutAMeterRegistryTheHistoryHasNoneAndNeverStarts() {
        runner.run(context -> {
            MetricsHistory history = context.getBean(MetricsHistory.class);
            assertThat(history.registry()).isNull();
            history.start();
            assertThat(history.started()).isFalse();
        });
    }
}
