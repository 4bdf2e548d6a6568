package io.phoenixspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.presence.PresenceAutoConfiguration;
import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration;
import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.router.RouterHandlerMapping;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

/** Every auto-configuration together: each one switchable by a property, and backing off without its classes. */
class AutoConfigurationSwitchesTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                    ChannelsAutoConfiguration.class, PresenceAutoConfiguration.class, PhoenixWebAutoConfiguration.class))
            .withPropertyValues("phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789")
            .withBean(Router.class, () -> Router.builder()
                    .get("/health", conn -> Controller.json(conn, Map.of("status", "ok"))).build());

    @Test
    void everythingIsOnByDefault() {
        runner.run(context -> assertThat(context).hasSingleBean(PubSub.class).hasSingleBean(PhoenixToken.class)
                .hasSingleBean(SocketRuntime.class).hasSingleBean(Endpoint.class).hasSingleBean(Presence.class)
                .hasSingleBean(RouterHandlerMapping.class));
    }

    @Test
    void pubsubOffTakesChannelsAndPresenceWithIt() {
        runner.withPropertyValues("phoenix.pubsub.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(PubSub.class).doesNotHaveBean(SocketRuntime.class).doesNotHaveBean(Presence.class)
                .hasSingleBean(RouterHandlerMapping.class));
    }

    @Test
    void endpointOffTurnsOffTokensSocketsAndTheRouter() {
        runner.withPropertyValues("phoenix.endpoint.enabled=false").run(context -> assertThat(context)
                .hasSingleBean(PubSub.class).doesNotHaveBean(PhoenixToken.class).doesNotHaveBean(SocketRuntime.class)
                .doesNotHaveBean(Presence.class).doesNotHaveBean(RouterHandlerMapping.class));
    }

    @Test
    void httpOffKeepsSocketsButNotTheRouter() {
        runner.withPropertyValues("phoenix.endpoint.http.enabled=false").run(context -> assertThat(context)
                .hasSingleBean(SocketRuntime.class).hasSingleBean(Presence.class).doesNotHaveBean(RouterHandlerMapping.class));
    }

    @Test
    void missingTokenClassesBackOffTheEndpoint() {
        runner.withClassLoader(new FilteredClassLoader(PhoenixToken.class))
                .run(context -> assertThat(context).doesNotHaveBean(PhoenixToken.class).hasSingleBean(PubSub.class));
    }
}
