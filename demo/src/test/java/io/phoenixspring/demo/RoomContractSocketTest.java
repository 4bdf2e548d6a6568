package io.phoenixspring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.SentConn;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.token.TokenOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's socket {@code /socket}: the {@code token} connect param (salt "user socket",
 * max_age one day) becomes the assign {@code user}; the socket id is {@code user_socket:NAME}; a
 * missing, bad or expired token is refused (WebSocket upgrade HTTP 403, long-poll HTTP 200 with
 * {@code {"status":403}}). Both transports are mounted, and over long-poll a binary push is
 * answered with an error reply while the session stays alive. The WebSocket upgrade needs a
 * real server: {@link RoomContractOverTheWireTest}.
 */
// The slice loads every LiveView, so the /list page's ItemStore (a plain @Component) is named here.
@PhoenixTest(components = {ItemStore.class, Notes.class})
class RoomContractSocketTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ChannelTest channels;

    @Autowired
    ConnTest conn;

    @Autowired
    PhoenixToken tokens;

    @Test
    void aValidTokenConnectsWithTheUserAssignAndTheUserSocketId() {
        Optional<ChannelTest.TestSocket> socket = channels.connect(UserSocket.class,
                Map.of("token", tokens.sign("user socket", "alice")));
        assertThat(socket).isPresent();
        assertThat(socket.get().assigns()).containsEntry("user", "alice");
        assertThat(socket.get().id()).isEqualTo("user_socket:alice");
    }

    @Test
    void aMissingBadTamperedForeignOrExpiredTokenIsRefused() {
        String valid = tokens.sign("user socket", "alice");
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        String otherSalt = tokens.sign("other salt", "alice");
        String otherKey = PhoenixToken.of("another-secret-key-base-0123456789-0123456789-0123456789-abcdef")
                .sign("user socket", "alice");
        String expired = tokens.sign("user socket", "alice",
                TokenOptions.defaults().withSignedAt(Instant.now().minusSeconds(86400 + 60)));
        String nearlyExpired = tokens.sign("user socket", "alice",
                TokenOptions.defaults().withSignedAt(Instant.now().minusSeconds(86400 - 60)));

        assertThat(channels.connect(UserSocket.class, Map.of())).isEmpty();
        for (String refused : List.of("not-a-token", "", tampered, otherSalt, otherKey, expired)) {
            assertThat(channels.connect(UserSocket.class, Map.of("token", refused))).as(refused).isEmpty();
        }
        assertThat(channels.connect(UserSocket.class, Map.of("token", nearlyExpired))).isPresent();
    }

    @Test
    void aRefusedLongPollIsHttp200WithStatus403InTheBody() {
        SentConn bad = conn.get("/socket/longpoll", Map.of("token", "x", "vsn", "2.0.0"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(JSON.readTree(bad.body())).isEqualTo(JSON.readTree("{\"status\":403}"));
    }

    @Test
    void longPollCarriesTheChannelAndAnswersABinaryPushWithAnErrorReply() {
        String user = tokens.sign("user socket", "lp");
        JsonNode opened = JSON.readTree(conn.get("/socket/longpoll", Map.of("token", user, "vsn", "2.0.0")).response(200));
        assertThat(opened.get("status").asInt()).isEqualTo(410);
        String session = opened.get("token").asString();
        String path = "/socket/longpoll?vsn=2.0.0&token=" + session;

        String batch = "[\"1\",\"1\",\"room:lp\",\"phx_join\",{}]\n"
                + Base64.getEncoder().encodeToString(binaryPush("1", "2", "room:lp", "binary", new byte[] {1, 2, 3})) + "\n"
                + "[\"1\",\"3\",\"room:lp\",\"ping\",{\"still\":\"alive\"}]";
        SentConn posted = conn.putReqHeader("content-type", "application/x-ndjson").post(path, batch);
        assertThat(JSON.readTree(posted.response(200))).isEqualTo(JSON.readTree("{\"status\":200}"));

        StringBuilder received = new StringBuilder();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!received.toString().contains("\"3\",\"room:lp\",\"phx_reply\"") && System.currentTimeMillis() < deadline) {
            JsonNode poll = JSON.readTree(conn.get(path).response(200));
            poll.get("messages").forEach(m -> received.append(m.asString()).append('\n'));
        }
        assertThat(received.toString())
                .contains("[\"1\",\"1\",\"room:lp\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]")
                .contains("[\"1\",\"2\",\"room:lp\",\"phx_reply\",{\"response\":{\"reason\":\"binary replies need the websocket transport\"},\"status\":\"error\"}]")
                .contains("[\"1\",\"3\",\"room:lp\",\"phx_reply\",{\"response\":{\"still\":\"alive\"},\"status\":\"ok\"}]");
    }

    /** A V2 binary push: 00 | len(join_ref) | len(ref) | len(topic) | len(event) | join_ref | ref | topic | event | payload. */
    private static byte[] binaryPush(String joinRef, String ref, String topic, String event, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        for (String part : List.of(joinRef, ref, topic, event)) {
            out.write(part.getBytes(StandardCharsets.UTF_8).length);
        }
        for (String part : List.of(joinRef, ref, topic, event)) {
            out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
