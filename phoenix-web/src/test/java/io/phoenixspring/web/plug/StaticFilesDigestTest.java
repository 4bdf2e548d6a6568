package io.phoenixspring.web.plug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.digest.Digester;
import io.phoenixspring.web.digest.StaticManifest;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.router.RouteMatch;
import io.phoenixspring.web.router.Router;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;

/** StaticFiles serving {@code phoenix:digest}'s output: digested names cached for a year, the .gz to gzip clients. */
class StaticFilesDigestTest {

    @TempDir
    Path dir;

    Path statics;
    StaticManifest manifest;
    String digestedCss;

    @BeforeEach
    void digest() throws Exception {
        statics = dir.resolve("static");
        Files.createDirectories(statics.resolve("assets"));
        Files.writeString(statics.resolve("assets/app.css"), "body { color: red; }\n");
        Files.writeString(statics.resolve("robots.txt"), "User-agent: *\n");
        Digester.compile(statics, statics);
        manifest = StaticManifest.load(statics.resolve("cache_manifest.json"));
        digestedCss = manifest.staticPath("/assets/app.css").replace("?vsn=d", "");
    }

    private Conn get(Router router, String target, WebEndpoint endpoint, String... headers) {
        HttpHeaders h = new HttpHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        RouteMatch m = router.match("GET", target.contains("?") ? target.substring(0, target.indexOf('?')) : target);
        return m.route().plug().call(Conn.of("GET", target, h, endpoint).withPathParams(Map.of(), m.scriptName(), m.pathInfo()));
    }

    @Test
    void aDigestedFileOfTheManifestIsCachedForAYearAndImmutable() {
        Router router = Router.builder().forward("/", StaticFiles.fromDirectory(statics)).build();
        WebEndpoint endpoint = WebEndpoint.defaults().withStaticManifest(manifest);

        Conn digested = get(router, digestedCss, endpoint);
        assertThat(digested.status()).isEqualTo(200);
        assertThat(digested.respBodyText()).isEqualTo("body { color: red; }\n");
        assertThat(digested.respHeaders()).containsEntry("cache-control", "public, max-age=31536000, immutable")
                .containsEntry("content-type", "text/css; charset=utf-8");

        Conn original = get(router, "/assets/app.css", endpoint);
        assertThat(original.respHeaders()).containsEntry("cache-control", "public");
        assertThat(get(router, "/assets/app.css?vsn=d", endpoint).respHeaders())
                .containsEntry("cache-control", "public, max-age=31536000, immutable");

        // Without the manifest the same name is an ordinary file.
        assertThat(get(router, digestedCss, WebEndpoint.defaults()).respHeaders()).containsEntry("cache-control", "public");
    }

    @Test
    void aManifestRelativeToTheClasspathRootMatchesFilesServedFromASubfolder() {
        // forward("/assets", from("static/assets")): the manifest says assets/app-<md5>.css.
        WebEndpoint endpoint = WebEndpoint.defaults().withStaticManifest(manifest);
        Router router = Router.builder().forward("/assets", StaticFiles.fromDirectory(statics.resolve("assets"))).build();
        assertThat(get(router, digestedCss, endpoint).respHeaders())
                .containsEntry("cache-control", "public, max-age=31536000, immutable");
    }

    @Test
    void gzipClientsGetThePrecompressedDigestedFile() throws Exception {
        Router router = Router.builder().forward("/", StaticFiles.fromDirectory(statics).gzip(true)).build();
        WebEndpoint endpoint = WebEndpoint.defaults().withStaticManifest(manifest);

        Conn gz = get(router, digestedCss, endpoint, "accept-encoding", "gzip");
        assertThat(gz.respHeaders()).containsEntry("content-encoding", "gzip").containsEntry("vary", "Accept-Encoding")
                .containsEntry("cache-control", "public, max-age=31536000, immutable")
                .containsEntry("content-type", "text/css; charset=utf-8");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz.respBody()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("body { color: red; }\n");
        }
    }

    @Test
    void aDirectoryIsNeverLeftThroughDotDot() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "s");
        Router router = Router.builder().forward("/", StaticFiles.fromDirectory(statics)).build();
        assertThatThrownBy(() -> get(router, "/%2E%2E/secret.txt", WebEndpoint.defaults()))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.plugStatus()).isEqualTo(400));
        assertThatThrownBy(() -> get(router, "/assets", WebEndpoint.defaults()))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.plugStatus()).isEqualTo(404));
    }
}
