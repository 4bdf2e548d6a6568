package io.phoenixspring.channels.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.channels.support.TestServer;
import io.phoenixspring.token.TokenOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Frame-for-frame replays of shared/phoenix-wire-transcripts.md (captured from Phoenix 1.7.18)
 * against our WebSocket transport. Presence frames of the room contract are left out here; the
 * presence module's tests cover them.
 */
class WebSocketWireTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawClient alice(String vsn) {
        return RawClient.connect(server.wsUrl("token=" + server.token("alice") + (vsn == null ? "" : "&vsn=" + vsn)));
    }

    @Test
    void refusedConnectsAreHttp403() {
        assertThat(RawClient.refusal(server.wsUrl("token=not-a-token&vsn=2.0.0"))).isEqualTo(403);
        assertThat(RawClient.refusal(server.wsUrl("vsn=2.0.0"))).isEqualTo(403);
        String token = server.token("alice");
        String tampered = token.substring(0, token.length() - 2) + "AA";
        assertThat(RawClient.refusal(server.wsUrl("token=" + tampered + "&vsn=2.0.0"))).isEqualTo(403);
        assertThat(RawClient.refusal(server.wsUrl("token=" + token + "&vsn=3.0.0"))).isEqualTo(403);
        String expired = server.tokens.sign("user socket", "alice",
                TokenOptions.defaults().withSignedAt(Instant.now().minusSeconds(86401)));
        assertThat(RawClient.refusal(server.wsUrl("token=" + expired + "&vsn=2.0.0"))).isEqualTo(403);
        String almostExpired = server.tokens.sign("user socket", "alice",
                TokenOptions.defaults().withSignedAt(Instant.now().minusSeconds(86399)));
        assertThat(RawClient.refusal(server.wsUrl("token=" + almostExpired + "&vsn=2.0.0"))).isEqualTo(101);
    }

    @Test
    void authTokenTravelsInTheSubprotocolHeaderAndPhoenixIsSelected() {
        String authToken = "base64url.bearer.phx." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(server.token("alice").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (RawClient a = RawClient.connect(server.wsUrl("vsn=2.0.0"), null, "phoenix", authToken)) {
            assertThat(a.subprotocol()).isEqualTo("phoenix");
            a.send("[\"1\",\"1\",\"room:auth\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:auth\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        }
    }

    @Test
    void oversizedFramesCloseTheSocketWith1009() {
        // A small limit, so that the client has written the whole frame before the server closes:
        // a close racing a large write can reach the client as a connection reset instead.
        try (TestServer small = new TestServer(0, options -> options.withMaxFrameSize(1024), io.phoenixspring.pubsub.PubSub.builder().build());
                RawClient a = RawClient.connect(small.wsUrl("token=" + small.token("alice") + "&vsn=2.0.0"))) {
            a.send("[null,\"1\",\"phoenix\",\"heartbeat\",\"" + "x".repeat(2048) + "\"]");
            assertThat(a.closeCode(Duration.ofSeconds(5))).isEqualTo(1009);
        }
    }

    @Test
    void joinFloodsAreRefusedPastTheChannelLimit() {
        try (TestServer small = new TestServer(0, options -> options.withMaxChannels(3), io.phoenixspring.pubsub.PubSub.builder().build());
                RawClient a = RawClient.connect(small.wsUrl("token=" + small.token("alice") + "&vsn=2.0.0"))) {
            for (int i = 1; i <= 3; i++) {
                a.send("[\"" + i + "\",\"" + i + "\",\"room:" + i + "\",\"phx_join\",{}]");
                assertThat(a.next()).contains("\"status\":\"ok\"");
            }
            a.send("[\"4\",\"4\",\"room:4\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[\"4\",\"4\",\"room:4\",\"phx_reply\",{\"response\":{\"reason\":\"too many channels\"},\"status\":\"error\"}]");
            // Rejoining a joined topic is not a new channel, and the socket keeps working.
            a.send("[\"5\",\"5\",\"room:1\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[\"5\",\"5\",\"room:1\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        }
    }

    @Test
    void idleSocketsAreClosedWith1002() {
        try (TestServer quick = new TestServer(0, options -> options.withWebsocketTimeout(Duration.ofMillis(500)),
                io.phoenixspring.pubsub.PubSub.builder().build());
                RawClient a = RawClient.connect(quick.wsUrl("token=" + quick.token("alice") + "&vsn=2.0.0"))) {
            assertThat(a.closeCode(Duration.ofSeconds(5))).isEqualTo(1002);
        }
    }

    @Test
    void broadcastsToASilentClientDoNotKeepItOpen() throws Exception {
        // Phoenix's timeout runs from the last data the server received, not from what it sent.
        try (TestServer quick = new TestServer(0, options -> options.withWebsocketTimeout(Duration.ofMillis(800)),
                io.phoenixspring.pubsub.PubSub.builder().build());
                RawClient a = RawClient.connect(quick.wsUrl("token=" + quick.token("alice") + "&vsn=2.0.0"))) {
            a.send("[\"1\",\"1\",\"room:quiet\",\"phx_join\",{}]");
            a.next();
            java.util.concurrent.ScheduledExecutorService ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            try {
                ticker.scheduleAtFixedRate(() -> quick.endpoint.broadcast("room:quiet", "tick", Map.of()), 0, 100,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                assertThat(a.closeCode(Duration.ofSeconds(5))).isEqualTo(1002);
            } finally {
                ticker.shutdownNow();
            }
        }
    }

    @Test
    void connectInfoCarriesPeerUriXHeadersAndUserAgent() throws Exception {
        RawClient client = RawClient.connectWithHeaders(server.wsUrl("token=" + server.token("alice") + "&vsn=2.0.0"),
                Map.of("X-Tenant", "acme", "User-Agent-Hint", "ignored"));
        try (client) {
            client.send("[\"1\",\"1\",\"room:info\",\"phx_join\",{}]");
            client.next();
            client.send("[\"1\",\"2\",\"room:info\",\"connect_info\",{}]");
            String reply = client.next();
            assertThat(reply).contains("\"peer\":\"127.0.0.1\"", "\"uri_path\":\"/socket/websocket\"",
                    "\"x-tenant\":\"acme\"", "\"user_agent\":\"Java-http-client");
        }
    }

    @Test
    void compressionCanBeSwitchedOn() {
        try (TestServer compressed = new TestServer(0, options -> options.withCompress(true), io.phoenixspring.pubsub.PubSub.builder().build())) {
            String frames = reactor.netty.http.client.HttpClient.create()
                    .websocket(reactor.netty.http.client.WebsocketClientSpec.builder().compress(true).build())
                    .uri(compressed.wsUrl("token=" + compressed.token("alice") + "&vsn=2.0.0"))
                    .handle((in, out) -> out.sendString(reactor.core.publisher.Mono.just("[null,\"1\",\"phoenix\",\"heartbeat\",{}]"))
                            .then()
                            .thenMany(in.receive().asString().take(1)))
                    .blockFirst(Duration.ofSeconds(5));
            assertThat(frames).isEqualTo("[null,\"1\",\"phoenix\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        }
    }

    @Test
    void originIsChecked() {
        String url = server.wsUrl("token=" + server.token("alice") + "&vsn=2.0.0");
        assertThat(RawClient.refusal(url, "http://evil.example")).isEqualTo(403);
        assertThat(RawClient.refusal(url, "http://127.0.0.1:5173")).isEqualTo(101);
        assertThat(RawClient.refusal(url, "http://localhost:4000")).isEqualTo(101);
    }

    @Test
    void heartbeatIsAnsweredAndItsPayloadIgnored() {
        try (RawClient a = alice("2.0.0")) {
            a.send("[null,\"1\",\"phoenix\",\"heartbeat\",{}]");
            assertThat(a.next()).isEqualTo("[null,\"1\",\"phoenix\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            a.send("[null,\"2\",\"phoenix\",\"heartbeat\",{\"ignored\":true}]");
            assertThat(a.next()).isEqualTo("[null,\"2\",\"phoenix\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            a.send("[null,null,\"phoenix\",\"heartbeat\",{}]");
            assertThat(a.next()).isEqualTo("[null,null,\"phoenix\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            assertThat(a.closeAndAwait(1000)).isEqualTo(1000);
        }
    }

    @Test
    void joinPingErrorReplyNewMessageAndLeave() {
        try (RawClient a = alice("2.0.0")) {
            a.send("[\"1\",\"1\",\"room:lobby\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:lobby\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            a.send("[\"1\",\"2\",\"room:lobby\",\"ping\",{\"n\":1,\"s\":\"x\"}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"2\",\"room:lobby\",\"phx_reply\",{\"response\":{\"n\":1,\"s\":\"x\"},\"status\":\"ok\"}]");
            a.send("[\"1\",\"3\",\"room:lobby\",\"ping\",[1,2,3]]");
            assertThat(a.next()).isEqualTo("[\"1\",\"3\",\"room:lobby\",\"phx_reply\",{\"response\":[1,2,3],\"status\":\"ok\"}]");
            a.send("[\"1\",\"4\",\"room:lobby\",\"ping\",\"just a string\"]");
            assertThat(a.next()).isEqualTo("[\"1\",\"4\",\"room:lobby\",\"phx_reply\",{\"response\":\"just a string\",\"status\":\"ok\"}]");
            a.send("[\"1\",\"5\",\"room:lobby\",\"ping\",null]");
            assertThat(a.next()).isEqualTo("[\"1\",\"5\",\"room:lobby\",\"phx_reply\",{\"response\":null,\"status\":\"ok\"}]");
            a.send("[\"1\",\"6\",\"room:lobby\",\"error_reply\",{}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"6\",\"room:lobby\",\"phx_reply\",{\"response\":{\"reason\":\"bad\"},\"status\":\"error\"}]");
            a.send("[\"1\",\"7\",\"room:lobby\",\"new_msg\",{\"body\":\"hello\"}]");
            assertThat(a.next()).isEqualTo("[null,null,\"room:lobby\",\"new_msg\",{\"body\":\"hello\",\"user\":\"alice\"}]");
            a.send("[\"1\",\"8\",\"room:lobby\",\"set_status\",{\"status\":\"away\"}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"8\",\"room:lobby\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            a.send("[\"1\",\"9\",\"room:lobby\",\"phx_leave\",{}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"9\",\"room:lobby\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:lobby\",\"phx_close\",{}]");
            a.send("[\"1\",\"10\",\"room:lobby\",\"ping\",{}]");
            assertThat(a.next()).isEqualTo("[null,\"10\",\"room:lobby\",\"phx_reply\",{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]");
        }
    }

    @Test
    void joinWithNullJoinRefIsAnsweredWithNull() {
        try (RawClient a = alice("2.0.0")) {
            a.send("[\"7\",\"7\",\"room:a\",\"phx_join\",{\"anything\":1}]");
            assertThat(a.next()).isEqualTo("[\"7\",\"7\",\"room:a\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            a.send("[null,\"8\",\"room:b\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[null,\"8\",\"room:b\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        }
    }

    @Test
    void refusedJoinAndUnmatchedTopics() {
        try (RawClient a = alice("2.0.0")) {
            a.send("[\"1\",\"1\",\"room:secret\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:secret\",\"phx_reply\",{\"response\":{\"reason\":\"unauthorized\"},\"status\":\"error\"}]");
            a.send("[\"1\",\"2\",\"room:secret\",\"ping\",{}]");
            assertThat(a.next()).isEqualTo("[null,\"2\",\"room:secret\",\"phx_reply\",{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]");
            a.send("[\"1\",\"1\",\"nosuch:topic\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[null,\"1\",\"nosuch:topic\",\"phx_reply\",{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]");
            a.send("[null,\"2\",\"room:notjoined\",\"ping\",{}]");
            assertThat(a.next()).isEqualTo("[null,\"2\",\"room:notjoined\",\"phx_reply\",{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]");
            a.send("[\"5\",\"3\",\"room:notjoined\",\"phx_leave\",{}]");
            assertThat(a.next()).isEqualTo("[\"5\",\"3\",\"room:notjoined\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            a.send("[null,\"4\",\"phoenix\",\"something_else\",{}]");
            assertThat(a.next()).isEqualTo("[null,\"4\",\"phoenix\",\"phx_reply\",{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]");
        }
    }

    @Test
    void duplicateJoinClosesTheOldChannelAfterTheNewReply() {
        try (RawClient a = alice("2.0.0")) {
            a.send("[\"1\",\"1\",\"room:dup\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:dup\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            a.send("[\"2\",\"2\",\"room:dup\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[\"2\",\"2\",\"room:dup\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:dup\",\"phx_close\",{}]");
            a.send("[\"2\",\"3\",\"room:dup\",\"ping\",{\"after\":\"dup\"}]");
            assertThat(a.next()).isEqualTo("[\"2\",\"3\",\"room:dup\",\"phx_reply\",{\"response\":{\"after\":\"dup\"},\"status\":\"ok\"}]");
            a.send("[\"1\",\"4\",\"room:dup\",\"ping\",{\"old\":\"join_ref\"}]");
            assertThat(a.next()).isEqualTo("[\"2\",\"4\",\"room:dup\",\"phx_reply\",{\"response\":{\"old\":\"join_ref\"},\"status\":\"ok\"}]");
            // Only one subscription remains: a broadcast arrives once.
            a.send("[\"2\",\"5\",\"room:dup\",\"new_msg\",{\"body\":\"once\"}]");
            assertThat(a.next()).isEqualTo("[null,null,\"room:dup\",\"new_msg\",{\"body\":\"once\",\"user\":\"alice\"}]");
            assertThat(a.nothingFor(Duration.ofMillis(200))).isNull();
        }
    }

    @Test
    void crashSendsPhxErrorAndTheChannelCanRejoin() {
        try (RawClient a = alice("2.0.0")) {
            a.send("[\"1\",\"1\",\"room:crash\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:crash\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            a.send("[\"1\",\"2\",\"room:crash\",\"crash\",{}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:crash\",\"phx_error\",{}]");
            a.send("[\"1\",\"3\",\"room:crash\",\"ping\",{}]");
            assertThat(a.next()).isEqualTo("[null,\"3\",\"room:crash\",\"phx_reply\",{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]");
            a.send("[\"4\",\"4\",\"room:crash\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[\"4\",\"4\",\"room:crash\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        }
    }

    @Test
    void stopClosesTheChannelNormally() {
        try (RawClient a = alice("2.0.0")) {
            a.send("[\"1\",\"1\",\"room:stop\",\"phx_join\",{}]");
            a.next();
            a.send("[\"1\",\"2\",\"room:stop\",\"stop\",{}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:stop\",\"phx_close\",{}]");
            a.send("[\"1\",\"3\",\"room:stop\",\"ping\",{}]");
            assertThat(a.next()).isEqualTo("[null,\"3\",\"room:stop\",\"phx_reply\",{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]");
        }
    }

    @Test
    void unknownEventsAndUnmatchedPayloadsCrashTheChannel() {
        try (RawClient a = alice("2.0.0")) {
            a.send("[\"1\",\"1\",\"room:x\",\"phx_join\",{}]");
            a.next();
            a.send("[\"1\",\"2\",\"room:x\",\"no_such_event\",{}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:x\",\"phx_error\",{}]");
            a.send("[\"3\",\"3\",\"room:x\",\"phx_join\",{}]");
            a.next();
            a.send("[\"3\",\"4\",\"room:x\",\"new_msg\",{\"nobody\":1}]");
            assertThat(a.next()).isEqualTo("[\"3\",\"3\",\"room:x\",\"phx_error\",{}]");
            a.send("[\"5\",\"5\",\"room:x\",\"phx_join\",{}]");
            a.next();
            a.send("[\"5\",\"6\",\"room:x\",\"binary\",{\"not\":\"binary\"}]");
            assertThat(a.next()).isEqualTo("[\"5\",\"5\",\"room:x\",\"phx_error\",{}]");
        }
    }

    @Test
    void broadcastsReachEverySubscriberIncludingTheSender() {
        try (RawClient a = alice("2.0.0"); RawClient b = alice("1.0.0");
                RawClient c = RawClient.connect(server.wsUrl("token=" + server.token("bob") + "&vsn=2.0.0"))) {
            a.send("[\"1\",\"1\",\"room:pres\",\"phx_join\",{}]");
            a.next();
            b.send("{\"topic\":\"room:pres\",\"event\":\"phx_join\",\"payload\":{},\"ref\":\"1\",\"join_ref\":\"1\"}");
            b.next();
            c.send("[\"1\",\"1\",\"room:pres\",\"phx_join\",{}]");
            c.next();
            c.send("[\"1\",\"2\",\"room:pres\",\"new_msg\",{\"body\":\"hi from bob\"}]");
            String v2 = "[null,null,\"room:pres\",\"new_msg\",{\"body\":\"hi from bob\",\"user\":\"bob\"}]";
            assertThat(a.next()).isEqualTo(v2);
            assertThat(c.next()).isEqualTo(v2);
            assertThat(b.next()).isEqualTo("{\"event\":\"new_msg\",\"payload\":{\"body\":\"hi from bob\",\"user\":\"bob\"},\"ref\":null,\"topic\":\"room:pres\"}");
            server.endpoint.broadcast("room:pres", "new_msg", java.util.Map.of("body", "from http", "user", "system")).join();
            assertThat(a.next()).isEqualTo("[null,null,\"room:pres\",\"new_msg\",{\"body\":\"from http\",\"user\":\"system\"}]");
        }
    }

    @Test
    void binaryPushesGetBinaryReplies() {
        try (RawClient a = alice("2.0.0")) {
            a.send("[\"1\",\"1\",\"room:bin\",\"phx_join\",{}]");
            a.next();
            a.sendBinary(hex("00010108063132726f6f6d3a62696e62696e617279000102fffe"));
            assertThat(a.next()).isEqualTo("bin:01010108023132726f6f6d3a62696e6f6b000102fffe");
            a.sendBinary(hex("00010108063133726f6f6d3a62696e62696e617279"));
            assertThat(a.next()).isEqualTo("bin:01010108023133726f6f6d3a62696e6f6b");
            a.sendBinary(hex("00010108043134726f6f6d3a62696e70696e676869"));
            assertThat(a.next()).isEqualTo("bin:01010108023134726f6f6d3a62696e6f6b6869");
            a.sendBinary(hex("00010108073135726f6f6d3a62696e6e65775f6d73676869"));
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:bin\",\"phx_error\",{}]");
            a.sendBinary(hex("0000010709367068 6f656e6978686561727462656174".replace(" ", "")));
            assertThat(a.next()).isEqualTo("[null,\"6\",\"phoenix\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            a.sendBinary(hex("000001080637726f6f6d3a7a7a7a62696e61727901"));
            assertThat(a.next()).isEqualTo("[null,\"7\",\"room:zzz\",\"phx_reply\",{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]");
        }
    }

    @Test
    void binaryFrameOfAnotherKindClosesTheSocketWith1011() {
        try (RawClient a = alice("2.0.0")) {
            a.sendBinary(hex("0101010702313170686f656e69786f6b"));
            assertThat(a.closeCode(Duration.ofSeconds(5))).isEqualTo(1011);
        }
    }

    @Test
    void v1ObjectsWithAndWithoutJoinRef() {
        try (RawClient a = alice("1.0.0")) {
            a.send("{\"topic\":\"phoenix\",\"event\":\"heartbeat\",\"payload\":{},\"ref\":\"1\"}");
            assertThat(a.next()).isEqualTo("{\"event\":\"phx_reply\",\"payload\":{\"response\":{},\"status\":\"ok\"},\"ref\":\"1\",\"topic\":\"phoenix\"}");
            a.send("{\"topic\":\"room:v1\",\"event\":\"phx_join\",\"payload\":{},\"ref\":\"2\",\"join_ref\":\"2\"}");
            assertThat(a.next()).isEqualTo("{\"event\":\"phx_reply\",\"payload\":{\"response\":{},\"status\":\"ok\"},\"ref\":\"2\",\"topic\":\"room:v1\"}");
            a.send("{\"topic\":\"room:v1\",\"event\":\"ping\",\"payload\":{\"v\":1},\"ref\":\"4\"}");
            assertThat(a.next()).isEqualTo("{\"event\":\"phx_reply\",\"payload\":{\"response\":{\"v\":1},\"status\":\"ok\"},\"ref\":\"4\",\"topic\":\"room:v1\"}");
            a.send("{\"topic\":\"room:v1\",\"event\":\"new_msg\",\"payload\":{\"body\":\"v1 hello\"},\"ref\":\"5\"}");
            assertThat(a.next()).isEqualTo("{\"event\":\"new_msg\",\"payload\":{\"body\":\"v1 hello\",\"user\":\"alice\"},\"ref\":null,\"topic\":\"room:v1\"}");
            a.send("{\"topic\":\"room:secret\",\"event\":\"phx_join\",\"payload\":{},\"ref\":\"7\"}");
            assertThat(a.next()).isEqualTo("{\"event\":\"phx_reply\",\"payload\":{\"response\":{\"reason\":\"unauthorized\"},\"status\":\"error\"},\"ref\":\"7\",\"topic\":\"room:secret\"}");
            a.send("{\"topic\":\"nosuch\",\"event\":\"phx_join\",\"payload\":{},\"ref\":\"8\"}");
            assertThat(a.next()).isEqualTo("{\"event\":\"phx_reply\",\"payload\":{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"},\"ref\":\"8\",\"topic\":\"nosuch\"}");
            a.send("{\"topic\":\"room:v1\",\"event\":\"crash\",\"payload\":{},\"ref\":\"9\"}");
            assertThat(a.next()).isEqualTo("{\"event\":\"phx_error\",\"payload\":{},\"ref\":\"2\",\"topic\":\"room:v1\"}");
            a.send("{\"topic\":\"room:v1\",\"event\":\"phx_join\",\"payload\":{},\"ref\":\"10\",\"join_ref\":\"10\"}");
            a.next();
            a.send("{\"topic\":\"room:v1\",\"event\":\"stop\",\"payload\":{},\"ref\":\"11\"}");
            assertThat(a.next()).isEqualTo("{\"event\":\"phx_close\",\"payload\":{},\"ref\":\"10\",\"topic\":\"room:v1\"}");
        }
    }

    @Test
    void v1SocketClosesOnBinaryFrames() {
        try (RawClient a = alice("1.0.0")) {
            a.sendBinary(hex("00010108063132726f6f6d3a76316262696e617279010203"));
            assertThat(a.closeCode(Duration.ofSeconds(5))).isEqualTo(1011);
        }
    }

    @Test
    void noVsnMeansV1() {
        try (RawClient a = alice(null)) {
            a.send("{\"topic\":\"phoenix\",\"event\":\"heartbeat\",\"payload\":{},\"ref\":\"1\"}");
            assertThat(a.next()).isEqualTo("{\"event\":\"phx_reply\",\"payload\":{\"response\":{},\"status\":\"ok\"},\"ref\":\"1\",\"topic\":\"phoenix\"}");
        }
    }

    @Test
    void malformedFramesCloseOnlyTheirSocketWith1011() {
        try (RawClient bystander = alice("2.0.0")) {
            bystander.send("[\"1\",\"1\",\"room:calm\",\"phx_join\",{}]");
            bystander.next();
            for (String bad : new String[] {"not json", "{\"topic\":\"x\"}", "[\"1\",\"1\",\"room:m\"]", "{}"}) {
                try (RawClient a = alice("2.0.0")) {
                    a.send(bad);
                    assertThat(a.closeCode(Duration.ofSeconds(5))).as(bad).isEqualTo(1011);
                }
            }
            try (RawClient a = alice("2.0.0")) {
                a.send("[1,2,3,4,5]");
                assertThat(a.next()).isEqualTo("[null,2,3,\"phx_reply\",{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]");
                assertThat(a.closeAndAwait(1000)).isEqualTo(1000);
            }
            bystander.send("[\"1\",\"2\",\"room:calm\",\"ping\",{\"still\":\"here\"}]");
            assertThat(bystander.next()).isEqualTo("[\"1\",\"2\",\"room:calm\",\"phx_reply\",{\"response\":{\"still\":\"here\"},\"status\":\"ok\"}]");
        }
    }

    @Test
    void disconnectBySocketIdClosesEverySocketOfThatUserOnly() {
        try (RawClient a = alice("2.0.0"); RawClient b = alice("1.0.0");
                RawClient c = RawClient.connect(server.wsUrl("token=" + server.token("bob") + "&vsn=2.0.0"))) {
            a.send("[\"1\",\"1\",\"room:dc\",\"phx_join\",{}]");
            a.next();
            server.endpoint.disconnect("user_socket:alice").join();
            assertThat(a.closeCode(Duration.ofSeconds(5))).isEqualTo(1011);
            assertThat(b.closeCode(Duration.ofSeconds(5))).isEqualTo(1011);
            c.send("[null,\"9\",\"phoenix\",\"heartbeat\",{}]");
            assertThat(c.next()).isEqualTo("[null,\"9\",\"phoenix\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        }
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
