package io.phoenixspring.autoconfigure.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration;
import io.phoenixspring.channels.endpoint.SocketHandlerMapping;
import io.phoenixspring.live.channel.LiveSocketHandler;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.router.LiveTokens;
import io.phoenixspring.live.view.TemplateResolver;
import io.phoenixspring.web.router.Router;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

class LiveViewAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                    ChannelsAutoConfiguration.class, PhoenixWebAutoConfiguration.class, LiveViewAutoConfiguration.class))
            .withPropertyValues("phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789")
            .withBean(Router.class, () -> Router.builder().build())
            .withBean(SomeLive.class, SomeLive::new);

    static class SomeLive implements io.phoenixspring.live.view.LiveView {
    }

    @Test
    void theLiveSocketIsMountedAtLiveWithWebSocketAndLongPoll() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(LiveRoutes.class).hasSingleBean(LiveTokens.class)
                    .hasSingleBean(LiveSocketHandler.class).hasSingleBean(TemplateResolver.class);
            assertThat(context.getBean(SocketHandlerMapping.class).handlers())
                    .containsKeys("/live/websocket", "/live/longpoll");
        });
    }

    @Test
    void theSigningSaltSignsThePagesTokens() {
        runner.withPropertyValues("phoenix.live-view.signing-salt=my-salt", "phoenix.live-view.session-max-age=1h")
                .run(context -> {
                    LiveTokens tokens = context.getBean(LiveTokens.class);
                    String session = tokens.signSession("phx-1", "V", "default", Map.of());
                    assertThat(tokens.verifySession(session, "lv:phx-1")).isNotNull();
                    LiveTokens otherSalt = new LiveTokens(context.getBean(io.phoenixspring.token.PhoenixToken.class),
                            "phoenix_live_view", Duration.ofDays(1));
                    assertThat(otherSalt.verifySession(session, "lv:phx-1")).isNull();
                });
    }

    @Test
    void aUsersBeansWinAndCustomizersApply() {
        TemplateResolver mine = type -> null;
        runner.withBean(TemplateResolver.class, () -> mine)
                .withBean(LiveRoutesCustomizer.class, () -> builder -> builder.layout(String.class))
                .run(context -> assertThat(context.getBean(TemplateResolver.class)).isSameAs(mine));
    }

    @Test
    void withoutARouterThereIsNoLiveSocket() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                        ChannelsAutoConfiguration.class, PhoenixWebAutoConfiguration.class, LiveViewAutoConfiguration.class))
                .withPropertyValues("phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789")
                .run(context -> assertThat(context).hasSingleBean(LiveRoutes.class).doesNotHaveBean(LiveSocketHandler.class));
    }

    @Test
    void withoutLiveViewsThereIsNoLiveSocket() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                        ChannelsAutoConfiguration.class, PhoenixWebAutoConfiguration.class, LiveViewAutoConfiguration.class))
                .withPropertyValues("phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789")
                .withBean(Router.class, () -> Router.builder().build())
                .run(context -> {
                    assertThat(context).doesNotHaveBean(LiveSocketHandler.class);
                    assertThat(context.getBean(SocketHandlerMapping.class).handlers()).doesNotContainKey("/live/websocket");
                });
    }

    @Test
    void offByPropertyOrWithoutTheModule() {
        runner.withPropertyValues("phoenix.live-view.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(LiveRoutes.class).doesNotHaveBean(LiveSocketHandler.class));
        runner.withClassLoader(new FilteredClassLoader(LiveRoutes.class))
                .run(context -> assertThat(context).doesNotHaveBean(LiveSocketHandler.class));
        runner.withPropertyValues("phoenix.endpoint.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(LiveRoutes.class));
    }
}
