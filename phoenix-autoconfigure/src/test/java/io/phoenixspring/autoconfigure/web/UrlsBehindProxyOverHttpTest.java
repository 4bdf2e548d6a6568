package io.phoenixspring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.live.template.RoutesContext;
import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.template.Templates;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.router.VerifiedPath;
import io.phoenixspring.web.router.VerifiedRoutes;
import io.phoenixspring.web.router.VerifiedUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19's URLs over HTTP: {@code phoenix.endpoint.url.*} builds the endpoint's URLs and verified
 * routes, and a conn's URL is the public one a proxy forwarded, with each of Boot's
 * {@code server.forward-headers-strategy} values (real server, random port).
 */
class UrlsBehindProxyOverHttpTest {

    interface Paths {
        @VerifiedPath("/users/{id}")
        String user(Object id);

        @VerifiedUrl("/users/{id}")
        String userUrl(Object id);
    }

    static final Template USER_LINK = Templates.compile("<a href={~p\"/users/#{@id}\"}>u</a>", "user_link.html.heex", null);

    @SpringBootApplication
    static class App {
        @Bean
        Router router() {
            return Router.builder()
                    .get("/users/:id", conn -> {
                        WebEndpoint endpoint = WebEndpoint.of(conn);
                        String path = endpoint.path("/users/" + conn.params().get("id"));
                        return Controller.json(conn, Map.of(
                                "conn", VerifiedRoutes.url(conn, path),
                                "endpoint", endpoint.url(),
                                "path", path,
                                "static", endpoint.staticPath("/js/app.js"),
                                "sigil", RoutesContext.with(conn, () -> USER_LINK.render(Map.of("id", conn.params().get("id")), null)
                                        .toHtml())));
                    })
                    .build();
        }

        @Bean
        Paths paths(Router router, WebEndpoint endpoint) {
            return VerifiedRoutes.create(Paths.class, router, endpoint);
        }
    }

    ConfigurableApplicationContext app;
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void start(String... properties) {
        app = new SpringApplicationBuilder(App.class).properties("server.port=0", "spring.main.banner-mode=off",
                "phoenix.endpoint.secret-key-base=" + PhoenixWebAutoConfigurationTest.SECRET,
                "phoenix.endpoint.sockets.enabled=false", "phoenix.endpoint.url.host=example.com",
                "phoenix.endpoint.url.scheme=https", "phoenix.endpoint.url.port=443", "phoenix.endpoint.url.path=/shop")
                .properties(properties).run();
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private JsonNode get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    @Test
    void theEndpointUrlComesFromTheProperties() throws Exception {
        start();
        JsonNode body = get("/users/7");
        assertThat(body.get("endpoint").asString()).isEqualTo("https://example.com");
        assertThat(body.get("path").asString()).isEqualTo("/shop/users/7");
        assertThat(body.get("static").asString()).isEqualTo("/shop/js/app.js");
        Paths paths = app.getBean(Paths.class);
        assertThat(paths.user(7)).isEqualTo("/shop/users/7");
        assertThat(paths.userUrl(7)).isEqualTo("https://example.com/shop/users/7");
    }

    @Test
    void withoutAStrategyForwardedHeadersAreIgnored() throws Exception {
        start();
        JsonNode body = get("/users/7", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example.org");
        assertThat(body.get("conn").asString()).isEqualTo("http://127.0.0.1:" + port + "/shop/users/7");
    }

    @Test
    void theFrameworkStrategyGivesThePublicUrl() throws Exception {
        start("server.forward-headers-strategy=framework");
        assertPublicUrls();
    }

    @Test
    void theNativeStrategyGivesThePublicUrl() throws Exception {
        start("server.forward-headers-strategy=native");
        assertPublicUrls();
    }

    @Test
    void theFrameworkStrategyPutsTheForwardedPrefixBeforeTheRequestsPaths() throws Exception {
        start("server.forward-headers-strategy=framework");
        assertForwardedPrefix();
    }

    @Test
    void theNativeStrategyPutsTheForwardedPrefixBeforeTheRequestsPaths() throws Exception {
        // Reactor Netty reads X-Forwarded-Prefix too, and Spring makes it the request's context path.
        start("server.forward-headers-strategy=native");
        assertForwardedPrefix();
    }

    @Test
    void withoutAStrategyTheForwardedPrefixIsIgnored() throws Exception {
        start();
        JsonNode body = get("/users/7", "X-Forwarded-Prefix", "/app");
        assertThat(body.get("conn").asString()).isEqualTo("http://127.0.0.1:" + port + "/shop/users/7");
        assertThat(body.get("sigil").asString()).isEqualTo("<a href=\"/shop/users/7\">u</a>");
    }

    private void assertForwardedPrefix() throws Exception {
        JsonNode body = get("/users/7", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "public.example.com",
                "X-Forwarded-Prefix", "/app");
        assertThat(body.get("conn").asString()).isEqualTo("https://public.example.com/app/shop/users/7");
        assertThat(body.get("sigil").asString()).isEqualTo("<a href=\"/app/shop/users/7\">u</a>");
        // The endpoint's own URL and paths stay the configured ones.
        assertThat(body.get("endpoint").asString()).isEqualTo("https://example.com");
        assertThat(body.get("path").asString()).isEqualTo("/shop/users/7");
        JsonNode direct = get("/users/7");
        assertThat(direct.get("conn").asString()).isEqualTo("http://127.0.0.1:" + port + "/shop/users/7");
        assertThat(direct.get("sigil").asString()).isEqualTo("<a href=\"/shop/users/7\">u</a>");
    }

    private void assertPublicUrls() throws Exception {
        assertThat(get("/users/7", "Forwarded", "proto=https;host=public.example.com").get("conn").asString())
                .isEqualTo("https://public.example.com/shop/users/7");
        assertThat(get("/users/7", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example.com",
                "X-Forwarded-Port", "8443").get("conn").asString()).isEqualTo("https://shop.example.com:8443/shop/users/7");
        assertThat(get("/users/7").get("conn").asString()).isEqualTo("http://127.0.0.1:" + port + "/shop/users/7");
        // The endpoint's own URL stays the configured one whatever the request says.
        assertThat(get("/users/7", "X-Forwarded-Host", "shop.example.com").get("endpoint").asString())
                .isEqualTo("https://example.com");
    }
}
