package io.phoenixspring.channels.transport.longpoll;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.TestServer;
import io.phoenixspring.pubsub.PubSub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Section 6 of the Phoenix 1.7 transcripts, replayed over raw HTTP against our long-poll transport. */
class LongPollWireTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(0, options -> options.withLongpollWindow(Duration.ofMillis(500)),
                PubSub.builder().build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String url(String query) {
        return "http://127.0.0.1:" + server.port() + "/socket/longpoll?" + query;
    }

    static HttpResponse<String> get(String query, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(query))).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String query, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(query))).header("content-type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("*");
        return JSON.readTree(response.body());
    }

    /** Polls until the given number of messages arrived (they may be split over polls). */
    private static List<String> messages(String query, String token, int count) throws Exception {
        List<String> out = new ArrayList<>();
        for (int polls = 0; polls < 10 && out.size() < count; polls++) {
            JsonNode body = json(get(query + "&token=" + token));
            body.path("messages").values().forEach(m -> out.add(m.asString()));
        }
        return out;
    }

    @Test
    void openJoinPingBatchHeartbeatLeave() throws Exception {
        String query = "token=" + server.token("alice") + "&vsn=2.0.0";
        JsonNode opened = json(get(query));
        assertThat(opened.path("status").asInt()).isEqualTo(410);
        assertThat(opened.path("messages").size()).isZero();
        String session = opened.path("token").asString();
        assertThat(session).isNotBlank();

        assertThat(json(post(query + "&token=" + session, "application/x-ndjson", "[\"1\",\"1\",\"room:lp\",\"phx_join\",{}]")).toString())
                .isEqualTo("{\"status\":200}");
        assertThat(messages(query, session, 1)).containsExactly(
                "[\"1\",\"1\",\"room:lp\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");

        json(post(query + "&token=" + session, "application/x-ndjson",
                "[\"1\",\"2\",\"room:lp\",\"ping\",{\"a\":1}]\n[null,\"3\",\"phoenix\",\"heartbeat\",{}]\n[\"1\",\"4\",\"room:lp\",\"new_msg\",{\"body\":\"lp\"}]"));
        List<String> pinged = messages(query, session, 3);
        assertThat(pinged).containsExactlyInAnyOrder(
                "[\"1\",\"2\",\"room:lp\",\"phx_reply\",{\"response\":{\"a\":1},\"status\":\"ok\"}]",
                "[null,\"3\",\"phoenix\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]",
                "[null,null,\"room:lp\",\"new_msg\",{\"body\":\"lp\",\"user\":\"alice\"}]");
        assertThat(pinged.stream().filter(m -> m.contains("room:lp"))).containsExactly(
                "[\"1\",\"2\",\"room:lp\",\"phx_reply\",{\"response\":{\"a\":1},\"status\":\"ok\"}]",
                "[null,null,\"room:lp\",\"new_msg\",{\"body\":\"lp\",\"user\":\"alice\"}]");

        // Without the ndjson content type the body is one message.
        json(post(query + "&token=" + session, "application/json", "[\"1\",\"5\",\"room:lp\",\"ping\",{\"b\":2}]"));
        assertThat(messages(query, session, 1)).containsExactly(
                "[\"1\",\"5\",\"room:lp\",\"phx_reply\",{\"response\":{\"b\":2},\"status\":\"ok\"}]");

        // Nothing pending: the poll waits for the window, then 204 inside a 200.
        long started = System.nanoTime();
        JsonNode empty = json(get(query + "&token=" + session));
        assertThat(empty.path("status").asInt()).isEqualTo(204);
        assertThat(empty.path("token").asString()).isEqualTo(session);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        json(post(query + "&token=" + session, "application/x-ndjson",
                "[\"1\",\"6\",\"room:lp\",\"error_reply\",{}]\n[\"1\",\"7\",\"nosuch\",\"phx_join\",{}]\n[\"1\",\"8\",\"room:lp\",\"crash\",{}]"));
        // Different topics are handled independently (as different processes in Phoenix), so only
        // the order within room:lp is guaranteed.
        List<String> batch = messages(query, session, 3);
        assertThat(batch).containsExactlyInAnyOrder(
                "[\"1\",\"6\",\"room:lp\",\"phx_reply\",{\"response\":{\"reason\":\"bad\"},\"status\":\"error\"}]",
                "[null,\"7\",\"nosuch\",\"phx_reply\",{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]",
                "[\"1\",\"1\",\"room:lp\",\"phx_error\",{}]");
        assertThat(batch.stream().filter(m -> m.contains("room:lp"))).containsExactly(
                "[\"1\",\"6\",\"room:lp\",\"phx_reply\",{\"response\":{\"reason\":\"bad\"},\"status\":\"error\"}]",
                "[\"1\",\"1\",\"room:lp\",\"phx_error\",{}]");

        json(post(query + "&token=" + session, "application/x-ndjson", "[\"9\",\"9\",\"room:lp\",\"phx_join\",{}]"));
        messages(query, session, 1);
        json(post(query + "&token=" + session, "application/x-ndjson", "[\"9\",\"10\",\"room:lp\",\"phx_leave\",{}]"));
        assertThat(messages(query, session, 2)).containsExactly(
                "[\"9\",\"10\",\"room:lp\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]",
                "[\"9\",\"9\",\"room:lp\",\"phx_close\",{}]");
    }

    @Test
    void binaryPushIsAnsweredWithAClearErrorAndTheSessionLives() throws Exception {
        String query = "token=" + server.token("alice") + "&vsn=2.0.0";
        String session = json(get(query)).path("token").asString();
        json(post(query + "&token=" + session, "application/x-ndjson", "[\"9\",\"11\",\"room:lp\",\"phx_join\",{}]"));
        messages(query, session, 1);
        // base64 of a V2 binary push of "AB" to event "binary"
        json(post(query + "&token=" + session, "application/x-ndjson", "AAECBwY5MTJyb29tOmxwYmluYXJ5QUI="));
        assertThat(messages(query, session, 1)).containsExactly(
                "[\"9\",\"12\",\"room:lp\",\"phx_reply\",{\"response\":{\"reason\":\"binary replies need the websocket transport\"},\"status\":\"error\"}]");
        json(post(query + "&token=" + session, "application/x-ndjson", "[\"9\",\"13\",\"room:lp\",\"ping\",{}]"));
        assertThat(messages(query, session, 1)).containsExactly(
                "[\"9\",\"13\",\"room:lp\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
    }

    @Test
    void aLineThatIsNeitherJsonNorBase64IsRefusedAtOnceAndTheSessionLives() throws Exception {
        String query = "token=" + server.token("alice") + "&vsn=2.0.0";
        String session = json(get(query)).path("token").asString();
        json(post(query + "&token=" + session, "application/x-ndjson", "[\"9\",\"11\",\"room:lp\",\"phx_join\",{}]"));
        messages(query, session, 1);
        long started = System.nanoTime();
        HttpResponse<String> refused = post(query + "&token=" + session, "application/x-ndjson",
                "[\"9\",\"12\",\"room:lp\",\"ping\",{}]\nnot base64!\n[\"9\",\"13\",\"room:lp\",\"ping\",{}]");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").asString())
                .isEqualTo("line 2 of the ndjson body is neither a JSON message nor base64 of a binary one");
        // The whole batch was refused, so nothing of it half-happened; the session goes on.
        json(post(query + "&token=" + session, "application/x-ndjson",
                "[\"9\",\"14\",\"room:lp\",\"ping\",{}]\r\n[\"9\",\"15\",\"room:lp\",\"ping\",{}]"));
        assertThat(messages(query, session, 2)).containsExactly(
                "[\"9\",\"14\",\"room:lp\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]",
                "[\"9\",\"15\",\"room:lp\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
    }

    @Test
    void aSessionThatNeverPollsIsCutAtTheByteBound() throws Exception {
        try (TestServer bounded = new TestServer(0, options -> options.withOutboundByteLimit(2L * 1024 * 1024),
                PubSub.builder().build())) {
            String base = "http://127.0.0.1:" + bounded.port() + "/socket/longpoll?";
            String query = "token=" + bounded.token("alice") + "&vsn=2.0.0";
            String session = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + query)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("token").asString();
            HTTP.send(HttpRequest.newBuilder(URI.create(base + query + "&token=" + session))
                    .header("content-type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString("[\"1\",\"1\",\"room:lp\",\"phx_join\",{}]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // One poll collects the join's reply, so the join has run before the flood (on a busy
            // machine the broadcasts could otherwise all precede it and reach nobody); then it stops polling.
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + query + "&token=" + session)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("phx_reply");
            String filler = "f".repeat(300 * 1024);
            long deadline = System.nanoTime() + 5_000_000_000L;
            int sent = 0;
            while (bounded.runtime.connectionCount() > 0 && System.nanoTime() < deadline && sent < 100) {
                bounded.endpoint.broadcast("room:lp", "chunk", java.util.Map.of("filler", filler)).join();
                sent++;
            }
            // Never polled: disconnected as a slow consumer near 2 MB, not after 10,000 messages of any size.
            assertThat(bounded.runtime.connectionCount()).isZero();
            assertThat(sent).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void refusalsBadSessionsCorsAndV1() throws Exception {
        assertThat(json(get("token=bad&vsn=2.0.0")).toString()).isEqualTo("{\"status\":403}");
        assertThat(json(get("vsn=2.0.0")).toString()).isEqualTo("{\"status\":403}");
        assertThat(json(post("token=bad&vsn=2.0.0", "application/x-ndjson", "[null,\"1\",\"phoenix\",\"heartbeat\",{}]")).toString())
                .isEqualTo("{\"status\":410}");
        assertThat(json(get("token=" + server.token("alice") + "&vsn=3.0.0")).toString()).isEqualTo("{\"status\":403}");
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(url("vsn=2.0.0")))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(400);
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(url("vsn=2.0.0")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("access-control-allow-headers")).hasValue("content-type");
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("get, post, options");
        assertThat(preflight.headers().firstValue("access-control-max-age")).hasValue("3600");
        assertThat(json(get("token=" + server.token("alice") + "&vsn=2.0.0", "Origin", "http://evil.example")).toString())
                .isEqualTo("{\"status\":403}");

        String v1 = "token=" + server.token("alice") + "&vsn=1.0.0";
        String session = json(get(v1)).path("token").asString();
        json(post(v1 + "&token=" + session, "application/json",
                "{\"topic\":\"room:lp1\",\"event\":\"phx_join\",\"payload\":{},\"ref\":\"1\",\"join_ref\":\"1\"}"));
        assertThat(messages(v1, session, 1)).containsExactly(
                "{\"event\":\"phx_reply\",\"payload\":{\"response\":{},\"status\":\"ok\"},\"ref\":\"1\",\"topic\":\"room:lp1\"}");
    }

    @Test
    void disconnectedSessionIsGoneAndItsTokenNoLongerConnects() throws Exception {
        String query = "token=" + server.token("carol") + "&vsn=2.0.0";
        String session = json(get(query)).path("token").asString();
        json(post(query + "&token=" + session, "application/x-ndjson", "[\"1\",\"1\",\"room:lpdc\",\"phx_join\",{}]"));
        messages(query, session, 1);

        server.endpoint.disconnect("user_socket:carol").join();

        // The session token is not a user token: resuming fails and so does connecting with it.
        assertThat(json(get(query + "&token=" + session)).toString()).isEqualTo("{\"status\":403}");
        assertThat(json(post(query + "&token=" + session, "application/x-ndjson", "[null,\"1\",\"phoenix\",\"heartbeat\",{}]")).toString())
                .isEqualTo("{\"status\":410}");
    }

    @Test
    void broadcastsReachLongPollAndWebSocketClientsAlike() throws Exception {
        String query = "token=" + server.token("dave") + "&vsn=2.0.0";
        String session = json(get(query)).path("token").asString();
        json(post(query + "&token=" + session, "application/x-ndjson", "[\"1\",\"1\",\"room:mixed\",\"phx_join\",{}]"));
        messages(query, session, 1);
        server.endpoint.broadcast("room:mixed", "new_msg", java.util.Map.of("body", "to all", "user", "system")).join();
        assertThat(messages(query, session, 1)).containsExactly(
                "[null,null,\"room:mixed\",\"new_msg\",{\"body\":\"to all\",\"user\":\"system\"}]");
    }
}
