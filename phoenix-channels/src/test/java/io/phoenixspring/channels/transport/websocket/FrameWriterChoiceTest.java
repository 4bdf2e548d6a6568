package io.phoenixspring.channels.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.channels.support.TestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Which writer a WebSocket gets, and that frames come out right with each: the direct system-call
 * writer only on a plain-TCP pipeline of Reactor Netty's own handlers; TLS, wiretap, or the switch
 * turned off put every frame through Netty's pipeline, byte for byte the same frames.
 */
class FrameWriterChoiceTest {

    private static final String JOIN = "[\"1\",\"1\",\"room:lobby\",\"phx_join\",{}]";
    private static final String JOINED = "[\"1\",\"1\",\"room:lobby\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]";

    @Test
    void aPlainTcpSocketOfReactorNettyWritesDirectly() {
        try (TestServer server = new TestServer()) {
            assertThat(writerAfterRoundTrip(server)).isInstanceOf(DirectWriter.class);
        }
    }

    @Test
    void theSwitchTurnsDirectWritesOff() {
        try (TestServer server = TestServer.customized(options -> options.withDirectWrites(false), UnaryOperator.identity())) {
            assertThat(writerAfterRoundTrip(server)).isInstanceOfSatisfying(PipelineWriter.class,
                    writer -> assertThat(writer.writesFrameObjects()).as("bytes enter at the frame encoder").isFalse());
        }
    }

    @Test
    void aWiretappedPipelineSeesEveryFrame() {
        try (TestServer server = TestServer.customized(UnaryOperator.identity(), http -> http.wiretap(true))) {
            assertThat(writerAfterRoundTrip(server)).isInstanceOfSatisfying(PipelineWriter.class,
                    writer -> assertThat(writer.writesFrameObjects()).isFalse());
        }
    }

    @Test
    void perMessageCompressionGoesThroughThePipeline() throws Exception {
        try (TestServer server = TestServer.customized(options -> options.withCompress(true), UnaryOperator.identity());
                io.phoenixspring.channels.support.WireClient client = io.phoenixspring.channels.support.WireClient.connect(
                        server, "alice", 0, "Sec-WebSocket-Extensions: permessage-deflate\r\n")) {
            assertThat(client.handshake).containsIgnoringCase("permessage-deflate");
            client.sendText(JOIN);
            // One inflater for the connection: the server keeps its compression context between messages.
            java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
            assertThat(inflated(inflater, client.nextFrame())).isEqualTo(JOINED);
            assertThat(server.webSocketTransport().writers()).singleElement().isInstanceOfSatisfying(PipelineWriter.class,
                    writer -> assertThat(writer.writesFrameObjects()).as("the deflate encoder works on frames").isTrue());
            server.endpoint.broadcast("room:lobby", "new_msg", Map.of("body", "hi", "user", "system")).join();
            assertThat(inflated(inflater, client.nextFrame()))
                    .isEqualTo("[null,null,\"room:lobby\",\"new_msg\",{\"body\":\"hi\",\"user\":\"system\"}]");
        }
    }

    /** A permessage-deflate text frame (RSV1 set) inflated as RFC 7692 says: the payload plus 00 00 ff ff. */
    private static String inflated(java.util.zip.Inflater inflater, Map.Entry<Integer, byte[]> frame) throws Exception {
        assertThat(frame.getKey() & 0x40).as("RSV1: the frame is compressed").isEqualTo(0x40);
        assertThat(frame.getKey() & 0x0f).as("text").isEqualTo(1);
        byte[] payload = frame.getValue();
        byte[] input = java.util.Arrays.copyOf(payload, payload.length + 4);
        input[payload.length + 2] = (byte) 0xff;
        input[payload.length + 3] = (byte) 0xff;
        inflater.setInput(input);
        byte[] out = new byte[64 * 1024];
        int n = inflater.inflate(out);
        return new String(out, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void framesOverTlsAreEncryptedByTheSslHandler() {
        try (TestServer server = TestServer.tls(UnaryOperator.identity(), UnaryOperator.identity())) {
            assertThat(writerAfterRoundTrip(server)).isInstanceOfSatisfying(PipelineWriter.class,
                    writer -> assertThat(writer.writesFrameObjects()).isFalse());
        }
    }

    @Test
    void largeAndBinaryFramesOverTlsArriveWhole() {
        try (TestServer server = TestServer.tls(UnaryOperator.identity(), UnaryOperator.identity());
                RawClient client = RawClient.connect(server.wsUrl("token=" + server.token("alice") + "&vsn=2.0.0"))) {
            client.send(JOIN);
            assertThat(client.next()).isEqualTo(JOINED);
            String big = "y".repeat(900_000);
            client.send("[\"1\",\"2\",\"room:lobby\",\"ping\",{\"big\":\"" + big + "\"}]");
            assertThat(client.next()).isEqualTo("[\"1\",\"2\",\"room:lobby\",\"phx_reply\",{\"response\":{\"big\":\""
                    + big + "\"},\"status\":\"ok\"}]");
            // A V2 binary push (kind 0, join_ref "1", ref "3", topic, event "binary", 3 bytes) and its binary reply.
            client.sendBinary(binaryPush());
            assertThat(client.next()).isEqualTo("bin:" + HexFormat.of().formatHex(binaryReply()));
        }
    }

    @Test
    void noCpuIsLeftBurningAfterTlsClientsVanish() throws Exception {
        try (TestServer server = TestServer.tls(UnaryOperator.identity(), UnaryOperator.identity())) {
            List<RawClient> clients = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                RawClient client = RawClient.connect(server.wsUrl("token=" + server.token("u" + i) + "&vsn=2.0.0"));
                client.send(JOIN);
                assertThat(client.next()).isEqualTo(JOINED);
                clients.add(client);
            }
            for (int i = 0; i < 50; i++) {
                server.endpoint.broadcast("room:lobby", "new_msg", Map.of("body", "m" + i, "user", "system"));
            }
            // Gone without a close handshake, mid-stream.
            clients.forEach(RawClient::abort);
            Thread.sleep(1500);
            long before = serverThreadsCpuNanos();
            Thread.sleep(2000);
            long burnt = serverThreadsCpuNanos() - before;
            assertThat(burnt).as("CPU used by the server's threads in 2 s with no client (ns)").isLessThan(100_000_000L);
            assertThat(server.runtime.connectionCount()).isZero();
        }
    }

    private static long serverThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("reactor-") || info.getThreadName().startsWith("phoenix"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** A join, a broadcast to the socket and a reply, exactly as the protocol writes them; returns the socket's writer. */
    private static FrameWriter writerAfterRoundTrip(TestServer server) {
        return writerAfterRoundTrip(server, false);
    }

    private static FrameWriter writerAfterRoundTrip(TestServer server, boolean deflate) {
        String url = server.wsUrl("token=" + server.token("alice") + "&vsn=2.0.0");
        try (RawClient client = deflate ? RawClient.connectWithHeaders(url,
                java.util.Map.of("Sec-WebSocket-Extensions", "permessage-deflate")) : RawClient.connect(url)) {
            client.send(JOIN);
            assertThat(client.next()).isEqualTo(JOINED);
            server.endpoint.broadcast("room:lobby", "new_msg", Map.of("body", "hi", "user", "system")).join();
            assertThat(client.next()).isEqualTo("[null,null,\"room:lobby\",\"new_msg\",{\"body\":\"hi\",\"user\":\"system\"}]");
            String filler = "z".repeat(70_000);
            client.send("[\"1\",\"2\",\"room:lobby\",\"ping\",{\"filler\":\"" + filler + "\"}]");
            assertThat(client.next()).isEqualTo("[\"1\",\"2\",\"room:lobby\",\"phx_reply\",{\"response\":{\"filler\":\""
                    + filler + "\"},\"status\":\"ok\"}]");
            List<FrameWriter> writers = server.webSocketTransport().writers();
            assertThat(writers).hasSize(1);
            return writers.get(0);
        }
    }

    private static byte[] binaryPush() {
        return RawClient.binaryFrame(0, "1", "3", "room:lobby", "binary", new byte[] {1, 2, 3});
    }

    private static byte[] binaryReply() {
        // kind 1 (reply): join_ref, ref, topic, status "ok", payload
        return RawClient.binaryFrame(1, "1", "3", "room:lobby", "ok", new byte[] {1, 2, 3});
    }
}
