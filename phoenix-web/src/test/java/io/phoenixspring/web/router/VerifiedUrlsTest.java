package io.phoenixspring.web.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.endpoint.EndpointUrl;
import io.phoenixspring.web.endpoint.WebEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Verified routes with the endpoint: script name, {@code url(~p"...")}, {@code ?#{params}} and unverified paths. */
class VerifiedUrlsTest {

    interface Paths {
        @VerifiedPath("/users/{id}")
        String user(Object id);

        @VerifiedUrl("/users/{id}")
        String userUrl(Object id);

        @VerifiedPath("/users?{params}")
        String users(Map<String, ?> params);

        @VerifiedPath("/users/{id}?tab={tab}")
        String userTab(Object id, String tab);
    }

    static class UserController {
        Conn index(Conn conn) {
            return conn;
        }
    }

    final Router router = Router.builder().get("/users", UserController.class, "index")
            .get("/users/:id", UserController.class, "index").build();

    final WebEndpoint endpoint = WebEndpoint.defaults().withUrl(new EndpointUrl("https", "example.com", null, "/app"));

    @Test
    void pathsCarryTheScriptNameAndUrlsTheEndpointUrl() {
        Paths paths = VerifiedRoutes.create(Paths.class, router, endpoint);
        assertThat(paths.user(7)).isEqualTo("/app/users/7");
        assertThat(paths.userUrl("a b")).isEqualTo("https://example.com/app/users/a%20b");
        assertThat(paths.userTab(7, "a&b")).isEqualTo("/app/users/7?tab=a%26b");
        // Encoded as ~p does (Phoenix's URI.encode with char_unreserved?, encode_www_form in the query).
        assertThat(paths.user("a:b@c")).isEqualTo("/app/users/a%3Ab%40c");
        assertThat(paths.userTab(7, "a b")).isEqualTo("/app/users/7?tab=a+b");
    }

    @Test
    void aMapInTheQueryIsEncodedAsPlugDoes() {
        Paths paths = VerifiedRoutes.create(Paths.class, router);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", 2);
        params.put("filter", Map.of("name", "Ann Lee"));
        params.put("ids", List.of(1, 2));
        assertThat(paths.users(params)).isEqualTo("/users?page=2&filter[name]=Ann+Lee&ids[]=1&ids[]=2");
        assertThat(paths.users(Map.of())).isEqualTo("/users");
    }

    @Test
    void theExistingFormsAreUnchangedWithoutAnEndpoint() {
        Paths paths = VerifiedRoutes.create(Paths.class, router);
        assertThat(paths.user(7)).isEqualTo("/users/7");
        assertThat(paths.userUrl(7)).isEqualTo("http://localhost/users/7");
    }

    @Test
    void anUnknownUrlFailsAtCreation() {
        interface Bad {
            @VerifiedUrl("/nowhere")
            String nowhere();
        }
        assertThatThrownBy(() -> VerifiedRoutes.create(Bad.class, router, endpoint)).hasMessageContaining("no route matches \"/nowhere\"");
    }

    @Test
    void unverifiedPathsTakeTheScriptNameAndParams() {
        assertThat(VerifiedRoutes.unverifiedPath(endpoint, "/posts", Map.of("page", 1))).isEqualTo("/app/posts?page=1");
        assertThat(VerifiedRoutes.unverifiedPath(endpoint, "/posts", Map.of())).isEqualTo("/app/posts");
        assertThat(VerifiedRoutes.unverifiedUrl(endpoint, "/posts", Map.of("page", 1))).isEqualTo("https://example.com/app/posts?page=1");
        assertThat(VerifiedRoutes.url(endpoint, "/app/posts")).isEqualTo("https://example.com/app/posts");
    }

    @Test
    void aConnUrlIsTheRequestsOwnOrigin() {
        Conn conn = Conn.of("GET", "/", new HttpHeaders(), endpoint);
        assertThat(VerifiedRoutes.url(conn)).isEqualTo("http://localhost");
        assertThat(VerifiedRoutes.url(conn, "/app/users/1")).isEqualTo("http://localhost/app/users/1");
        assertThat(VerifiedRoutes.unverifiedPath(conn, "/posts", Map.of("page", 1))).isEqualTo("/app/posts?page=1");
        assertThat(conn.port()).isEqualTo(80);
    }
}
