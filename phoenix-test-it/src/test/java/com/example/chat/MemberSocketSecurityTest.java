package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The members-only socket behind a real Spring Security filter chain (HTTP basic), driven by the
 * official {@code phoenix} client over WebSocket and long-poll: the signed-in user and the page's
 * session reach {@code connect}; no user, no session cookie, or a wrong {@code _csrf_token} is
 * refused; a long-poll session opened by alice answers nobody else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "phoenix.endpoint.sockets.longpoll.window=1s")
class MemberSocketSecurityTest {

    private static final Path JS = Path.of("src/test/js");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private Map<?, ?> run(String transport, String mode) throws Exception {
        Process node = new ProcessBuilder("node", "members.mjs", "http://127.0.0.1:" + port, transport, mode)
                .directory(JS.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node members.mjs finished").isTrue();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            Map<?, ?> result = JsonMapper.builder().build().readValue(out.substring(out.lastIndexOf('\n') + 1), Map.class);
            assertThat(result.get("ok")).as(out).isEqualTo(true);
            return result;
        } finally {
            node.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "longpoll"})
    void aSignedInBrowserJoinsWithItsUserAndSession(String transport) throws Exception {
        Map<?, ?> result = run(transport, "alice");
        assertThat(result.get("joined")).as(result.toString())
                .isEqualTo(Map.of("user", "alice", "visit", result.get("visit")));
        assertThat(result.get("visit")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "bad-csrf", "no-cookie"})
    void withoutAUserACookieOrTheRightCsrfTokenTheSocketIsRefused(String mode) throws Exception {
        for (String transport : new String[] {"websocket", "longpoll"}) {
            Map<?, ?> result = run(transport, mode);
            assertThat(result.get("joined")).as(transport + " " + result).isNull();
            assertThat(result.get("refused")).as(transport + " " + result).isEqualTo(true);
        }
    }

    @Test
    void aLongPollSessionOpenedByAliceAnswersNobodyElse() throws Exception {
        HttpResponse<String> page = get("/members/session", "alice", null);
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        String csrf = (String) JsonMapper.builder().build().readValue(page.body(), Map.class).get("csrf_token");

        HttpResponse<String> opened = get("/members/socket/longpoll?vsn=2.0.0&_csrf_token=" + csrf, "alice", cookie);
        assertThat(opened.body()).contains("\"status\":410");
        String token = opened.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        assertThat(get("/members/socket/longpoll?vsn=2.0.0&token=" + token, "bob", cookie).body())
                .isEqualTo("{\"status\":403}");
        assertThat(get("/members/socket/longpoll?vsn=2.0.0&token=" + token, null, cookie).body())
                .isEqualTo("{\"status\":403}");
        // alice herself still polls it (nothing arrived within the window: 204).
        assertThat(get("/members/socket/longpoll?vsn=2.0.0&token=" + token, "alice", cookie).body())
                .contains("\"status\":204");
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/members/socket/longpoll?vsn=2.0.0&token=" + token))
                .header("authorization", basic("bob")).header("content-type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("[\"1\",\"1\",\"member:lobby\",\"phx_join\",{}]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.body()).isEqualTo("{\"status\":403}");
    }

    private HttpResponse<String> get(String path, String user, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header("authorization", basic(user));
        }
        if (cookie != null) {
            request.header("cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8));
    }
}
