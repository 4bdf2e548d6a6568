package io.phoenixspring.channels.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.TestServer;
import io.phoenixspring.channels.support.WireClient;
import io.phoenixspring.pubsub.PubSub;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What happens on the wire when a client stops reading: broadcasts are written straight to the
 * socket while it takes them, then queue behind the bytes the kernel would not take, and come out
 * whole and in order once the client reads again; a client that stays behind past the outbound
 * limit is disconnected while the others on the topic get everything. A plain TCP socket plays the
 * client so that it can really stop reading.
 */
class WebSocketBackpressureTest {

    private static final int FRAMES = 120;
    private static final String FILLER = "x".repeat(64 * 1024);

    @org.junit.jupiter.params.ParameterizedTest(name = "direct writes: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aClientThatPausesGetsEveryFrameWholeAndInOrder(boolean direct) throws Exception {
        try (TestServer server = new TestServer(0, options -> options.withOutboundLimit(1000).withDirectWrites(direct),
                PubSub.builder().build());
                WireClient paused = WireClient.connect(server, "alice")) {
            paused.join("room:bp");
            for (int seq = 0; seq < FRAMES; seq++) {
                server.endpoint.broadcast("room:bp", "chunk", Map.of("seq", seq, "filler", FILLER)).join();
            }
            // ~7.7 MB is far more than loopback buffers hold: most of it waits in the server.
            Thread.sleep(300);
            for (int seq = 0; seq < FRAMES; seq++) {
                assertThat(paused.nextText())
                        .isEqualTo("[null,null,\"room:bp\",\"chunk\",{\"filler\":\"" + FILLER + "\",\"seq\":" + seq + "}]");
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "direct writes: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aClientThatStaysBehindIsDisconnectedAndTheOthersKeepUp(boolean direct) throws Exception {
        try (TestServer server = new TestServer(0, options -> options.withOutboundLimit(16).withDirectWrites(direct),
                PubSub.builder().build());
                WireClient stalled = WireClient.connect(server, "alice");
                WireClient reader = WireClient.connect(server, "bob")) {
            stalled.join("room:slow");
            reader.join("room:slow");
            for (int seq = 0; seq < FRAMES; seq++) {
                server.endpoint.broadcast("room:slow", "chunk", Map.of("seq", seq, "filler", FILLER)).join();
                assertThat(reader.nextText()).endsWith("\",\"seq\":" + seq + "}]");
            }
            // The stalled client gets what fitted, then a close frame (1013, try again later) or the end of the stream.
            assertThat(stalled.drainUntilClosed()).isLessThan(FRAMES);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "direct writes: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aClientThatNeverReadsLargeBroadcastsIsCutAtTheByteBoundAndItsMemoryIsGivenBack(boolean direct) throws Exception {
        long baseline = io.netty.util.internal.PlatformDependent.usedDirectMemory();
        String half = "h".repeat(500 * 1024);
        int broadcasts = 60;
        try (TestServer server = new TestServer(0, options -> options.withOutboundByteLimit(4L * 1024 * 1024)
                .withDirectWrites(direct), PubSub.builder().build())) {
            try (WireClient stalled = WireClient.connect(server, "alice", 4096);
                    WireClient reader = WireClient.connect(server, "bob")) {
                stalled.join("room:big");
                reader.join("room:big");
                for (int seq = 0; seq < broadcasts; seq++) {
                    server.endpoint.broadcast("room:big", "chunk", Map.of("seq", seq, "filler", half)).join();
                    assertThat(reader.nextText()).endsWith("\",\"seq\":" + seq + "}]");
                }
                // ~30 MB went out; the client that never read was cut near 4 MB, without reading its close frame.
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (server.runtime.connectionCount() > 1 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(server.runtime.connectionCount()).as("only the reader is still connected").isEqualTo(1);
                assertThat(stalled.drainUntilClosed()).isLessThan(broadcasts);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while ((server.runtime.connectionCount() > 0 || !server.webSocketTransport().loopsHoldNoLargeBuffer())
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(server.webSocketTransport().loopsHoldNoLargeBuffer()).as("the loops let go of the large frames").isTrue();
            assertThat(io.netty.util.internal.PlatformDependent.usedDirectMemory() - baseline)
                    .as("direct memory still held once every client is gone (bytes)").isLessThan(8L * 1024 * 1024);
        }
    }
}
