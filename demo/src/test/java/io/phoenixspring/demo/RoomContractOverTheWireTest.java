package io.phoenixspring.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.phoenixspring.token.PhoenixToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rows that need a real server on a port: the WebSocket upgrade at {@code /socket/websocket}
 * (HTTP 101 with a valid token, HTTP 403 without one or with an unsupported {@code vsn}), V1 and V2
 * frames on it, a disconnect by user closing the socket with code 1011, and the chat page at
 * {@code GET /} with the bundled phoenix client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoomContractOverTheWireTest {

    @LocalServerPort
    int port;

    @Autowired
    PhoenixToken tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aRefusedUpgradeIsHttp403() {
        String valid = tokens.sign("user socket", "alice");
        for (String query : new String[] {"token=x&vsn=2.0.0", "vsn=2.0.0", "token=" + valid + "&vsn=3.0.0"}) {
            Throwable refused = catchThrowable(() -> open(query, new Frames()));
            assertThat(refused).as(query).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(WebSocketHandshakeException.class);
            HttpResponse<?> response = ((WebSocketHandshakeException) refused.getCause()).getResponse();
            assertThat(response.statusCode()).as(query).isEqualTo(403);
        }
    }

    @Test
    void aValidTokenUpgradesAndSpeaksV2AndV1() throws Exception {
        String token = tokens.sign("user socket", "alice");
        Frames v2 = new Frames();
        WebSocket socket = open("token=" + token + "&vsn=2.0.0", v2);
        socket.sendText("[\"1\",\"1\",\"room:wire\",\"phx_join\",{}]", true).join();
        assertThat(v2.next()).isEqualTo("[\"1\",\"1\",\"room:wire\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        socket.sendText("[\"1\",\"2\",\"room:wire\",\"ping\",{\"n\":1,\"s\":\"x\"}]", true).join();
        assertThat(v2.until("\"2\"")).isEqualTo("[\"1\",\"2\",\"room:wire\",\"phx_reply\",{\"response\":{\"n\":1,\"s\":\"x\"},\"status\":\"ok\"}]");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();

        Frames v1 = new Frames();
        WebSocket old = open("token=" + token, v1);
        old.sendText("{\"topic\":\"phoenix\",\"event\":\"heartbeat\",\"payload\":{},\"ref\":\"1\"}", true).join();
        assertThat(v1.next()).isEqualTo("{\"event\":\"phx_reply\",\"payload\":{\"response\":{},\"status\":\"ok\"},\"ref\":\"1\",\"topic\":\"phoenix\"}");
        old.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void disconnectClosesTheUsersSocketsWith1011AndLeavesOthersOpen() throws Exception {
        Frames frank = new Frames();
        Frames grace = new Frames();
        open("token=" + tokens.sign("user socket", "frank") + "&vsn=2.0.0", frank);
        WebSocket graceSocket = open("token=" + tokens.sign("user socket", "grace") + "&vsn=2.0.0", grace);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("http", "/api/users/frank/disconnect"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");

        assertThat(frank.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1011);
        graceSocket.sendText("[null,\"1\",\"phoenix\",\"heartbeat\",{}]", true).join();
        assertThat(grace.next()).isEqualTo("[null,\"1\",\"phoenix\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        assertThat(grace.closed).isNotDone();
        graceSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void aMessageAsDeepAsTheApiAcceptsReachesTheRoom() throws Exception {
        // {"body": <498 deep>} is 499 levels: Spring's reader takes it, so the room must receive it.
        String body = "[".repeat(498) + "]".repeat(498);
        Frames alice = new Frames();
        WebSocket socket = open("token=" + tokens.sign("user socket", "alice") + "&vsn=2.0.0", alice);
        socket.sendText("[\"1\",\"1\",\"room:deep\",\"phx_join\",{}]", true).join();
        assertThat(alice.next()).isEqualTo("[\"1\",\"1\",\"room:deep\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(uri("http", "/api/rooms/deep/messages"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":" + body + "}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(alice.until("new_msg")).isEqualTo("[null,null,\"room:deep\",\"new_msg\",{\"body\":" + body
                + ",\"user\":\"system\"}]");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void thePageAndTheBundledClientAreServed() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("http", "/")).header("accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app.js\"></script>", "id=\"online\"", "id=\"connection\"");

        HttpResponse<String> app = http.send(HttpRequest.newBuilder(uri("http", "/app.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(app.body()).contains("import {Presence, Socket} from \"/assets/phoenix.mjs\"");
        HttpResponse<String> client = http.send(HttpRequest.newBuilder(uri("http", "/assets/phoenix.mjs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(client.body()).contains("export {", "Presence", "Socket");
    }

    private URI uri(String scheme, String path) {
        return URI.create(scheme + "://127.0.0.1:" + port + path);
    }

    private WebSocket open(String query, Frames frames) throws Exception {
        return http.newWebSocketBuilder().buildAsync(uri("ws", "/socket/websocket?" + query), frames).get(5, TimeUnit.SECONDS);
    }

    /** Text frames received, and the close code. */
    static final class Frames implements WebSocket.Listener {
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        String next() throws InterruptedException {
            String text = texts.poll(5, TimeUnit.SECONDS);
            assertThat(text).as("a frame within 5 s").isNotNull();
            return text;
        }

        /** The next frame containing {@code marker}, skipping others (presence pushes). */
        String until(String marker) throws InterruptedException {
            while (true) {
                String text = next();
                if (text.contains(marker)) {
                    return text;
                }
            }
        }
    }
}
