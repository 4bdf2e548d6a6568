package io.phoenixspring.web.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.controller.Action;
import io.phoenixspring.web.controller.Controller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Route matching as the Phoenix routing guide describes it. */
class RouterTest {

    static class PageController {
        Conn home(Conn conn) {
            return Controller.text(conn, "home");
        }

        Conn show(Conn conn, Params params) {
            return Controller.text(conn, "show");
        }
    }

    static class UserController {
        Conn index(Conn conn) {
            return conn;
        }

        Conn show(Conn conn) {
            return conn;
        }

        Conn edit(Conn conn) {
            return conn;
        }

        @Action("new")
        Conn newUser(Conn conn) {
            return conn;
        }

        Conn create(Conn conn) {
            return conn;
        }

        Conn update(Conn conn) {
            return conn;
        }

        Conn delete(Conn conn) {
            return conn;
        }
    }

    static class PostController extends UserController {
    }

    static class AccountController extends UserController {
    }

    private static String handler(RouteMatch m) {
        return m == null ? null : m.route().handler();
    }

    @Test
    void firstDeclaredRouteWins() {
        Router router = Router.builder()
                .get("/pages/special", PageController.class, "home")
                .get("/pages/:page", PageController.class, "show")
                .get("/pages/special", PageController.class, "show")
                .build();
        assertThat(handler(router.match("GET", "/pages/special"))).isEqualTo("PageController :home");
        RouteMatch other = router.match("GET", "/pages/about");
        assertThat(handler(other)).isEqualTo("PageController :show");
        assertThat(other.pathParams()).isEqualTo(Map.of("page", "about"));
    }

    @Test
    void verbsMustMatchAndHeadFallsBackToGet() {
        Router router = Router.builder().get("/", PageController.class, "home").post("/form", PageController.class, "show")
                .build();
        assertThat(router.match("GET", "/")).isNotNull();
        assertThat(router.match("HEAD", "/")).isNotNull();
        assertThat(router.match("POST", "/")).isNull();
        assertThat(router.match("GET", "/form")).isNull();
        assertThat(router.match("BREW", "/")).isNull();
    }

    @Test
    void globsCaptureTheRestAndParamsArePercentDecoded() {
        Router router = Router.builder()
                .get("/files/*path", PageController.class, "show")
                .get("/hello/:name", PageController.class, "show")
                .get("/compare/v:version", PageController.class, "show")
                .build();
        assertThat(router.match("GET", "/files/a/b%20c/d.txt").pathParams()).isEqualTo(Map.of("path", List.of("a", "b c", "d.txt")));
        assertThat(router.match("GET", "/files").pathParams()).isEqualTo(Map.of("path", List.of()));
        assertThat(router.match("GET", "/hello/Jos%C3%A9+1").pathParams()).isEqualTo(Map.of("name", "José+1"));
        assertThat(router.match("GET", "/compare/v2").pathParams()).isEqualTo(Map.of("version", "2"));
        assertThat(router.match("GET", "/compare/2")).isNull();
        assertThatThrownBy(() -> router.match("GET", "/hello/%E0%A4%A"))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.plugStatus()).isEqualTo(400));
    }

    @Test
    void trailingAndDoubleSlashesAreIgnoredAsInPlug() {
        Router router = Router.builder().get("/users/:id", PageController.class, "show").build();
        assertThat(router.match("GET", "/users/1/").pathParams()).isEqualTo(Map.of("id", "1"));
        assertThat(router.match("GET", "//users//1")).isNotNull();
    }

    @Test
    void scopesNestPrefixesAndPipelines() {
        Router router = Router.builder()
                .pipeline("browser", p -> p.plug(c -> c))
                .pipeline("admin", p -> p.plug(c -> c))
                .scope("/admin", a -> a.pipeThrough("browser")
                        .scope("/reports", r -> r.pipeThrough("admin").get("/:id", PageController.class, "show"))
                        .get("/", PageController.class, "home"))
                .build();
        RouteMatch report = router.match("GET", "/admin/reports/7");
        assertThat(report.route().path()).isEqualTo("/admin/reports/:id");
        assertThat(report.route().pipelines()).containsExactly("browser", "admin");
        assertThat(router.match("GET", "/admin").route().pipelines()).containsExactly("browser");
    }

    @Test
    void resourcesGenerateTheSevenActionsInPhoenixOrder() {
        Router router = Router.builder().resources("/users", UserController.class).build();
        assertThat(router.format()).isEqualTo("""
                  GET     /users/:id/edit  UserController :edit
                  GET     /users/new       UserController :new
                  GET     /users/:id       UserController :show
                  POST    /users           UserController :create
                  PATCH   /users/:id       UserController :update
                  PUT     /users/:id       UserController :update
                  DELETE  /users/:id       UserController :delete
                """.replace("  GET     /users/:id/edit", "  GET     /users           UserController :index\n  GET     /users/:id/edit"));
        assertThat(handler(router.match("GET", "/users/new"))).isEqualTo("UserController :new");
        assertThat(handler(router.match("GET", "/users/42"))).isEqualTo("UserController :show");
    }

    @Test
    void resourcesWithOnlyExceptNestedAndSingleton() {
        Router router = Router.builder()
                .resources("/users", UserController.class, r -> r.only("index", "show")
                        .nested(s -> s.resources("/posts", PostController.class, p -> p.except("delete"))))
                .resources("/account", AccountController.class, r -> r.singleton().only("show", "update"))
                .build();
        assertThat(router.match("POST", "/users")).isNull();
        RouteMatch post = router.match("GET", "/users/3/posts/9");
        assertThat(post.route().path()).isEqualTo("/users/:user_id/posts/:id");
        assertThat(post.pathParams()).isEqualTo(Map.of("user_id", "3", "id", "9"));
        assertThat(router.match("DELETE", "/users/3/posts/9")).isNull();
        assertThat(handler(router.match("GET", "/account"))).isEqualTo("AccountController :show");
        assertThat(handler(router.match("PUT", "/account"))).isEqualTo("AccountController :update");
        assertThat(router.match("GET", "/account/1")).isNull();
    }

    @Test
    void forwardHandsTheRestOfThePathToAnotherRouter() {
        Router admin = Router.builder().get("/users/:id", PageController.class, "show").build();
        Router router = Router.builder().forward("/admin", admin).build();
        RouteMatch outer = router.match("GET", "/admin/users/5");
        assertThat(outer.scriptName()).containsExactly("admin");
        assertThat(outer.pathInfo()).containsExactly("users", "5");
        assertThat(admin.match("GET", outer.pathInfo()).pathParams()).isEqualTo(Map.of("id", "5"));
        assertThat(router.verifies("/admin/users/{id}")).isTrue();
        assertThat(router.verifies("/admin/nope")).isFalse();
    }

    @Test
    void matchAcceptsAnyVerb() {
        Router router = Router.builder().match("*", "/any", PageController.class, "home").build();
        assertThat(router.match("PATCH", "/any")).isNotNull();
        assertThat(router.match("BREW", "/any")).isNotNull();
    }

    @Test
    void mistakesFailWhenTheRouterIsBuilt() {
        assertThatThrownBy(() -> Router.builder().get("/", PageController.class, "missing"))
                .hasMessageContaining("has no action \"missing\"");
        assertThatThrownBy(() -> Router.builder().scope("/", s -> s.pipeThrough("nope").get("/", PageController.class, "home")).build())
                .hasMessageContaining("undefined pipeline \"nope\"");
        assertThatThrownBy(() -> Router.builder().get("/*rest/more", PageController.class, "home").build())
                .hasMessageContaining("glob must be the last segment");
        assertThatThrownBy(() -> Router.builder().resources("/users", UserController.class, r -> r.only("list")))
                .hasMessageContaining("unknown action \"list\"");
    }

    interface Paths {
        @VerifiedPath("/users/{id}")
        String user(Object id);

        @VerifiedPath("/users/{id}/edit?tab={tab}")
        String editUser(Object id, String tab);
    }

    interface BrokenPaths {
        @VerifiedPath("/userz/{id}")
        String user(Object id);
    }

    @Test
    void verifiedRoutesBuildPathsAndRefuseUnknownOnes() {
        Router router = Router.builder().resources("/users", UserController.class).build();
        Paths paths = VerifiedRoutes.create(Paths.class, router);
        assertThat(paths.user(42)).isEqualTo("/users/42");
        assertThat(paths.user("a b/c")).isEqualTo("/users/a%20b%2Fc");
        assertThat(paths.editUser(1, "a&b")).isEqualTo("/users/1/edit?tab=a%26b");
        assertThatThrownBy(() -> VerifiedRoutes.create(BrokenPaths.class, router))
                .hasMessageContaining("user: no route matches \"/userz/{id}\"");
    }
}
