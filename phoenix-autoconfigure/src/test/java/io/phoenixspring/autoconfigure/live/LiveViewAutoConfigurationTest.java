package io.phoenixspring.autoconfigure.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration;
import io.phoenixspring.channels.endpoint.SocketHandlerMapping;
import io.phoenixspring.live.channel.LiveSocketHandler;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.template.RoutesContext;
import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.template.Templates;
import io.phoenixspring.live.template.VerifiedSigils;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.live.router.LiveTokens;
import io.phoenixspring.live.view.TemplateResolver;
import io.phoenixspring.web.router.Router;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
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
    void templatePathsAreVerifiedAgainstTheRouterBeanAndRenderUnderTheEndpoint() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(VerifiedSigils.class);
        log.start();
        logger.addAppender(log);
        String source = "<a href={~p\"/users/1\"}>a</a><a href={~p\"/userz\"}>b</a><link href={~p\"/css/app.css\"}>";
        try {
            new ReactiveWebApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                            ChannelsAutoConfiguration.class, PhoenixWebAutoConfiguration.class, LiveViewAutoConfiguration.class))
                    .withPropertyValues("phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789",
                            "phoenix.live-view.static-paths=assets,css", "phoenix.endpoint.url.path=/shop")
                    .withBean("appRouter", Router.class, () -> Router.builder().get("/users/:id", conn -> conn).build())
                    .withBean("pages", Template.class, () -> Templates.compile(source, "autoconfig/pages.html.heex", null))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(log.list.stream().filter(e -> e.getLevel() == Level.WARN)
                                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("autoconfig/pages")))
                                .containsExactly("autoconfig/pages.html.heex:1:" + (source.indexOf("~p\"/userz") + 1)
                                        + ": no route path for appRouter matches \"/userz\"");
                        assertThat(VerifiedSigils.staticPaths()).containsExactlyInAnyOrder("assets", "css");
                        WebEndpoint endpoint = context.getBean(WebEndpoint.class);
                        assertThat(context.getBean(LiveRoutes.class).endpoint()).isSameAs(endpoint);
                        assertThat(RoutesContext.with(endpoint, () -> context.getBean(Template.class).render(Map.of(), null).toHtml()))
                                .startsWith("<a href=\"/shop/users/1\">a</a>");
                    });
        } finally {
            logger.detachAppender(log);
            VerifiedSigils.staticPaths(VerifiedSigils.DEFAULT_STATIC_PATHS);
        }
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
