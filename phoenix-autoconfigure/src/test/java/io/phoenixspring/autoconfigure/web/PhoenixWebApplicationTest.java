package io.phoenixspring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A Spring Boot application with nothing but the auto-configuration, a Router bean, a
 * {@code @PhoenixController} and a {@code @RestController}, served on a real port: Phoenix's
 * answers and Spring's coexist, and unrouted requests get Phoenix's 404 even past Boot's static
 * resource handler; Spring Boot's {@code server.compression} applies to Phoenix's answers too.
 */
class PhoenixWebApplicationTest {

    @SpringBootApplication
    @Import({HealthController.class, Plain.class})
    static class App {
        @Bean
        Router router() {
            return Router.builder()
                    .pipeline("api", p -> p.plug(Plugs.accepts("json")))
                    .scope("/api", s -> s.pipeThrough("api").get("/health", HealthController.class, "show")
                            .get("/echo/:word", HealthController.class, "echo"))
                    .build();
        }
    }

    @PhoenixController
    static class HealthController {
        Conn show(Conn conn) {
            return Controller.json(conn, Map.of("status", "ok"));
        }

        Conn echo(Conn conn, Params params) {
            return Controller.json(conn, Map.of("word", params.string("word")));
        }
    }

    @RestController
    static class Plain {
        @GetMapping("/rest/hello")
        Map<String, String> hello() {
            return Map.of("hello", "rest");
        }

        @GetMapping("/rest/missing")
        Map<String, String> missing() {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "gone");
        }
    }

    static ConfigurableApplicationContext app;
    static int port;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(App.class).properties(
                "server.port=0", "spring.main.banner-mode=off",
                "phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-for-phoenix-0123456789",
                "phoenix.endpoint.sockets.enabled=false",
                // Bandit's compress option, the Spring Boot way: Reactor Netty compresses what clients accept.
                "server.compression.enabled=true", "server.compression.min-response-size=1",
                "phoenix.endpoint.http.header-timeout=700ms", "phoenix.endpoint.http.max-connections=40").run();
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (accept != null) {
            request.header("accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void phoenixRoutesAnswerAsPhoenixDoes() throws Exception {
        HttpResponse<String> health = get("/api/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(health.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(health.headers().firstValue("cache-control")).hasValue("max-age=0, private, must-revalidate");
        assertThat(health.headers().firstValue("x-request-id")).isPresent();
        assertThat(get("/api/echo/caf%C3%A9", null).body()).isEqualTo("{\"word\":\"café\"}");
        HttpResponse<String> html = get("/api/health", "text/html");
        assertThat(html.statusCode()).isEqualTo(406);
        assertThat(html.body()).isEqualTo("{\"errors\":{\"detail\":\"Not Acceptable\"}}");
    }

    @Test
    void unroutedRequestsGetPhoenixNotFoundPastTheStaticResourceHandler() throws Exception {
        for (String path : new String[] {"/", "/api/nope", "/nothing/here.txt"}) {
            HttpResponse<String> response = get(path, "text/html");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
            assertThat(response.headers().firstValue("x-request-id")).as(path).isPresent();
        }
    }

    @Test
    void restControllersKeepTheirOwnAnswersAndErrors() throws Exception {
        HttpResponse<String> hello = get("/rest/hello", null);
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).isEqualTo("{\"hello\":\"rest\"}");
        HttpResponse<String> missing = get("/rest/missing", "application/json");
        assertThat(missing.statusCode()).isEqualTo(404);
        // Spring Boot's own error body, not Phoenix's: the request was the RestController's.
        assertThat(missing.body()).contains("\"path\":\"/rest/missing\"").doesNotContain("\"errors\"");
    }

    @Test
    void phoenixResponsesAreCompressedWithSpringBootsServerCompression() throws Exception {
        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                .header("accept-encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"ok\"}");
        assertThat(get("/api/health", null).headers().firstValue("content-encoding")).isEmpty();
    }

    @Test
    void aRequestHeadThatNeverEndsIsAnswered408AndClosedByTheHeaderTimeout() throws Exception {
        try (java.net.Socket slow = new java.net.Socket("127.0.0.1", port)) {
            slow.setSoTimeout(5000);
            long started = System.nanoTime();
            slow.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes());
            String answer = new String(slow.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(3));
        }
        assertThat(get("/api/health", "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void connectionsPastTheCapAreClosedAndTheOthersAreServed() throws Exception {
        // The cap is 40; the test's HttpClient may hold one kept-alive connection of its own.
        java.util.List<java.net.Socket> held = new java.util.ArrayList<>();
        int served = 0;
        int refused = 0;
        try {
            for (int i = 0; i < 45; i++) {
                java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
                held.add(socket);
                socket.setSoTimeout(5000);
                String answer;
                try {
                    socket.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
                    answer = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
                } catch (java.net.SocketException reset) {
                    answer = "";
                }
                if (answer.equals("HTTP/1.1 200")) {
                    assertThat(refused).as("no connection is served after one was refused").isZero();
                    served++;
                } else {
                    assertThat(answer).as("a connection past the cap is closed unanswered").isEmpty();
                    refused++;
                }
            }
        } finally {
            for (java.net.Socket socket : held) {
                socket.close();
            }
        }
        assertThat(served).isBetween(39, 40);
        assertThat(refused).isEqualTo(45 - served);
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            try {
                status = get("/api/health", "application/json").statusCode();
            } catch (java.io.IOException stillFull) {
                Thread.sleep(50);
            }
        }
        assertThat(status).as("served again once connections are let go").isEqualTo(200);
    }
}
