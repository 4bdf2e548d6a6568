package io.phoenixspring.channels.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.TestServer;
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

    @Test
    void aClientThatPausesGetsEveryFrameWholeAndInOrder() throws Exception {
        try (TestServer server = new TestServer(0, options -> options.withOutboundLimit(1000), PubSub.builder().build());
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

    @Test
    void aClientThatStaysBehindIsDisconnectedAndTheOthersKeepUp() throws Exception {
        try (TestServer server = new TestServer(0, options -> options.withOutboundLimit(16), PubSub.builder().build());
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

    @Test
    void aClientThatNeverReadsLargeBroadcastsIsCutAtTheByteBoundAndItsMemoryIsGivenBack() throws Exception {
        long baseline = io.netty.util.internal.PlatformDependent.usedDirectMemory();
        String half = "h".repeat(500 * 1024);
        int broadcasts = 60;
        try (TestServer server = new TestServer(0, options -> options.withOutboundByteLimit(4L * 1024 * 1024),
                PubSub.builder().build())) {
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

    /** A minimal WebSocket client on a blocking socket: masks what it sends, reads frames on demand. */
    private static final class WireClient implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;

        private WireClient(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        static WireClient connect(TestServer server, String user) throws IOException {
            return connect(server, user, 0);
        }

        /** With {@code receiveBuffer} bytes of kernel receive buffer (0: the system's), so a client that stops reading stops soon. */
        static WireClient connect(TestServer server, String user, int receiveBuffer) throws IOException {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            socket.setSoTimeout(10_000);
            WireClient client = new WireClient(socket);
            String request = "GET /socket/websocket?vsn=2.0.0&token=" + server.token(user) + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + server.port() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            client.out.write(request.getBytes(StandardCharsets.US_ASCII));
            client.out.flush();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                head.write(client.in.readUnsignedByte());
            }
            assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
            return client;
        }

        void join(String topic) throws IOException {
            sendText("[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{}]");
            assertThat(nextText()).isEqualTo("[\"1\",\"1\",\"" + topic + "\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        }

        void sendText(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            byte[] mask = {1, 2, 3, 4};
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x81);
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else {
                frame.write(0x80 | 126);
                frame.write(payload.length >> 8);
                frame.write(payload.length & 0xff);
            }
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            out.flush();
        }

        /** The next text frame's payload; fails on anything else. */
        String nextText() throws IOException {
            int first = in.readUnsignedByte();
            assertThat(first).as("FIN + text opcode").isEqualTo(0x81);
            return new String(payload(), StandardCharsets.UTF_8);
        }

        private byte[] payload() throws IOException {
            int second = in.readUnsignedByte();
            assertThat(second & 0x80).as("server frames are not masked").isZero();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            return payload;
        }

        /** Reads frames until a close frame or the end of the stream; returns how many text frames came first. */
        int drainUntilClosed() throws IOException {
            int texts = 0;
            try {
                while (true) {
                    int first = in.readUnsignedByte();
                    byte[] payload = payload();
                    if ((first & 0x0f) == 0x8) {
                        int code = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
                        assertThat(code).isEqualTo(1013);
                        return texts;
                    }
                    texts++;
                }
            } catch (EOFException | java.net.SocketException end) {
                return texts;
            } catch (SocketTimeoutException stuck) {
                throw new AssertionError("the server neither closed nor finished the stalled socket", stuck);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
