package io.phoenixspring.web.router;

import io.phoenixspring.web.controller.ControllerAction;
import io.phoenixspring.web.plug.Plug;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A scope of the router: a path prefix and the pipelines its routes pipe through; scopes nest.
 * Paths use Phoenix's syntax: {@code :id} for a param, {@code *path} for a glob (last segment).
 *
 * <pre>{@code
 * router.scope("/admin", admin -> admin.pipeThrough("browser", "admin")
 *         .get("/", DashboardController.class, "index")
 *         .scope("/reports", r -> r.get("/*path", ReportController.class, "show")));
 * }</pre>
 */
public class Scope {

    private final Scope parent;
    private final String prefix;
    private final List<String> pipes;

    Scope(Scope parent, String prefix, List<String> pipes) {
        this.parent = parent;
        this.prefix = prefix;
        this.pipes = new ArrayList<>(pipes);
    }

    Router.Builder root() {
        return parent.root();
    }

    /** Routes declared after this in the scope (and its nested scopes) pipe through these pipelines. */
    public Scope pipeThrough(String... pipelines) {
        pipes.addAll(List.of(pipelines));
        return this;
    }

    /** A nested scope under a path prefix, inheriting this scope's pipelines. */
    public Scope scope(String path, Consumer<Scope> body) {
        body.accept(new Scope(this, join(prefix, path), pipes));
        return this;
    }

    public Scope get(String path, Class<?> controller, String action) {
        return match("GET", path, controller, action);
    }

    public Scope post(String path, Class<?> controller, String action) {
        return match("POST", path, controller, action);
    }

    public Scope put(String path, Class<?> controller, String action) {
        return match("PUT", path, controller, action);
    }

    public Scope patch(String path, Class<?> controller, String action) {
        return match("PATCH", path, controller, action);
    }

    public Scope delete(String path, Class<?> controller, String action) {
        return match("DELETE", path, controller, action);
    }

    public Scope options(String path, Class<?> controller, String action) {
        return match("OPTIONS", path, controller, action);
    }

    public Scope head(String path, Class<?> controller, String action) {
        return match("HEAD", path, controller, action);
    }

    /** A GET route handled by a plug instead of a controller. */
    public Scope get(String path, Plug handler) {
        return match("GET", path, handler);
    }

    /** A POST route handled by a plug. */
    public Scope post(String path, Plug handler) {
        return match("POST", path, handler);
    }

    /** A route for any verb ({@code "*"}) or one verb, handled by a controller action (Phoenix's match). */
    public Scope match(String verb, String path, Class<?> controller, String action) {
        add(verb, path, ControllerAction.resolve(controller, action), null, null);
        return this;
    }

    /** A route for any verb ({@code "*"}) or one verb, handled by a plug. */
    public Scope match(String verb, String path, Plug handler) {
        add(verb, path, null, handler, null);
        return this;
    }

    /** Routes for several verbs. */
    public Scope match(List<String> verbs, String path, Class<?> controller, String action) {
        for (String verb : verbs) {
            match(verb, path, controller, action);
        }
        return this;
    }

    /** Every request under the path goes to another router, which sees only the rest of the path. */
    public Scope forward(String path, Router router) {
        add("*", join(join(prefix, path), "*_forward_path"), null, null, router);
        return this;
    }

    /** Every request under the path goes to a plug ({@code conn.pathInfo()} holds the rest). */
    public Scope forward(String path, Plug plug) {
        add("*", join(join(prefix, path), "*_forward_path"), null, plug, null);
        return this;
    }

    /** The REST routes of a resource: index, edit, new, show, create, update (PATCH and PUT), delete. */
    public Scope resources(String path, Class<?> controller) {
        return resources(path, controller, r -> {
        });
    }

    /** Resources with options: {@code only}, {@code except}, {@code param}, {@code singleton}, nested routes. */
    public Scope resources(String path, Class<?> controller, Consumer<Resources> options) {
        Resources r = new Resources();
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
        return this;
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

    /** Options of {@code resources}. */
    public static final class Resources {
        private List<String> only;
        private List<String> except = List.of();
        private String param = "id";
        private boolean singleton;
        private Consumer<Scope> nested;

        /** @return this, generating only these actions */
        public Resources only(String... actions) {
            only = List.of(actions);
            return this;
        }

        /** @return this, generating all but these actions */
        public Resources except(String... actions) {
            except = List.of(actions);
            return this;
        }

        /** @return this, naming the member param (default {@code id}) */
        public Resources param(String name) {
            param = name;
            return this;
        }

        /** @return this, as a singleton resource: no index, no id in paths ({@code /account}) */
        public Resources singleton() {
            singleton = true;
            return this;
        }

        /** @return this, with routes nested under a member, e.g. {@code /users/:user_id/posts} */
        public Resources nested(Consumer<Scope> body) {
            nested = body;
            return this;
        }
    }
}
