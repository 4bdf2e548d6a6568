package io.phoenixspring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.digest.Digester;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.plug.StaticFiles;
import io.phoenixspring.web.router.Router;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18's acceptance for the digest: what {@code phoenix:digest} writes, served by a running
 * application (real port) with far-future cache headers and the precompressed variant, the page
 * linking the digested path and its SRI hash.
 */
class DigestedStaticFilesOverHttpTest {

    @TempDir
    static Path statics;

    static ConfigurableApplicationContext app;
    static int port;
    static final HttpClient http = HttpClient.newHttpClient();

    @SpringBootApplication
    static class App {
        @Bean
        Router router() {
            return Router.builder()
                    .get("/paths", conn -> Controller.json(conn, Map.of(
                            "js", WebEndpoint.of(conn).staticPath("/js/app.js"),
                            "integrity", WebEndpoint.of(conn).staticIntegrity("/js/app.js"))))
                    .forward("/js", StaticFiles.fromDirectory(statics.resolve("js")).gzip(true))
                    .build();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(statics.resolve("js"));
        Files.writeString(statics.resolve("js/app.js"), "console.log('phoenix');\n".repeat(20));
        Digester.compile(statics, statics);
        app = new SpringApplicationBuilder(App.class).properties("server.port=0", "spring.main.banner-mode=off",
                "phoenix.endpoint.secret-key-base=" + PhoenixWebAutoConfigurationTest.SECRET, "phoenix.endpoint.sockets.enabled=false",
                "phoenix.endpoint.cache-static-manifest=file:" + statics.resolve("cache_manifest.json")).run();
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theDigestedPathIsServedImmutableAndPrecompressed() throws Exception {
        JsonNode paths = JsonMapper.builder().build().readTree(get("/paths").body());
        String js = paths.get("js").asString();
        assertThat(js).matches("/js/app-[0-9a-f]{32}\\.js\\?vsn=d");
        assertThat(paths.get("integrity").asString()).startsWith("sha512-");

        HttpResponse<byte[]> gz = get(js, "accept-encoding", "gzip");
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(gz.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        assertThat(gz.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("vary")).hasValue("Accept-Encoding");
        assertThat(gz.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("console.log('phoenix');\n".repeat(20));
        }

        // The digested name alone (no ?vsn), for a client without gzip.
        String digested = js.replace("?vsn=d", "");
        HttpResponse<byte[]> plain = get(digested);
        assertThat(plain.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo("console.log('phoenix');\n".repeat(20));
        assertThat(java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-512").digest(plain.body())))
                .isEqualTo(paths.get("integrity").asString().substring("sha512-".length()));
    }

    @Test
    void theUndigestedNameIsServedWithOrdinaryCaching() throws Exception {
        HttpResponse<byte[]> original = get("/js/app.js");
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("cache-control")).hasValue("public");
        assertThat(original.headers().firstValue("etag")).isPresent();
    }
}
