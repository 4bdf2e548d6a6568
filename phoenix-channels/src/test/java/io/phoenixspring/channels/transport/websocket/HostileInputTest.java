package io.phoenixspring.channels.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.LogCapture;
import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.channels.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client's mistakes and provocations: each gets a precise answer, costs at most one log line
 * without a stack trace, and leaves the channel (and every other socket) working.
 */
class HostileInputTest {

    private TestServer server;
    private LogCapture logs;

    @BeforeEach
    void start() {
        server = new TestServer();
        logs = new LogCapture();
    }

    @AfterEach
    void stop() {
        logs.close();
        server.close();
    }

    private RawClient joined(String joinRef) {
        RawClient client = RawClient.connect(server.wsUrl("token=" + server.token("alice") + "&vsn=2.0.0"));
        client.send("[\"" + joinRef + "\",\"1\",\"room:lobby\",\"phx_join\",{}]");
        assertThat(client.next()).isEqualTo("[\"" + joinRef + "\",\"1\",\"room:lobby\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        return client;
    }

    /** JSON arrays nested {@code depth} deep. */
    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void aFrameOverTheLimitClosesWith1009AndLogsOneLine() throws Exception {
        try (RawClient client = joined("1")) {
            try {
                client.send("[\"1\",\"2\",\"room:lobby\",\"ping\",{\"big\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}]");
            } catch (java.util.concurrent.CompletionException closedWhileWriting) {
                // The server may close (1009) before the client has written the whole frame.
            }
            client.closeCode(Duration.ofSeconds(5));
        }
        Thread.sleep(500);
        assertThat(server.runtime.connectionCount()).isZero();
        assertThat(logs.warnings()).singleElement().asString().contains("message larger than");
        assertThat(logs.withStackTraces()).isEmpty();
    }

    @Test
    void aPingNestedAsDeepAsTheReaderAllowsIsAnswered() {
        // The frame's array is one level, so the payload is 499 deep: the reader's limit is 500.
        String payload = nested(498);
        try (RawClient client = joined("1")) {
            client.send("[\"1\",\"2\",\"room:lobby\",\"ping\"," + payload + "]");
            assertThat(client.next()).isEqualTo("[\"1\",\"2\",\"room:lobby\",\"phx_reply\",{\"response\":" + payload
                    + ",\"status\":\"ok\"}]");
        }
        assertThat(logs.withStackTraces()).isEmpty();
    }

    @Test
    void aBroadcastAsDeepAsAnHttpBodyMayBeReachesTheRoom() throws Exception {
        // {"body": <498 deep>} is 499 deep: the HTTP reader accepts it, so the room must receive it.
        String body = nested(498);
        try (RawClient client = joined("1")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + "/api/rooms/lobby/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":" + body + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(client.next()).isEqualTo("[null,null,\"room:lobby\",\"new_msg\",{\"body\":" + body
                    + ",\"user\":\"system\"}]");
        }
        assertThat(logs.withStackTraces()).isEmpty();
    }

    @Test
    void aReplyThatCannotBeEncodedIsAnErrorReplyAndTheChannelGoesOn() {
        // A join_ref of 300 bytes fits a text frame, not a binary reply (its fields are at most 255 bytes).
        String joinRef = "j".repeat(300);
        try (RawClient client = joined(joinRef)) {
            client.sendBinary(RawClient.binaryFrame(0, "1", "3", "room:lobby", "binary", new byte[] {1, 2, 3}));
            assertThat(client.next()).isEqualTo("[\"" + joinRef + "\",\"3\",\"room:lobby\",\"phx_reply\","
                    + "{\"response\":{\"reason\":\"reply could not be encoded\"},\"status\":\"error\"}]");
            client.send("[\"" + joinRef + "\",\"4\",\"room:lobby\",\"ping\",{\"still\":\"here\"}]");
            assertThat(client.next()).isEqualTo("[\"" + joinRef + "\",\"4\",\"room:lobby\",\"phx_reply\","
                    + "{\"response\":{\"still\":\"here\"},\"status\":\"ok\"}]");
        }
        assertThat(logs.warnings()).singleElement().asString().contains("reply cannot be encoded");
        assertThat(logs.withStackTraces()).isEmpty();
    }

    @Test
    void aJoinOnATopicNoRouteCoversIsAnsweredAndWarnedAbout() {
        try (RawClient client = RawClient.connect(server.wsUrl("token=" + server.token("alice") + "&vsn=2.0.0"))) {
            client.send("[\"1\",\"1\",\"nowhere:1\",\"phx_join\",{}]");
            assertThat(client.next()).isEqualTo("[null,\"1\",\"nowhere:1\",\"phx_reply\","
                    + "{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]");
        }
        assertThat(logs.warnings()).singleElement().asString().contains("Ignoring unmatched topic \"nowhere:1\" in UserSocket");
    }

    @Test
    void aCrashIsReportedWithTheChannelClassTopicAndEvent() {
        try (RawClient client = joined("1")) {
            client.send("[\"1\",\"2\",\"room:lobby\",\"crash\",{}]");
            assertThat(client.next()).isEqualTo("[\"1\",\"1\",\"room:lobby\",\"phx_error\",{}]");
        }
        assertThat(logs.withStackTraces()).singleElement().asString()
                .contains("Channel room:lobby (RoomChannel) crashed in handle_in \"crash\"");
    }
}
