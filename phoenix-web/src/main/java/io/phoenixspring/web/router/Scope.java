package io.phoenixspring.web.router;

import java.util.List;
import java.util.function.Consumer;

/**
 * A scope of the router: a path prefix and the pipelines its routes pipe through; scopes nest.
 * Paths use Phoenix's syntax: {@code :id} for a param, {@code *path} for a glob (last segment).
 * The declarations themselves ({@code get}, {@code resources}, {@code forward}...) are
 * {@link RouteBuilder}'s.
 *
 * <pre>{@code
 * router.scope("/admin", admin -> admin.pipeThrough("browser", "admin")
 *         .get("/", DashboardController.class, "index")
 *         .scope("/reports", r -> r.get("/*path", ReportController.class, "show")));
 * }</pre>
 */
public final class Scope extends RouteBuilder<Scope> {

    Scope(RouteBuilder<?> parent, String prefix, List<String> pipes) {
        super(parent, prefix, pipes);
    }

    @Override
    Scope self() {
        return this;
    }

    /** Options of {@code resources}. */
    public static final class Resources {
        // Read by RouteBuilder.resources.
        List<String> only;
        List<String> except = List.of();
        String param = "id";
        boolean singleton;
        Consumer<Scope> nested;

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
