package io.phoenixspring.live.router;

import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.view.AsyncRunner;
import io.phoenixspring.live.view.LiveComponent;
import io.phoenixspring.live.view.LiveComponentSource;
import io.phoenixspring.live.view.LiveProcess;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.OnMount;
import io.phoenixspring.live.view.PhoenixLiveView;
import io.phoenixspring.live.view.TemplateResolver;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.plug.Plug;
import io.phoenixspring.web.router.RouteMatch;
import io.phoenixspring.web.router.Router;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Live routes for phoenix-web's {@link Router} (Phoenix.LiveView.Router's {@code live} and
 * {@code live_session}): each route is a {@link Plug} doing the plain HTTP ("dead") render of a
 * LiveView, which the browser then joins over the {@code /live} socket. Routes outside a named live
 * session belong to the {@value #DEFAULT_SESSION} one. The auto-configuration provides the bean.
 *
 * <pre>{@code
 * @Bean Router router(LiveRoutes live) {
 *     LiveSession members = live.session("members", s -> s.onMount(LoadUser.class));
 *     return Router.builder()
 *         .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash()).plug(Plugs.protectFromForgery()))
 *         .scope("/", s -> s.pipeThrough("browser")
 *             .get("/counter", live.route(CounterLive.class))
 *             .get("/account", members.route(AccountLive.class)))
 *         .build();
 * }
 * }</pre>
 *
 * <p>A live route's pipeline must fetch the session and protect from forgery: the page carries the
 * session's CSRF token, which the socket checks.
 */
public final class LiveRoutes {

    /** The live session of routes declared outside any named one. */
    public static final String DEFAULT_SESSION = "default";

    /**
     * A URL resolved to a live route.
     *
     * @param session the route's live session
     * @param view the LiveView class
     * @param action the route's action, or null
     * @param params the path params and the query params (path params win)
     */
    public record Match(LiveSession session, Class<? extends LiveView> view, String action, Map<String, Object> params) {
    }

    private final Function<Class<?>, Object> beans;
    private final TemplateResolver templates;
    private final LiveTokens tokens;
    private final Template rootLayout;
    private final Object layout;
    private final AsyncRunner async;
    private final WebEndpoint endpoint;
    private final Map<String, LiveSession> sessions = new LinkedHashMap<>();
    /** Registered routes by live session name and view class name. */
    private final Map<String, LiveRoute> routes = new LinkedHashMap<>();

    private LiveRoutes(Builder builder) {
        this.beans = builder.beans;
        this.templates = builder.templates;
        this.tokens = builder.tokens;
        this.rootLayout = builder.rootLayout;
        this.layout = builder.layout;
        this.async = builder.async;
        this.endpoint = builder.endpoint;
    }

    /**
     * @param beans resolves LiveView, layout and on_mount classes to their beans
     * @param tokens signs and verifies the pages' tokens
     */
    public static Builder builder(Function<Class<?>, Object> beans, LiveTokens tokens) {
        return new Builder(beans, tokens);
    }

    /** How live routes find their views, templates and layouts. */
    public static final class Builder {
        private final Function<Class<?>, Object> beans;
        private final LiveTokens tokens;
        private TemplateResolver templates = type -> null;
        private Template rootLayout = RootLayout.builder().build();
        private Object layout;
        private AsyncRunner async = AsyncRunner.boundedElastic();
        private WebEndpoint endpoint;

        private Builder(Function<Class<?>, Object> beans, LiveTokens tokens) {
            this.beans = Objects.requireNonNull(beans, "beans");
            this.tokens = Objects.requireNonNull(tokens, "tokens");
        }

        /** Finds the template of a view or layout class (the template engine's colocated {@code .html.heex}). */
        public Builder templates(TemplateResolver resolver) {
            this.templates = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** The HTML document around every page (unless a live session has its own); see {@link RootLayout}. */
        public Builder rootLayout(Template template) {
            this.rootLayout = Objects.requireNonNull(template, "template");
            return this;
        }

        /**
         * The app layout of every view as a template of a view class, the {@code Layout} controllers use too:
         * {@code layout(Layout.of(Layouts.class, "app"))} (Phoenix's {@code layout: {Layouts, :app}}).
         */
        public Builder layout(io.phoenixspring.web.template.Layout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * The HTML document around every page as a template of a view class, {@code Layout.of(Layouts.class, "root")}
         * (phx.new's {@code root.html.heex}, which controllers' pages share through {@code putRootLayout}).
         *
         * @throws io.phoenixspring.live.template.TemplateException when the view embeds no such template or it does
         *     not compile
         */
        public Builder rootLayout(io.phoenixspring.web.template.Layout layout) {
            return rootLayout(embeddedLayout(layout));
        }

        /** The app layout of every view (unless its live session or the view names another). */
        public Builder layout(Class<?> layoutClass) {
            this.layout = layoutClass;
            return this;
        }

        /** Where the views' async work runs ({@code assignAsync}, {@code startAsync}); Reactor's bounded elastic by default. */
        public Builder async(AsyncRunner runner) {
            this.async = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /**
         * The endpoint the templates' {@code ~p"/path"} render against: its url path before every path, its
         * cache manifest digesting static ones ({@code RoutesContext}); unset, paths are as written.
         */
        public Builder endpoint(WebEndpoint value) {
            this.endpoint = value;
            return this;
        }

        public LiveRoutes build() {
            return new LiveRoutes(this);
        }
    }

    /** A live route in the default live session: {@code router.get("/counter", live.route(CounterLive.class))}. */
    public Plug route(Class<? extends LiveView> view) {
        return defaultSession().route(view);
    }

    /** A live route with an action ({@code @live_action}) in the default live session. */
    public Plug route(Class<? extends LiveView> view, String action) {
        return defaultSession().route(view, action);
    }

    /** Declares a live session; a name is declared once. */
    public synchronized LiveSession session(String name, Consumer<LiveSession.Options> options) {
        if (sessions.containsKey(name)) {
            throw new IllegalStateException("live_session \"" + name + "\" is declared twice");
        }
        LiveSession.Options settings = new LiveSession.Options();
        options.accept(settings);
        List<OnMount> hooks = new ArrayList<>();
        for (Class<? extends OnMount> hook : settings.onMountBeans) {
            hooks.add((OnMount) beans.apply(hook));
        }
        hooks.addAll(settings.onMount);
        LiveSession session = new LiveSession(this, name, hooks, settings.session,
                settings.layout != null ? settings.layout : layout,
                settings.rootLayout != null ? settings.rootLayout : rootLayout);
        sessions.put(name, session);
        return session;
    }

    private synchronized LiveSession defaultSession() {
        LiveSession session = sessions.get(DEFAULT_SESSION);
        return session != null ? session : session(DEFAULT_SESSION, options -> {
        });
    }

    /** The live session of this name, or null. */
    public synchronized LiveSession liveSession(String name) {
        return sessions.get(name);
    }

    /** @return the endpoint the templates' {@code ~p} paths render against, or null (paths as written) */
    public WebEndpoint endpoint() {
        return endpoint;
    }

    /** @return the pages' token signer */
    public LiveTokens tokens() {
        return tokens;
    }

    /** Where the views' async work runs; {@code whenDone(viewId)} waits for a view's ({@code render_async}). */
    public AsyncRunner async() {
        return async;
    }

    /**
     * The live components of the views: beans when {@code beans} has them, else made with their
     * no-argument constructor; templates from the resolver; both once per class.
     */
    public LiveComponentSource components() {
        return componentSource;
    }

    private final java.util.concurrent.ConcurrentMap<Class<?>, LiveComponent> componentBeans = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<Class<?>, Template> componentTemplates = new java.util.concurrent.ConcurrentHashMap<>();
    private final LiveComponentSource componentSource = new LiveComponentSource() {
        @Override
        public LiveComponent component(Class<?> type) {
            return componentBeans.computeIfAbsent(type, t -> LiveComponentSource.of(LiveRoutes.this::componentBean, templates).component(t));
        }

        @Override
        public Template template(Class<?> type) {
            return componentTemplates.computeIfAbsent(type, t -> LiveComponentSource.of(beans, templates).template(t));
        }
    };

    private Object componentBean(Class<?> type) {
        try {
            return beans.apply(type);
        } catch (RuntimeException noBean) {
            // Not a bean (Spring's NoSuchBeanDefinitionException): a plain class with a no-argument constructor.
            return LiveComponentSource.instantiate(type);
        }
    }

    /** The live components a view's template may name: compiled and checked with the view, at start-up. */
    private void checkComponents(Class<?> viewClass) {
        java.util.List<Class<?>> named = new java.util.ArrayList<>(java.util.List.of(viewClass.getDeclaredClasses()));
        io.phoenixspring.live.template.TemplateImports imports = viewClass.getAnnotation(io.phoenixspring.live.template.TemplateImports.class);
        if (imports != null) {
            named.addAll(java.util.List.of(imports.value()));
        }
        for (Class<?> type : named) {
            if (LiveComponent.class.isAssignableFrom(type) && !type.isInterface()
                    && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                LiveProcess.validate(type);
                LiveComponent component = componentSource.component(type);
                if (component.template() == null) {
                    componentSource.template(type);
                }
            }
        }
    }

    synchronized Plug register(LiveSession session, Class<? extends LiveView> viewClass, String action) {
        if (sessions.get(session.name()) != session) {
            throw new IllegalStateException(session + " belongs to other live routes");
        }
        LiveView view = (LiveView) beans.apply(viewClass);
        LiveProcess.validate(viewClass);
        checkComponents(viewClass);
        Template template = view.template() != null ? view.template() : templates.resolve(viewClass);
        if (template == null) {
            throw new IllegalStateException("no template for " + viewClass.getName() + ": add " + viewClass.getSimpleName()
                    + ".html.heex next to the class, or override template()");
        }
        Object layoutRef = session.layout();
        PhoenixLiveView annotation = viewClass.getAnnotation(PhoenixLiveView.class);
        if (annotation != null && annotation.layout() != void.class) {
            layoutRef = annotation.layout() == PhoenixLiveView.NoLayout.class ? null : annotation.layout();
        }
        Template layoutTemplate = null;
        if (layoutRef instanceof io.phoenixspring.web.template.Layout embedded) {
            layoutTemplate = embeddedLayout(embedded);
        } else if (layoutRef instanceof Class<?> layoutClass) {
            layoutTemplate = templates.resolve(layoutClass);
            if (layoutTemplate == null) {
                throw new IllegalStateException("no template for the layout " + layoutClass.getName() + " of "
                        + viewClass.getName());
            }
        }
        LiveRoute route = new LiveRoute(this, session, viewClass, action, view, template, layoutTemplate);
        routes.putIfAbsent(key(session.name(), viewClass.getName()), route);
        return route;
    }

    /** The template a {@code Layout} names: one its view embeds ({@code @EmbedTemplates}), compiled now. */
    static Template embeddedLayout(io.phoenixspring.web.template.Layout layout) {
        Template template = io.phoenixspring.live.template.Templates.embedded(layout.view(), layout.template());
        if (template == null) {
            throw new IllegalStateException("no template for the layout " + layout + ": " + layout.view().getSimpleName()
                    + " embeds " + io.phoenixspring.live.template.Templates.embeddedNames(layout.view())
                    + " (add @EmbedTemplates and " + layout.template() + ".html.heex to its folder)");
        }
        return template;
    }

    private static String key(String session, String view) {
        return session + "\n" + view;
    }

    /**
     * Resolves a URL with the router: the live route it names, if any (the channel's check that a join or
     * a live navigation targets a LiveView, and of which live session).
     */
    public Optional<Match> match(Router router, URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        RouteMatch match = router.match("GET", path);
        if (match == null || !(match.route().plug() instanceof LiveRoute route) || route.routes() != this) {
            return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>(Params.parseQuery(url.getRawQuery()).asMap());
        params.putAll(match.pathParams());
        return Optional.of(new Match(route.session(), route.viewClass(), route.action(), params));
    }

    /**
     * Starts an instance of a view of a live session, or returns null when the view is not a route of
     * that session (a stale page after a deploy).
     */
    public synchronized LiveProcess process(LiveSession session, String viewClassName, LiveSocket socket) {
        LiveRoute route = routes.get(key(session.name(), viewClassName));
        return route == null ? null : route.process(socket);
    }
}
