package io.phoenixspring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.SentConn;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.token.TokenResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The HTTP table of the room contract (shared/room-contract.md), row by row, with the
 * statuses, bodies and headers of Phoenix 1.7 (shared/phoenix-wire-transcripts.md section 0).
 * Broadcasts and disconnects are observed from channels joined with {@link ChannelTest}.
 */
// The slice loads every LiveView and controller, so their stores (plain @Components: ItemStore, Notes) are named here.
@PhoenixTest(components = {ItemStore.class, Notes.class})
class RoomContractHttpTest {

    private static final String JSON = "application/json; charset=utf-8";

    @Autowired
    ConnTest conn;

    @Autowired
    ChannelTest channels;

    @Autowired
    PhoenixToken tokens;

    private ChannelTest.Joined member(String user, String topic) {
        return channels.connect(UserSocket.class, Map.of("token", tokens.sign(UserSocket.SALT, user)))
                .orElseThrow().join(topic);
    }

    private static void assertPhoenixJson(SentConn sent) {
        assertThat(sent.respHeader("content-type")).isEqualTo(JSON);
        assertThat(sent.respHeader("cache-control")).isEqualTo("max-age=0, private, must-revalidate");
    }

    // GET /api/health -> 200 {"status":"ok"}

    @Test
    void healthIsOk() {
        SentConn sent = conn.get("/api/health");
        assertThat(sent.response(200)).isEqualTo("{\"status\":\"ok\"}");
        assertPhoenixJson(sent);
    }

    @Test
    void headOnHealthWorksAndPostIsNotFound() {
        assertThat(conn.head("/api/health").status()).isEqualTo(200);
        SentConn post = ConnTest.assertErrorSent(404, () -> conn.post("/api/health"));
        assertThat(post.body()).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
    }

    // GET /api/token?user=NAME -> 200 {"token":T}; 400 without user

    @Test
    void tokenIsAPhoenixTokenOfTheNameWithTheUserSocketSalt() {
        SentConn sent = conn.get("/api/token", Map.of("user", "alice"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = sent.jsonResponse(200, Map.class);
        assertThat(body).containsOnlyKeys("token");
        String token = (String) body.get("token");
        assertThat(token).startsWith("SFMyNTY.");
        assertThat(tokens.verify("user socket", token)).isEqualTo(new TokenResult.Ok("alice"));
        assertThat(tokens.verify("another salt", token)).isNotInstanceOf(TokenResult.Ok.class);
        assertPhoenixJson(sent);
    }

    @Test
    void anEmptyUserIsAccepted() {
        String token = (String) conn.get("/api/token?user=").jsonResponse(200, Map.class).get("token");
        assertThat(tokens.verify("user socket", token)).isEqualTo(new TokenResult.Ok(""));
    }

    @Test
    void tokenWithoutUserIsABadRequest() {
        SentConn sent = ConnTest.assertErrorSent(400, () -> conn.get("/api/token"));
        assertThat(sent.body()).isEqualTo("{\"errors\":{\"detail\":\"Bad Request\"}}");
        assertPhoenixJson(sent);
    }

    // POST /api/rooms/ID/messages {"body":B} -> new_msg {"body":B,"user":"system"} on room:ID; 202 {"ok":true}

    @Test
    void aPostedMessageIsBroadcastToTheRoomFromSystem() {
        ChannelTest.Joined alice = member("alice", "room:http-lobby");
        ChannelTest.Joined bob = member("bob", "room:http-lobby");
        ChannelTest.Joined elsewhere = member("carol", "room:http-other");

        SentConn sent = conn.post("/api/rooms/http-lobby/messages", Map.of("body", "hi"));
        assertThat(sent.response(202)).isEqualTo("{\"ok\":true}");
        assertPhoenixJson(sent);

        alice.assertPush("new_msg", "{\"body\":\"hi\",\"user\":\"system\"}");
        bob.assertPush("new_msg", "{\"body\":\"hi\",\"user\":\"system\"}");
        elsewhere.refutePush("new_msg", Duration.ofMillis(200));
    }

    @Test
    void theBodyMayBeAnyJsonValueOrAFormField() {
        ChannelTest.Joined alice = member("alice", "room:http-shapes");
        conn.post("/api/rooms/http-shapes/messages", Map.of("body", Map.of("nested", List.of(1, 2)))).response(202);
        alice.assertPush("new_msg", "{\"body\":{\"nested\":[1,2]},\"user\":\"system\"}");
        conn.post("/api/rooms/http-shapes/messages", "body=form").response(202);
        alice.assertPush("new_msg", "{\"body\":\"form\",\"user\":\"system\"}");
    }

    @Test
    void aMessageWithoutBodyIsABadRequest() {
        SentConn sent = ConnTest.assertErrorSent(400, () -> conn.post("/api/rooms/lobby/messages", Map.of()));
        assertThat(sent.body()).isEqualTo("{\"errors\":{\"detail\":\"Bad Request\"}}");
    }

    @Test
    void anIdWithAColonIsUsedAsTheTopic() {
        ChannelTest.Joined bench = member("alice", "bench:http-1");
        conn.post("/api/rooms/bench:http-1/messages", Map.of("body", "load")).response(202);
        bench.assertPush("new_msg", "{\"body\":\"load\",\"user\":\"system\"}");
    }

    // POST /api/users/NAME/disconnect -> closes every socket of NAME; 202 {"ok":true}

    @Test
    void disconnectClosesEverySocketOfTheUserAndNoOther() {
        ChannelTest.Joined watcher = member("watcher", "room:http-disconnect");
        member("dave", "room:http-disconnect");
        member("dave", "room:http-disconnect");
        member("erin", "room:http-disconnect");
        watcher.assertPresent("dave", 2);
        watcher.assertPresent("erin");

        SentConn sent = conn.post("/api/users/dave/disconnect");
        assertThat(sent.response(202)).isEqualTo("{\"ok\":true}");
        assertPhoenixJson(sent);

        watcher.assertAbsent("dave");
        assertThat(watcher.assertPresent("erin")).hasSize(1);
        assertThat(watcher.assertPresent("watcher")).hasSize(1);
    }

    // an unknown path -> 404 {"errors":{"detail":"Not Found"}} (JSON even when HTML is accepted)

    @Test
    void anUnknownPathIsAJsonNotFound() {
        SentConn plain = ConnTest.assertErrorSent(404, () -> conn.get("/api/nope"));
        assertThat(plain.body()).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        assertPhoenixJson(plain);
        SentConn html = ConnTest.assertErrorSent(404, () -> conn.putReqHeader("accept", "text/html").get("/api/nope"));
        assertThat(html.body()).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        assertPhoenixJson(html);
    }

    @Test
    void anApiRouteAskedForHtmlIsNotAcceptable() {
        SentConn sent = ConnTest.assertErrorSent(406, () -> conn.putReqHeader("accept", "text/html").get("/api/health"));
        assertThat(sent.body()).isEqualTo("{\"errors\":{\"detail\":\"Not Acceptable\"}}");
    }
}
