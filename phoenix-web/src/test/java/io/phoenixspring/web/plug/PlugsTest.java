package io.phoenixspring.web.plug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.router.RouteMatch;
import io.phoenixspring.web.router.Router;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Plugs on conns built by hand, like Phoenix.ConnTest's build_conn. */
class PlugsTest {

    private static Conn conn(String method, String target, String... headers) {
        HttpHeaders h = new HttpHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        return Conn.of(method, target, h, WebEndpoint.defaults());
    }

    @Test
    void acceptsPicksTheFirstAcceptableFormat() {
        Plug accepts = Plugs.accepts("html", "json");
        assertThat(Controller.getFormat(accepts.call(conn("GET", "/")))).isEqualTo("html");
        assertThat(Controller.getFormat(accepts.call(conn("GET", "/", "accept", "application/json")))).isEqualTo("json");
        assertThat(Controller.getFormat(accepts.call(conn("GET", "/", "accept", "application/vnd.api+json")))).isEqualTo("json");
        assertThat(Controller.getFormat(accepts.call(conn("GET", "/", "accept", "image/png, */*;q=0.5")))).isEqualTo("html");
        assertThat(Controller.getFormat(accepts.call(conn("GET", "/", "accept", "text/*")))).isEqualTo("html");
        assertThat(Controller.getFormat(accepts.call(conn("GET", "/?_format=json", "accept", "text/html")))).isEqualTo("json");
        assertThatThrownBy(() -> accepts.call(conn("GET", "/", "accept", "image/png")))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.plugStatus()).isEqualTo(406));
        assertThatThrownBy(() -> accepts.call(conn("GET", "/", "accept", "text/html;q=0")))
                .isInstanceOf(StatusException.class);
    }

    @Test
    void basicAuthLetsTheRightCredentialsThroughAndHaltsTheRestWith401() {
        Plug auth = Plugs.basicAuth("admin", "s3cret");
        String good = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:s3cret".getBytes());
        String bad = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:wrong".getBytes());
        Conn through = auth.call(conn("GET", "/dashboard", "authorization", good));
        assertThat(through.halted()).isFalse();
        assertThat(through.state()).isEqualTo(Conn.State.UNSET);
        for (Conn refused : List.of(auth.call(conn("GET", "/dashboard")), auth.call(conn("GET", "/dashboard", "authorization", bad)))) {
            assertThat(refused.halted()).isTrue();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.respHeaders()).containsEntry("www-authenticate", "Basic realm=\"Application\"");
        }
        assertThatThrownBy(() -> Plugs.basicAuth("admin", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moduleInitRunsOnceAndCallPerRequest() {
        int[] inits = {0};
        PlugModule<String, String> locale = new PlugModule<>() {
            @Override
            public String init(String fallback) {
                inits[0]++;
                return fallback.toUpperCase();
            }

            @Override
            public Conn call(Conn conn, String fallback) {
                return conn.assign("locale", conn.params().get("locale", fallback));
            }
        };
        Plug plug = Plug.of(locale, "en");
        assertThat(plug.call(conn("GET", "/")).<String>assigned("locale")).isEqualTo("EN");
        assertThat(plug.call(conn("GET", "/?locale=pt")).<String>assigned("locale")).isEqualTo("pt");
        assertThat(inits[0]).isEqualTo(1);
    }

    @Test
    void secureBrowserHeadersAreSetAndOverridable() {
        Conn out = Plugs.putSecureBrowserHeaders(Map.of("content-security-policy", "default-src 'self'"))
                .call(conn("GET", "/"));
        assertThat(out.respHeaders()).containsEntry("x-frame-options", "SAMEORIGIN")
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("referrer-policy", "strict-origin-when-cross-origin")
                .containsEntry("content-security-policy", "default-src 'self'")
                .containsEntry("cache-control", "max-age=0, private, must-revalidate");
    }

    @Test
    void connsAreImmutable() {
        Conn original = conn("GET", "/users?page=2");
        Conn changed = original.assign("user", "jo").putStatus(201).putRespHeader("x-a", "b");
        assertThat(original.assigns()).isEmpty();
        assertThat(original.status()).isZero();
        assertThat(changed.assigns()).containsEntry("user", "jo");
        assertThat(changed.params().string("page")).isEqualTo("2");
        Conn sent = Controller.json(changed, Map.of("ok", true));
        assertThat(sent.state()).isEqualTo(Conn.State.SENT);
        assertThatThrownBy(() -> Controller.text(sent, "again")).hasMessageContaining("already sent");
        assertThatThrownBy(() -> Controller.redirect(changed, "https://evil.example")).hasMessageContaining("not a local path");
        assertThatThrownBy(() -> Controller.redirect(changed, "//evil.example")).hasMessageContaining("not a local path");
        assertThat(Controller.redirect(changed, "/home").respHeaders()).containsEntry("location", "/home");
        assertThat(Controller.redirect(changed, "/home").status()).isEqualTo(201);
    }

    @Test
    void nestedQueryParamsDecodeAsPlugDoes() {
        Conn c = conn("GET", "/?user[name]=Jo+Ann&user[tags][]=a&user[tags][]=b&empty=&flag");
        assertThat(c.params().map("user").asMap()).isEqualTo(Map.of("name", "Jo Ann", "tags", List.of("a", "b")));
        assertThat(c.params().string("empty")).isEmpty();
        assertThat(c.params().string("flag")).isEmpty();
        assertThat(c.params().filtered(List.of("password"))).isEqualTo(c.params().asMap());
        assertThat(conn("GET", "/?password=x&user[password_confirmation]=y").params().filtered(List.of("password")))
                .isEqualTo(Map.of("password", "[FILTERED]", "user", Map.of("password_confirmation", "[FILTERED]")));
    }

    @Test
    void staticFilesServeWithEtagsAndLongCachingForVersionedUrls() {
        Router router = Router.builder().forward("/assets", StaticFiles.from("static/assets")).build();
        RouteMatch m = router.match("GET", "/assets/app.css");
        Conn base = conn("GET", "/assets/app.css").withPathParams(Map.of(), m.scriptName(), m.pathInfo());
        Conn served = m.route().plug().call(base);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.respBodyText()).isEqualTo("body { color: red; }\n");
        assertThat(served.respHeaders()).containsEntry("content-type", "text/css; charset=utf-8")
                .containsEntry("cache-control", "public");
        String etag = served.respHeaders().get("etag");

        Conn notModified = m.route().plug().call(conn("GET", "/assets/app.css", "if-none-match", etag)
                .withPathParams(Map.of(), m.scriptName(), m.pathInfo()));
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.respBody()).isEmpty();

        Conn versioned = m.route().plug().call(conn("GET", "/assets/app.css?vsn=d")
                .withPathParams(Map.of(), m.scriptName(), m.pathInfo()));
        assertThat(versioned.respHeaders()).containsEntry("cache-control", "public, max-age=31536000, immutable");

        RouteMatch escape = router.match("GET", "/assets/%2E%2E/secret");
        assertThatThrownBy(() -> escape.route().plug().call(conn("GET", "/x").withPathParams(Map.of(), escape.scriptName(),
                escape.pathInfo()))).isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.plugStatus()).isEqualTo(400));
        RouteMatch missing = router.match("GET", "/assets/nope.js");
        assertThatThrownBy(() -> missing.route().plug().call(conn("GET", "/x").withPathParams(Map.of(), missing.scriptName(),
                missing.pathInfo()))).isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.plugStatus()).isEqualTo(404));
    }

    @Test
    void gzipServesThePrecompressedFileToClientsThatAcceptIt() throws Exception {
        Router router = Router.builder().forward("/assets", StaticFiles.from("static/assets").gzip(true)).build();
        RouteMatch m = router.match("GET", "/assets/app.css");
        byte[] gz;
        try (var in = PlugsTest.class.getClassLoader().getResourceAsStream("static/assets/app.css.gz")) {
            gz = in.readAllBytes();
        }

        Conn gzipped = m.route().plug().call(conn("GET", "/assets/app.css", "accept-encoding", "gzip, deflate, br")
                .withPathParams(Map.of(), m.scriptName(), m.pathInfo()));
        assertThat(gzipped.respBody()).isEqualTo(gz);
        assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.respBody())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("body { color: red; }\n");
        assertThat(gzipped.respHeaders()).containsEntry("content-encoding", "gzip")
                .containsEntry("content-type", "text/css; charset=utf-8").containsEntry("vary", "Accept-Encoding");

        Conn plain = m.route().plug().call(conn("GET", "/assets/app.css", "accept-encoding", "gzip;q=0, identity")
                .withPathParams(Map.of(), m.scriptName(), m.pathInfo()));
        assertThat(plain.respBodyText()).isEqualTo("body { color: red; }\n");
        assertThat(plain.respHeaders()).doesNotContainKey("content-encoding").containsEntry("vary", "Accept-Encoding");
        assertThat(plain.respHeaders().get("etag")).isNotEqualTo(gzipped.respHeaders().get("etag"));

        // Off by default, as in Plug.Static: no .gz, no vary.
        Router plainRouter = Router.builder().forward("/assets", StaticFiles.from("static/assets")).build();
        RouteMatch p = plainRouter.match("GET", "/assets/app.css");
        Conn off = p.route().plug().call(conn("GET", "/assets/app.css", "accept-encoding", "gzip")
                .withPathParams(Map.of(), p.scriptName(), p.pathInfo()));
        assertThat(off.respBodyText()).isEqualTo("body { color: red; }\n");
        assertThat(off.respHeaders()).doesNotContainKeys("content-encoding", "vary");

        // The .gz asked for by name is a gzip file, not css.
        RouteMatch direct = router.match("GET", "/assets/app.css.gz");
        Conn named = direct.route().plug().call(conn("GET", "/assets/app.css.gz")
                .withPathParams(Map.of(), direct.scriptName(), direct.pathInfo()));
        assertThat(named.respHeaders().get("content-type")).doesNotContain("text/css");
        assertThat(named.respHeaders()).doesNotContainKey("content-encoding");
        assertThat(named.respBody()).isEqualTo(gz);
    }

    @Test
    void acceptEncodingIsReadAsAList() {
        assertThat(StaticFiles.accepts("gzip", "gzip")).isTrue();
        assertThat(StaticFiles.accepts("deflate, GZIP;q=0.5", "gzip")).isTrue();
        assertThat(StaticFiles.accepts("gzip;q=0", "gzip")).isFalse();
        assertThat(StaticFiles.accepts("gzip; q=0.000", "gzip")).isFalse();
        assertThat(StaticFiles.accepts("x-gzipped, br", "gzip")).isFalse();
        assertThat(StaticFiles.accepts(null, "gzip")).isFalse();
    }
}
