package io.phoenixspring.dashboard;

import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.router.LiveSession;
import io.phoenixspring.live.template.Templates;
import io.phoenixspring.live.view.OnMount;
import io.phoenixspring.web.router.RouteBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Phoenix LiveDashboard's router macro ({@code live_dashboard "/dashboard", opts}): mounts the
 * dashboard's pages as live routes in the scope it is applied to, so they pipe through that scope's
 * pipelines (put authentication there). Nothing is served unless a router applies it.
 *
 * <pre>{@code
 * @Bean Router router(LiveDashboard dashboard) {
 *     return Router.builder()
 *         .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.protectFromForgery()))
 *         .pipeline("admins", p -> p.plug(requireAdmin))
 *         .scope("/", s -> s.pipeThrough("browser", "admins")
 *             .with(dashboard.liveDashboard("/dashboard", o -> o.additionalPage("cache", "Cache", CachePage.class))))
 *         .build();
 * }
 * }</pre>
 *
 * The pages: {@code /dashboard} (home), {@code /dashboard/metrics}, {@code /dashboard/sockets},
 * {@code /dashboard/presence}, {@code /dashboard/pubsub}, {@code /dashboard/request_logger},
 * {@code /dashboard/threads}, then the additional pages (see {@link DashboardPage}).
 */
public final class LiveDashboard {

    /** Refresh intervals offered by every page's selector, in seconds (0: paused), as LiveDashboard's. */
    static final List<Integer> INTERVALS = List.of(1, 2, 5, 15, 30, 0);

    private static final Pattern ROUTE = Pattern.compile("[a-z0-9_]+");

    /** A page of the menu: its path segment, its title, its LiveView. */
    record PageSpec(String route, String title, Class<? extends DashboardPage> view) {
    }

    /** The pages every dashboard has, in menu order; the home page's route is also the dashboard's root. */
    static final List<PageSpec> BUILT_IN = List.of(
            new PageSpec("home", "Home", HomePage.class),
            new PageSpec("metrics", "Metrics", MetricsPage.class),
            new PageSpec("sockets", "Sockets & channels", SocketsPage.class),
            new PageSpec("presence", "Presence", PresencePage.class),
            new PageSpec("pubsub", "PubSub", PubSubPage.class),
            new PageSpec("request_logger", "Request logger", RequestLoggerPage.class),
            new PageSpec("threads", "Threads", ThreadsPage.class));

    private final LiveRoutes live;

    /** @return the built-in pages' classes, which the auto-configuration registers as beans */
    public static List<Class<? extends DashboardPage>> builtInPages() {
        return BUILT_IN.stream().<Class<? extends DashboardPage>>map(PageSpec::view).toList();
    }

    /** @param live the application's live routes (the auto-configuration provides this bean) */
    public LiveDashboard(LiveRoutes live) {
        this.live = Objects.requireNonNull(live, "live");
    }

    /** The dashboard at {@code path}, with the default options. */
    public Consumer<RouteBuilder<?>> liveDashboard(String path) {
        return liveDashboard(path, options -> {
        });
    }

    /** The dashboard at {@code path} (relative to the scope it is applied in), with options. */
    public Consumer<RouteBuilder<?>> liveDashboard(String path, Consumer<Options> customizer) {
        Options options = new Options();
        customizer.accept(options);
        return scope -> mount(scope, path, options);
    }

    private void mount(RouteBuilder<?> scope, String path, Options options) {
        String base = join(scope.prefix(), path);
        List<PageSpec> pages = new ArrayList<>(BUILT_IN);
        for (PageSpec extra : options.pages) {
            if (pages.stream().anyMatch(p -> p.route().equals(extra.route()))) {
                throw new IllegalArgumentException("live dashboard " + base + ": the page \"" + extra.route()
                        + "\" is declared twice");
            }
            pages.add(extra);
        }
        List<DashboardInfo.MenuLink> menu = pages.stream()
                .map(p -> new DashboardInfo.MenuLink(p.route(), p.title(),
                        p == BUILT_IN.get(0) ? base : base + "/" + p.route()))
                .toList();
        DashboardInfo info = new DashboardInfo(base, base + "/assets", options.socketPath, menu,
                (int) options.refresh.toSeconds());
        LiveSession session = live.session(options.sessionName != null ? options.sessionName : "live_dashboard" + base,
                s -> {
                    s.onMount((params, values, socket) -> {
                        socket.assign(DashboardInfo.ASSIGN, info);
                        return OnMount.Result.CONT;
                    });
                    s.onMount(options.onMount.toArray(OnMount[]::new));
                    s.layout(DashboardLayouts.App.class);
                    s.rootLayout(Templates.forClass(DashboardLayouts.Root.class));
                });
        String relative = trimSlash(path);
        scope.get(relative.isEmpty() ? "/" : relative, session.route(pages.get(0).view()));
        for (PageSpec page : pages) {
            scope.get(relative + "/" + page.route(), session.route(page.view()));
        }
        scope.get(relative + "/assets/:file", Assets.plug());
    }

    private static String join(String prefix, String path) {
        String joined = trimSlash(prefix) + trimSlash(path);
        return joined.isEmpty() ? "/" : joined;
    }

    /** {@code "/a/"} → {@code "/a"}, {@code "/"} → {@code ""}, {@code "a"} → {@code "/a"}. */
    private static String trimSlash(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Options of one mounted dashboard (Phoenix's {@code live_dashboard} options). */
    public static final class Options {
        final List<PageSpec> pages = new ArrayList<>();
        final List<OnMount> onMount = new ArrayList<>();
        Duration refresh = Duration.ofSeconds(5);
        String socketPath = "/live";
        String sessionName;

        Options() {
        }

        /**
         * A page of your own ({@code additional_pages}): a {@link DashboardPage} bean shown in the menu
         * as {@code title} at {@code <dashboard>/<route>}.
         */
        public Options additionalPage(String route, String title, Class<? extends DashboardPage> page) {
            if (!ROUTE.matcher(route).matches()) {
                throw new IllegalArgumentException("a dashboard page's route is lower-case letters, digits and _, got \""
                        + route + "\"");
            }
            pages.add(new PageSpec(route, Objects.requireNonNull(title, "title"), Objects.requireNonNull(page, "page")));
            return this;
        }

        /** The refresh interval pages start with (default 5 s); one of 1, 2, 5, 15, 30 s, or 0 (paused). */
        public Options refresh(Duration interval) {
            if (!INTERVALS.contains((int) interval.toSeconds()) || interval.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("the dashboard's refresh is one of " + INTERVALS + " seconds, got " + interval);
            }
            this.refresh = interval;
            return this;
        }

        /** Hooks run before every page mounts, after the dashboard's own ({@code on_mount}). */
        public Options onMount(OnMount... hooks) {
            onMount.addAll(List.of(hooks));
            return this;
        }

        /** The path of the application's LiveView socket (default {@code /live}; {@code live_socket_path}). */
        public Options socketPath(String path) {
            this.socketPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The live session's name (default {@code live_dashboard} + the path; {@code live_session_name}). */
        public Options liveSessionName(String name) {
            this.sessionName = name;
            return this;
        }
    }
}
