package io.phoenixspring.autoconfigure.web;

import io.micrometer.observation.ObservationRegistry;
import io.phoenixspring.autoconfigure.endpoint.EndpointProperties;
import io.phoenixspring.autoconfigure.endpoint.InvalidSecretKeyBaseException;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.web.digest.StaticManifest;
import io.phoenixspring.web.endpoint.DefaultErrorView;
import io.phoenixspring.web.endpoint.EndpointUrl;
import io.phoenixspring.web.endpoint.ErrorView;
import io.phoenixspring.web.endpoint.NoRouteHandler;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.plug.RequestIdFilter;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.router.RouterHandlerMapping;
import io.phoenixspring.web.session.CookieStore;
import io.phoenixspring.web.session.SessionOptions;
import io.phoenixspring.web.template.TemplateRenderer;
import io.phoenixspring.web.template.ThymeleafRenderer;
import io.phoenixspring.web.template.ThymeleafViews;
import io.phoenixspring.web.template.ViewRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phoenix's HTTP side on WebFlux: the user's {@link Router} bean mounted as a handler mapping
 * (order {@code phoenix.endpoint.router-order}, -10: ahead of {@code @RestController}s), Phoenix's
 * 404 for unrouted requests, request ids, the cookie session store keyed by
 * {@code phoenix.endpoint.secret-key-base}, Thymeleaf templates when present, and the static files'
 * cache manifest ({@code phoenix.endpoint.cache-static-manifest}) behind {@code WebEndpoint.staticPath}, and
 * the public URL ({@code phoenix.endpoint.url.*}) behind {@code WebEndpoint.url} and verified routes.
 *
 * <pre>{@code
 * @Bean Router router() {
 *     return Router.builder().pipeline("api", p -> p.plug(Plugs.accepts("json")))
 *             .scope("/api", s -> s.pipeThrough("api").get("/health", HealthController.class, "show")).build();
 * }
 * }</pre>
 */
@AutoConfiguration(after = TokenAutoConfiguration.class,
        afterName = {"org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
                "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnClass({Router.class, RouterHandlerMapping.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(prefix = "phoenix.endpoint", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "phoenix.endpoint.http", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EndpointProperties.class)
public class PhoenixWebAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PhoenixWebAutoConfiguration.class);

    /**
     * @return Phoenix's default error views (JSON and HTML), or with {@code phoenix.endpoint.render-errors.html} the
     *     pages of that view's templates; a bean of your own replaces them
     */
    @Bean
    @ConditionalOnMissingBean
    public ErrorView phoenixErrorView(EndpointProperties web) {
        Class<?> html = web.getRenderErrors().getHtml();
        return html == null ? new DefaultErrorView() : new io.phoenixspring.web.endpoint.TemplateErrorView(html);
    }

    /**
     * @return Phoenix's {@code cache_static_manifest}: read from {@code phoenix.endpoint.cache-static-manifest}
     *     (a missing file fails start-up, saying to run {@code phoenix:digest}), {@link StaticManifest#none()} when unset
     */
    @Bean
    @ConditionalOnMissingBean
    public StaticManifest phoenixStaticManifest(EndpointProperties web, ResourceLoader resources) throws java.io.IOException {
        String location = web.getCacheStaticManifest();
        if (location == null || location.isBlank()) {
            return StaticManifest.none();
        }
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("phoenix.endpoint.cache-static-manifest: " + StaticManifest.missing(location));
        }
        StaticManifest manifest;
        try (var in = resource.getInputStream()) {
            manifest = StaticManifest.read(in, location);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("phoenix.endpoint.cache-static-manifest: " + e.getMessage(), e);
        }
        log.debug("Static files digested as {} says ({})", location, manifest);
        return web.isCacheManifestSkipVsn() ? manifest.withoutVsn() : manifest;
    }

    /** @return what every conn knows of the endpoint, from {@code phoenix.endpoint.*} */
    @Bean
    @ConditionalOnMissingBean
    public WebEndpoint phoenixWebEndpoint(EndpointProperties web, ErrorView errorView,
            ObjectProvider<TemplateRenderer> templates, ObjectProvider<JsonMapper> json, ObjectProvider<StaticManifest> manifest,
            ObjectProvider<ViewRenderer> views, Environment environment) {
        String secret = InvalidSecretKeyBaseException.check(web.getSecretKeyBase());
        EndpointProperties.Session s = web.getSession();
        SessionOptions options = new SessionOptions(s.getKey(), s.getSigningSalt(), s.getEncryptionSalt(), s.getMaxAge(),
                s.getSameSite(), s.isSecure(), true, "/");
        EndpointUrl publicUrl = url(web.getUrl(), environment);
        try {
            return WebEndpoint.defaults()
                    .withSessionStore(new CookieStore(secret, options))
                    .withErrorFormats(web.getRenderErrors().getFormats())
                    .withErrorView(errorView)
                    .withDebugErrors(web.isDebugErrors())
                    .withFilterParameters(web.getFilterParameters())
                    .withJson(json.getIfAvailable(() -> JsonMapper.builder().build()))
                    .withTemplates(templates.getIfAvailable())
                    .withViews(ViewRenderer.of(views.orderedStream().toList()))
                    .withMaxBodyBytes(web.getMaxBodySize().toBytes())
                    .withStaticManifest(manifest.getIfAvailable(StaticManifest::none))
                    .withUrl(publicUrl)
                    .withStaticUrl(staticUrl(web.getStaticUrl(), publicUrl));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("phoenix.endpoint: " + e.getMessage(), e);
        }
    }

    /**
     * Phoenix's {@code :url}: the port, when not set, is the server's, as Phoenix takes it from {@code :http};
     * with {@code server.port=0} (a random port, known only once listening) it is left out.
     */
    static EndpointUrl url(EndpointProperties.Url url, Environment environment) {
        Integer port = url.getPort();
        if (port == null) {
            int server = environment.getProperty("server.port", Integer.class, 8080);
            port = server > 0 ? server : null;
        }
        try {
            return new EndpointUrl(url.getScheme(), url.getHost(), port, url.getPath());
        } catch (IllegalArgumentException e) {
            // The message says it all, with the property's name: no cause to repeat it without.
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^url ", "phoenix.endpoint.url."));
        }
    }

    /** Phoenix's {@code :static_url}: null (follow the url) when no part is set; each unset part is the url's. */
    static EndpointUrl staticUrl(EndpointProperties.StaticUrl url, EndpointUrl publicUrl) {
        if (!url.anySet()) {
            return null;
        }
        try {
            return new EndpointUrl(url.getScheme() != null ? url.getScheme() : publicUrl.scheme(),
                    url.getHost() != null ? url.getHost() : publicUrl.host(),
                    url.getPort() != null ? url.getPort() : url.getHost() != null || url.getScheme() != null ? null : publicUrl.port(),
                    url.getPath() != null ? url.getPath() : publicUrl.path());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^url ", "phoenix.endpoint.static-url."));
        }
    }

    /** @return the router mounted on WebFlux */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Router.class)
    public RouterHandlerMapping phoenixRouterHandlerMapping(Router router, WebEndpoint endpoint,
            EndpointProperties web, ApplicationContext context, ObjectProvider<ObservationRegistry> observations) {
        checkViews(context, endpoint);
        RouterHandlerMapping mapping = new RouterHandlerMapping(router, endpoint, context::getBean);
        mapping.setOrder(web.getRouterOrder());
        // Boot's registry (spring-boot-micrometer-observation): each dispatch is a phoenix.router_dispatch observation.
        observations.ifAvailable(mapping::setObservationRegistry);
        if (web.isPrintRoutes()) {
            log.info("Phoenix routes:\n{}", router.format());
        } else if (log.isDebugEnabled()) {
            log.debug("Phoenix routes:\n{}", router.format());
        }
        return mapping;
    }

    /**
     * A controller's HTML view, its layout's view and the HTML error view must be views an engine renders: a class
     * without {@code @EmbedTemplates} (or {@code @ThymeleafTemplates}) fails start-up here, not its first request.
     */
    static void checkViews(ApplicationContext context, WebEndpoint endpoint) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        // By bean type, not instance: the check must not create the controllers from inside this bean's creation.
        for (String name : context.getBeanNamesForAnnotation(io.phoenixspring.web.controller.PhoenixController.class)) {
            Class<?> type = context.getType(name, false);
            io.phoenixspring.web.controller.PhoenixController annotation = type == null ? null
                    : org.springframework.util.ClassUtils.getUserClass(type).getAnnotation(io.phoenixspring.web.controller.PhoenixController.class);
            if (annotation == null) {
                continue;
            }
            for (Class<?> view : new Class<?>[] {annotation.html(), annotation.layout()}) {
                if (view != Void.class && !endpoint.views().renders(view)) {
                    problems.add(type.getSimpleName() + " names " + view.getName() + " as its "
                            + (view == annotation.html() ? "html view" : "layout"));
                }
            }
        }
        if (endpoint.errorView() instanceof io.phoenixspring.web.endpoint.TemplateErrorView errors
                && !endpoint.views().renders(errors.view())) {
            problems.add("phoenix.endpoint.render-errors.html names " + errors.view().getName());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems) + ", which no template engine renders: annotate it "
                    + "with @EmbedTemplates (HEEx, phoenix-live-view on the classpath) or @ThymeleafTemplates (Thymeleaf)");
        }
    }

    /** @return Phoenix's 404 page for requests nothing handled */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Router.class)
    public NoRouteHandler phoenixNoRouteHandler(WebEndpoint endpoint) {
        return new NoRouteHandler(endpoint);
    }

    /** @return a request id on every response */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "phoenix.endpoint.request-id", name = "enabled", matchIfMissing = true)
    public RequestIdFilter phoenixRequestIdFilter(EndpointProperties web) {
        return new RequestIdFilter(web.getRequestId().getHeader());
    }

    /**
     * {@code phoenix.endpoint.http.header-timeout}, {@code idle-timeout} and {@code max-connections}
     * on Reactor Netty: a client may not hold the server with a request head that never ends, an
     * idle keep-alive connection, or one connection too many.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({reactor.netty.http.server.HttpServer.class,
            org.springframework.boot.reactor.netty.NettyServerCustomizer.class})
    static class HttpLimits {

        @Bean
        @ConditionalOnMissingBean(name = "phoenixHttpServerLimits")
        org.springframework.boot.reactor.netty.NettyServerCustomizer phoenixHttpServerLimits(EndpointProperties web) {
            EndpointProperties.Http http = web.getHttp();
            return new io.phoenixspring.web.endpoint.HttpServerLimits(http.getHeaderTimeout(), http.getIdleTimeout(),
                    http.getMaxConnections())::apply;
        }
    }

    /** {@code Controller.render(conn, ...)} through Thymeleaf: Spring Boot's engine when configured, else templates/ on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ITemplateEngine.class)
    static class Thymeleaf {

        @Bean
        @ConditionalOnMissingBean
        TemplateRenderer phoenixTemplateRenderer(ObjectProvider<ITemplateEngine> engine) {
            ITemplateEngine existing = engine.getIfAvailable();
            return existing != null ? new ThymeleafRenderer(existing) : ThymeleafRenderer.classpath("templates/");
        }

        /**
         * @return the Thymeleaf engine of views annotated {@code @ThymeleafTemplates}, the alternative to HEEx per view;
         *     its templates are found where Boot's Thymeleaf looks ({@code spring.thymeleaf.prefix}/{@code suffix})
         */
        @Bean
        @ConditionalOnMissingBean
        ThymeleafViews phoenixThymeleafViews(TemplateRenderer renderer, ResourceLoader resources, Environment environment) {
            String prefix = environment.getProperty("spring.thymeleaf.prefix", "classpath:/templates/");
            String suffix = environment.getProperty("spring.thymeleaf.suffix", ".html");
            return new ThymeleafViews(renderer, name -> resources.getResource(prefix + name + suffix).exists());
        }
    }
}
