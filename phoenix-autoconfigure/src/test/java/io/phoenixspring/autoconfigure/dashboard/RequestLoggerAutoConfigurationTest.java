package io.phoenixspring.autoconfigure.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.live.LiveViewAutoConfiguration;
import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration;
import io.phoenixspring.dashboard.RequestLogger;
import io.phoenixspring.dashboard.RequestLoggerFilter;
import io.phoenixspring.dashboard.RequestLoggerPage;
import io.phoenixspring.dashboard.ThreadsPage;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.web.router.Router;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

/** The dashboard's request logger and threads page as the auto-configuration provides them. */
class RequestLoggerAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                    ChannelsAutoConfiguration.class, PhoenixWebAutoConfiguration.class, LiveDashboardAutoConfiguration.class,
                    LiveViewAutoConfiguration.class))
            .withPropertyValues("phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789")
            .withBean(Router.class, () -> Router.builder().build());

    @Test
    void theRequestLoggerItsFilterAndBothPagesAreBeans() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RequestLogger.class).hasSingleBean(RequestLoggerFilter.class)
                    .hasSingleBean(RequestLoggerPage.class).hasSingleBean(ThreadsPage.class);
            RequestLogger logger = context.getBean(RequestLogger.class);
            String key = logger.newKey();
            assertThat(logger.verify(logger.sign(key))).isEqualTo(key);
        });
    }

    @Test
    void aUsersRequestLoggerWins() {
        runner.withBean("myRequestLogger", RequestLogger.class,
                        () -> new RequestLogger(PubSub.builder().name("mine").build(), PhoenixToken.of("another-secret-key-base-long-enough-0123456789")))
                .run(context -> assertThat(context.getBean(RequestLogger.class))
                        .isSameAs(context.getBean("myRequestLogger")));
    }
}
