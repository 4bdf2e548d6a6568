package io.phoenixspring.live.router;

import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.OnMount;
import io.phoenixspring.web.plug.Plug;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A group of live routes (Phoenix's {@code live_session}): live navigation ({@code pushNavigate},
 * {@code <.link navigate>}) stays inside one group without a page load, and going to a route of
 * another group reloads the page. Its {@code on_mount} hooks run before every mount of its views.
 *
 * <pre>{@code
 * LiveSession members = live.session("members", s -> s.onMount(requireUser).layout(MemberLayout.class));
 * router.scope("/", s -> s.pipeThrough("browser").get("/account", members.route(AccountLive.class)));
 * }</pre>
 */
public final class LiveSession {

    /** A live session's options. */
    public static final class Options {
        final List<OnMount> onMount = new ArrayList<>();
        final List<Class<? extends OnMount>> onMountBeans = new ArrayList<>();
        final Map<String, Object> session = new LinkedHashMap<>();
        Object layout;
        Template rootLayout;

        /** Hooks run, in order, before every mount of the session's views. */
        public Options onMount(OnMount... hooks) {
            onMount.addAll(List.of(hooks));
            return this;
        }

        /** A hook that is a bean of this class. */
        public Options onMount(Class<? extends OnMount> hook) {
            onMountBeans.add(hook);
            return this;
        }

        /** Extra values for the views' {@code session} argument (signed into the page; keep them small). */
        public Options session(Map<String, ?> values) {
            session.putAll(values);
            return this;
        }

        /** The app layout of the session's views (unless a view names its own). */
        public Options layout(Class<?> layoutClass) {
            layout = layoutClass;
            return this;
        }

        /**
         * The app layout of the session's views as a template of a view class, the same {@code Layout} controllers
         * use: {@code layout(Layout.of(Layouts.class, "app"))}, Phoenix's {@code layout: {Layouts, :app}}.
         */
        public Options layout(io.phoenixspring.web.template.Layout layout) {
            this.layout = java.util.Objects.requireNonNull(layout, "layout");
            return this;
        }

        /** The root layout of the session's pages as a template of a view class, {@code Layout.of(Layouts.class, "root")}. */
        public Options rootLayout(io.phoenixspring.web.template.Layout layout) {
            return rootLayout(LiveRoutes.embeddedLayout(layout));
        }

        /** The root layout (the HTML document) of the session's pages. */
        public Options rootLayout(Template template) {
            rootLayout = template;
            return this;
        }
    }

    private final LiveRoutes routes;
    private final String name;
    private final List<OnMount> onMount;
    private final Map<String, Object> session;
    /** A layout class (its colocated template) or a {@code Layout}. */
    private final Object layout;
    private final Template rootLayout;

    LiveSession(LiveRoutes routes, String name, List<OnMount> onMount, Map<String, Object> session, Object layout,
            Template rootLayout) {
        this.routes = routes;
        this.name = name;
        this.onMount = List.copyOf(onMount);
        this.session = Collections.unmodifiableMap(new LinkedHashMap<>(session));
        this.layout = layout;
        this.rootLayout = rootLayout;
    }

    public String name() {
        return name;
    }

    public List<OnMount> onMount() {
        return onMount;
    }

    /** The extra session values given to mount. */
    public Map<String, Object> session() {
        return session;
    }

    Object layout() {
        return layout;
    }

    Template rootLayout() {
        return rootLayout;
    }

    /** A live route to a view of this session: pass it to the router's {@code get(path, plug)}. */
    public Plug route(Class<? extends LiveView> view) {
        return route(view, null);
    }

    /**
     * @param action the route's action ({@code @live_action}, Phoenix's {@code live "/users/new", UserLive, :new})
     */
    public Plug route(Class<? extends LiveView> view, String action) {
        return routes.register(this, Objects.requireNonNull(view, "view"), action);
    }

    @Override
    public String toString() {
        return "LiveSession[" + name + "]";
    }
}
