package io.phoenixspring.web.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.phoenixspring.web.support.CapturedLogs;
import io.phoenixspring.web.support.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The limits on a real Reactor Netty server, driven by raw sockets as a misbehaving client would:
 * heads that never finish or drip in are closed, keep-alive and WebSockets are not, and the
 * connection past the cap is closed while the others stay served.
 */
class HttpServerLimitsTest {

    private static final String GET = "GET /hello HTTP/1.1\r\nhost: localhost\r\n\r\n";

    private final List<Socket> sockets = new ArrayList<>();
    private DisposableServer server;

    private void start(HttpServerLimits limits) {
        HttpServer plain = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/hello", (req, res) -> res.sendString(Mono.just("hello")))
                        .ws("/ws", (in, out) -> out.sendString(in.receive().asString())));
        server = limits.apply(plain).bindNow(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.disposeNow(Duration.ofSeconds(5));
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** @return everything read until the server closes; fails when it has not closed within the socket's timeout */
    private static String readUntilClosed(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aHeadThatStopsHalfwayIsAnswered408AndClosedAfterTheHeaderTimeout() throws Exception {
        start(HttpServerLimits.defaults().withHeaderTimeout(Duration.ofMillis(500)));
        Socket socket = connect();
        long started = System.nanoTime();
        send(socket, "GET /hello HTTP/1.1\r\nhost: localhost\r\n");
        String answer = readUntilClosed(socket);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout\r\n");
        assertThat(tookMillis).isBetween(400L, 3_000L);
    }

    @Test
    void aConnectionThatNeverSendsIsClosedAfterTheHeaderTimeout() throws Exception {
        start(HttpServerLimits.defaults().withHeaderTimeout(Duration.ofMillis(500)));
        Socket socket = connect();
        long started = System.nanoTime();
        assertThat(readUntilClosed(socket)).isEmpty();
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(400L, 3_000L);
    }

    @Test
    void aHeadDrippingInByteByByteIsClosedThoughEachByteComesBeforeTheIdleTimeout() throws Exception {
        start(HttpServerLimits.defaults().withHeaderTimeout(Duration.ofMillis(800)).withIdleTimeout(Duration.ofSeconds(2)));
        Socket socket = connect();
        socket.setSoTimeout(100);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] drip = "GET /hello HTTP/1.1\r\nhost: localhost\r\nx-slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        long started = System.nanoTime();
        StringBuilder answer = new StringBuilder();
        boolean closed = false;
        for (int i = 0; i < drip.length && !closed; i++) {
            try {
                out.write(drip[i]);
                out.flush();
            } catch (SocketException reset) {
                closed = true;
                break;
            }
            long until = System.nanoTime() + 200_000_000L; // a byte every 200 ms: ~15 s for the whole head
            while (System.nanoTime() < until) {
                try {
                    int b = in.read();
                    if (b < 0) {
                        closed = true;
                        break;
                    }
                    answer.append((char) b);
                } catch (SocketTimeoutException nothingYet) {
                    // keep dripping
                } catch (SocketException reset) {
                    closed = true;
                    break;
                }
            }
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(closed).as("closed by the server").isTrue();
        assertThat(answer.toString()).startsWith("HTTP/1.1 408 Request Timeout\r\n");
        assertThat(tookMillis).isBetween(700L, 4_000L);
    }

    @Test
    void completeRequestsAreServedAndKeepAliveMayIdleLongerThanTheHeaderTimeoutButNotTheIdleTimeout() throws Exception {
        start(HttpServerLimits.defaults().withHeaderTimeout(Duration.ofMillis(500)).withIdleTimeout(Duration.ofMillis(1500)));
        Socket socket = connect();
        send(socket, GET);
        assertThat(RawHttp.readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200 OK\r\n").endsWith("hello");
        Thread.sleep(900);
        send(socket, GET);
        assertThat(RawHttp.readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200 OK\r\n").endsWith("hello");
        long idleFrom = System.nanoTime();
        assertThat(readUntilClosed(socket)).isEmpty();
        assertThat((System.nanoTime() - idleFrom) / 1_000_000).isBetween(1_200L, 4_000L);
    }

    @Test
    void anUpgradedWebSocketIdleLongerThanBothTimeoutsStaysOpen() throws Exception {
        start(HttpServerLimits.defaults().withHeaderTimeout(Duration.ofMillis(300)).withIdleTimeout(Duration.ofMillis(600)));
        Socket socket = connect();
        send(socket, "GET /ws HTTP/1.1\r\nhost: localhost\r\nupgrade: websocket\r\nconnection: Upgrade\r\n"
                + "sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\nsec-websocket-version: 13\r\n\r\n");
        assertThat(RawHttp.readResponse(socket.getInputStream())).startsWith("HTTP/1.1 101 Switching Protocols\r\n");
        Thread.sleep(2_000);
        // A masked text frame "hi" (RFC 6455 5.2), echoed back unmasked.
        byte[] mask = {1, 2, 3, 4};
        byte[] payload = "hi".getBytes(StandardCharsets.US_ASCII);
        byte[] frame = {(byte) 0x81, (byte) (0x80 | payload.length), mask[0], mask[1], mask[2], mask[3],
                (byte) (payload[0] ^ mask[0]), (byte) (payload[1] ^ mask[1])};
        socket.getOutputStream().write(frame);
        socket.getOutputStream().flush();
        byte[] echoed = socket.getInputStream().readNBytes(4);
        assertThat(echoed).containsExactly(0x81, 2, 'h', 'i');
    }

    @Test
    void theConnectionPastTheCapIsClosedWhileTheOthersAreServedAndFreedPlacesAreReused() throws Exception {
        start(HttpServerLimits.defaults().withMaxConnections(3));
        List<Socket> admitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket socket = connect();
            send(socket, GET);
            assertThat(RawHttp.readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200 OK\r\n");
            admitted.add(socket);
        }
        try (CapturedLogs logs = new CapturedLogs()) {
            for (int i = 0; i < 3; i++) {
                Socket refused = connect();
                assertThat(readOrReset(refused)).isEmpty();
            }
            assertThat(logs.warnings()).as(logs.describe()).hasSize(1);
            assertThat(logs.warnings().get(0).getFormattedMessage()).contains("Refused 1 connection(s)")
                    .contains("3 connections are open");
        }
        for (Socket socket : admitted) {
            send(socket, GET);
            assertThat(RawHttp.readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200 OK\r\n");
        }
        for (Socket socket : admitted) {
            socket.close();
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Socket again = connect();
            send(again, GET);
            assertThat(RawHttp.readResponse(again.getInputStream())).startsWith("HTTP/1.1 200 OK\r\n");
        });
    }

    private static String readOrReset(Socket socket) throws IOException {
        try {
            return readUntilClosed(socket);
        } catch (SocketException reset) {
            return "";
        }
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> HttpServerLimits.defaults().withMaxConnections(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> HttpServerLimits.defaults().withHeaderTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headerTimeout");
    }
}
