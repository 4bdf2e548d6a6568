package io.phoenixspring.autoconfigure.live;

import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.live.channel.LiveSocketHandler;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.router.LiveTokens;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.TemplateResolver;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.router.Router;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Phoenix LiveView: the {@link LiveRoutes} bean a {@link Router} bean declares its live routes with,
 * the pages' signed tokens ({@code phoenix.live-view.signing-salt} over
 * {@code phoenix.endpoint.secret-key-base}), and the {@code /live} socket (WebSocket and long-poll) the
 * browser joins the pages on. {@link LiveRoutesCustomizer} beans set layouts and templates.
 *
 * <pre>{@code
 * @Bean Router router(LiveRoutes live) {
 *     return Router.builder().pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.protectFromForgery()))
 *             .scope("/", s -> s.pipeThrough("browser").get("/counter", live.route(CounterLive.class))).build();
 * }
 * }</pre>
 */
@AutoConfiguration(after = {TokenAutoConfiguration.class, PhoenixWebAutoConfiguration.class, ChannelsAutoConfiguration.class})
@ConditionalOnClass({LiveRoutes.class, SocketRuntime.class, Router.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(PhoenixToken.class)
@ConditionalOnProperty(prefix = "phoenix.live-view", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(LiveViewProperties.class)
public class LiveViewAutoConfiguration {

    /** @return the pages' tokens, signed with the endpoint's secret and the LiveView salt */
    @Bean
    @ConditionalOnMissingBean
    public LiveTokens phoenixLiveTokens(PhoenixToken tokens, LiveViewProperties properties) {
        return new LiveTokens(tokens, properties.getSigningSalt(), properties.getSessionMaxAge());
    }

    /**
     * Finds {@code <SimpleName>.html.heex} next to a view or layout class (the HEEx engine compiles it
     * once; a view may also give its template itself with {@code LiveView.template()}); a bean of
     * your own replaces it.
     *
     * @return the resolver of colocated templates
     */
    @Bean
    @ConditionalOnMissingBean
    public TemplateResolver phoenixLiveTemplateResolver() {
        return TemplateResolver.colocated();
    }

    /** @return the live routes of the application's router, resolving views and hooks as beans */
    @Bean
    @ConditionalOnMissingBean
    public LiveRoutes phoenixLiveRoutes(ApplicationContext context, LiveTokens tokens, TemplateResolver templates,
            ObjectProvider<LiveRoutesCustomizer> customizers, ObjectProvider<WebEndpoint> endpoint) {
        LiveRoutes.Builder builder = LiveRoutes.builder(context::getBean, tokens).templates(templates)
                .endpoint(endpoint.getIfAvailable());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * Phoenix's verified routes for templates: {@code phoenix.live-view.static-paths} are static files, and
     * every {@code ~p} path of a compiled template that no route of the {@link Router} bean matches logs one WARN
     * ({@code file:line:col: no route path for router matches "/x"}) once the context is ready.
     *
     * @return what checks the templates' paths against the router
     */
    @Bean
    @ConditionalOnMissingBean
    SigilVerification phoenixSigilVerification(ListableBeanFactory beans, LiveViewProperties properties) {
        return new SigilVerification(beans, properties.getStaticPaths());
    }

    /**
     * Only with a {@link Router} bean and at least one {@link LiveView} bean: an application without
     * LiveViews (the module comes with the starter) gets no {@code /live} socket, and declares no
     * socket that, on a server other than Reactor Netty, would fail start-up.
     *
     * @return the {@code /live} socket; the socket runtime's session reader (phoenix-web's cookie) gives
     *     it the browser session when the page's CSRF token matches
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({Router.class, LiveView.class})
    public LiveSocketHandler phoenixLiveSocket(LiveRoutes routes, ObjectProvider<Router> router,
            ObjectProvider<SocketRuntime> runtime, LiveViewProperties properties) {
        return new LiveSocketHandler(routes, router::getObject, () -> {
            SocketRuntime socketRuntime = runtime.getIfAvailable();
            return socketRuntime == null ? null : socketRuntime.sessions();
        }, properties.getLiveviewVersion());
    }
}
