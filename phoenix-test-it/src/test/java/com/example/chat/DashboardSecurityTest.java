package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LiveDashboard mounted under {@code /admin} behind a real Spring Security filter chain, in an app on
 * {@code spring-boot-starter-parent} that imports our BOM: refused without credentials (401) and to a
 * non-admin (403); an admin gets the page, its bundled assets, and its LiveView joins on {@code /live}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardSecurityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDashboardIsRefusedWithoutCredentialsAndToNonAdmins() throws Exception {
        assertThat(get("/admin/dashboard", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/admin/dashboard/assets/dashboard.js", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/admin/dashboard", "alice", "alice-password").statusCode()).isEqualTo(403);
        assertThat(get("/admin/dashboard", "admin", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminGetsThePageItsAssetsAndALiveViewThatJoins() throws Exception {
        HttpResponse<String> page = get("/admin/dashboard", "admin", "admin-password");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Phoenix LiveDashboard").contains("src=\"/admin/dashboard/assets/phoenix_live_view.min.js\"");
        for (String asset : List.of("phoenix.min.js", "phoenix_live_view.min.js", "uPlot.iife.min.js", "dashboard.js", "dashboard.css")) {
            HttpResponse<String> file = get("/admin/dashboard/assets/" + asset, "admin", "admin-password");
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.body()).as(asset).isNotEmpty();
        }

        Matcher csrf = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.body());
        Matcher container = Pattern.compile("<div id=\"(phx-[^\"]+)\" data-phx-main data-phx-session=\"([^\"]+)\" data-phx-static=\"([^\"]*)\"")
                .matcher(page.body());
        assertThat(csrf.find() && container.find()).isTrue();
        String cookie = page.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b).orElse("");
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        WebSocket socket = HTTP.newWebSocketBuilder().header("Cookie", cookie)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/live/websocket?vsn=2.0.0&_csrf_token="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)), new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    JsonNode message = JSON.readTree(text.toString());
                                    text.setLength(0);
                                    if ("phx_reply".equals(message.get(3).asString())) {
                                        reply.complete(message.get(4));
                                    }
                                }
                                webSocket.request(1);
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS);
        String topic = "lv:" + container.group(1);
        socket.sendText(JSON.writeValueAsString(List.of("1", "1", topic, "phx_join", Map.of(
                "url", "http://127.0.0.1:" + port + "/admin/dashboard",
                "params", Map.of("_csrf_token", csrf.group(1), "_mounts", 0),
                "session", container.group(2), "static", container.group(3)))), true);
        JsonNode joined = reply.get(10, TimeUnit.SECONDS);
        assertThat(joined.get("status").asString()).as(joined.toString()).isEqualTo("ok");
        assertThat(joined.get("response").get("rendered").toString()).contains("Phoenix LiveDashboard").contains("home-sockets");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
}
