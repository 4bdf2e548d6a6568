package io.phoenixspring.web.router;

import io.phoenixspring.web.controller.ControllerAction;
import io.phoenixspring.web.plug.Plug;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The route declarations a {@link Scope} and the {@link Router.Builder} share (verbs, {@code match},
 * {@code forward}, {@code resources}, nested scopes), written once: each returns the builder's own
 * type {@code B}, so a chain begun on {@code Router.builder()} still ends in {@code build()}.
 * Paths use Phoenix's syntax: {@code :id} for a param, {@code *path} for a glob (last segment).
 *
 * <pre>{@code
 * Router router = Router.builder().pipeline("api", p -> p.plug(Plugs.accepts("json")))
 *         .pipeThrough("api").get("/health", HealthController.class, "show")   // still a Router.Builder
 *         .build();
 * }</pre>
 *
 * @param <B> the concrete builder: {@link Scope} or {@link Router.Builder}
 */
public abstract sealed class RouteBuilder<B extends RouteBuilder<B>> permits Scope, Router.Builder {

    private final RouteBuilder<?> parent;
    private final String prefix;
    private final List<String> pipes;

    RouteBuilder(RouteBuilder<?> parent, String prefix, List<String> pipes) {
        this.parent = parent;
        this.prefix = prefix;
        this.pipes = new ArrayList<>(pipes);
    }

    /** @return this builder as its own type, so that every declaration chains on it */
    abstract B self();

    Router.Builder root() {
        return parent.root();
    }

    /** @return this scope's path prefix ({@code ""} at the root), as route macros need it for links */
    public String prefix() {
        return prefix;
    }

    /** Routes declared after this in the scope (and its nested scopes) pipe through these pipelines. */
    public B pipeThrough(String... pipelines) {
        pipes.addAll(List.of(pipelines));
        return self();
    }

    /** A nested scope under a path prefix, inheriting this scope's pipelines. */
    public B scope(String path, Consumer<Scope> body) {
        body.accept(new Scope(this, join(prefix, path), pipes));
        return self();
    }

    /**
     * Applies a route macro here, with this scope's prefix and pipelines: what a Phoenix router macro
     * such as {@code live_dashboard "/dashboard"} expands to, written as a function of the builder.
     *
     * <pre>{@code
     * router.scope("/", s -> s.pipeThrough("browser", "admins").with(dashboard.liveDashboard("/dashboard")));
     * }</pre>
     */
    public B with(Consumer<? super RouteBuilder<?>> macro) {
        macro.accept(this);
        return self();
    }

    public B get(String path, Class<?> controller, String action) {
        return match("GET", path, controller, action);
    }

    public B post(String path, Class<?> controller, String action) {
        return match("POST", path, controller, action);
    }

    public B put(String path, Class<?> controller, String action) {
        return match("PUT", path, controller, action);
    }

    public B patch(String path, Class<?> controller, String action) {
        return match("PATCH", path, controller, action);
    }

    public B delete(String path, Class<?> controller, String action) {
        return match("DELETE", path, controller, action);
    }

    public B options(String path, Class<?> controller, String action) {
        return match("OPTIONS", path, controller, action);
    }

    public B head(String path, Class<?> controller, String action) {
        return match("HEAD", path, controller, action);
    }

    /** A GET route handled by a plug instead of a controller. */
    public B get(String path, Plug handler) {
        return match("GET", path, handler);
    }

    /** A POST route handled by a plug. */
    public B post(String path, Plug handler) {
        return match("POST", path, handler);
    }

    /** A route for any verb ({@code "*"}) or one verb, handled by a controller action (Phoenix's match). */
    public B match(String verb, String path, Class<?> controller, String action) {
        add(verb, path, ControllerAction.resolve(controller, action), null, null);
        return self();
    }

    /** A route for any verb ({@code "*"}) or one verb, handled by a plug. */
    public B match(String verb, String path, Plug handler) {
        add(verb, path, null, handler, null);
        return self();
    }

    /** Routes for several verbs. */
    public B match(List<String> verbs, String path, Class<?> controller, String action) {
        for (String verb : verbs) {
            match(verb, path, controller, action);
        }
        return self();
    }

    /** Every request under the path goes to another router, which sees only the rest of the path. */
    public B forward(String path, Router router) {
        add("*", join(join(prefix, path), "*_forward_path"), null, null, router);
        return self();
    }

    /** Every request under the path goes to a plug ({@code conn.pathInfo()} holds the rest). */
    public B forward(String path, Plug plug) {
        add("*", join(join(prefix, path), "*_forward_path"), null, plug, null);
        return self();
    }

    /** The REST routes of a resource: index, edit, new, show, create, update (PATCH and PUT), delete. */
    public B resources(String path, Class<?> controller) {
        return resources(path, controller, r -> {
        });
    }

    /** Resources with options: {@code only}, {@code except}, {@code param}, {@code singleton}, nested routes. */
    public B resources(String path, Class<?> controller, Consumer<Scope.Resources> options) {
        Scope.Resources r = new Scope.Resources();
        options.accept(r);
        String base = path;
        String member = r.singleton ? base : join(base, ":" + r.param);
        List<String[]> table = new ArrayList<>();
        if (!r.singleton) {
            table.add(new String[] {"GET", base, "index"});
        }
        table.add(new String[] {"GET", join(member, "edit"), "edit"});
        table.add(new String[] {"GET", join(base, "new"), "new"});
        table.add(new String[] {"GET", member, "show"});
        table.add(new String[] {"POST", base, "create"});
        table.add(new String[] {"PATCH", member, "update"});
        table.add(new String[] {"PUT", member, "update"});
        table.add(new String[] {"DELETE", member, "delete"});
        for (String action : r.only == null ? List.<String>of() : r.only) {
            if (table.stream().noneMatch(row -> row[2].equals(action))) {
                throw new IllegalArgumentException("resources " + path + ": unknown action \"" + action + "\" in only");
            }
        }
        for (String[] row : table) {
            boolean wanted = (r.only == null || r.only.contains(row[2])) && !r.except.contains(row[2]);
            if (wanted) {
                match(row[0], row[1], controller, row[2]);
            }
        }
        if (r.nested != null) {
            String nestedParam = r.singleton ? null
                    : ":" + ControllerAction.underscore(resourceName(controller)) + "_" + r.param;
            r.nested.accept(new Scope(this, join(prefix, nestedParam == null ? base : join(base, nestedParam)), pipes));
        }
        return self();
    }

    private static String resourceName(Class<?> controller) {
        String simple = controller.getSimpleName();
        return simple.endsWith("Controller") ? simple.substring(0, simple.length() - "Controller".length()) : simple;
    }

    private void add(String verb, String path, ControllerAction action, Plug plug, Router forward) {
        String upper = verb.toUpperCase(Locale.ROOT);
        String full = forward != null || upper.equals("*") && path.endsWith("*_forward_path") ? path : join(prefix, path);
        root().add(new Route(upper, full, List.copyOf(pipes), action, plug, forward));
    }

    static String join(String base, String path) {
        String a = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String b = path.isEmpty() || path.equals("/") ? "" : path.startsWith("/") ? path : "/" + path;
        String joined = a + b;
        return joined.isEmpty() ? "/" : joined;
    }
}
