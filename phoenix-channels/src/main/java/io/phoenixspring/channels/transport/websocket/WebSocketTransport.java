package io.phoenixspring.channels.transport.websocket;

import io.phoenixspring.channels.serializer.Frame;
import io.phoenixspring.channels.socket.MountedSocket;
import io.phoenixspring.channels.socket.Outbound;
import io.phoenixspring.channels.socket.SocketConnection;
import io.phoenixspring.channels.socket.SocketRuntime;
import io.phoenixspring.channels.transport.TransportRequests;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.util.concurrent.Queues;

/**
 * The WebSocket transport ({@code <path>/websocket}) on WebFlux and Reactor Netty. It checks the
 * origin and runs the socket's connect before upgrading, so a refusal is a plain HTTP 403 as in
 * Phoenix; after the upgrade it only moves frames between the network and the
 * {@link SocketConnection}: it knows nothing of channels.
 *
 * <pre>{@code
 * WebHandler websocket = new WebSocketTransport(runtime, mountedSocket);
 * }</pre>
 */
public final class WebSocketTransport implements WebHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);
    private static final List<String> SUBPROTOCOLS = List.of("phoenix");

    private final SocketRuntime runtime;
    private final MountedSocket mount;
    private final HandshakeWebSocketService handshake;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService idleSweeper;

    public WebSocketTransport(SocketRuntime runtime, MountedSocket mount) {
        this.runtime = runtime;
        this.mount = mount;
        this.handshake = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(() -> WebsocketServerSpec.builder()
                .maxFramePayloadLength(mount.options().maxFrameSize())
                .compress(mount.options().compress())
                .handlePing(true)));
        this.idleSweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "phoenix-ws-idle");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, Math.min(1000, mount.options().websocketTimeout().toMillis() / 10));
        idleSweeper.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET
                || !"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return exchange.getResponse().setComplete();
        }
        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (!mount.options().checkOrigin().allows(origin)) {
            log.warn("Refusing WebSocket connection to {}: origin {} is not allowed (check_origin)", mount.path(), origin);
            return forbidden(exchange);
        }
        Map<String, String> params = TransportRequests.params(exchange.getRequest());
        return runtime.authorize(mount, params, TransportRequests.connectInfo(exchange, mount), "websocket")
                .flatMap(connected -> connected.accepted()
                        ? handshake.handleRequest(exchange, new Handler(connected))
                        : forbidden(exchange));
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        return exchange.getResponse().setComplete();
    }

    private void closeIdle() {
        long limit = System.nanoTime() - mount.options().websocketTimeout().toNanos();
        for (Session session : sessions) {
            if (session.lastActivity < limit) {
                log.debug("Closing WebSocket idle for {}", mount.options().websocketTimeout());
                session.connection.closeWith(SocketConnection.CLOSE_PROTOCOL_ERROR, "timeout");
            }
        }
    }

    @Override
    public void close() {
        idleSweeper.shutdownNow();
    }

    /** Number of open WebSocket connections of this mount. */
    public int sessionCount() {
        return sessions.size();
    }

    private final class Handler implements WebSocketHandler {
        private final SocketRuntime.Connected connected;

        Handler(SocketRuntime.Connected connected) {
            this.connected = connected;
        }

        @Override
        public List<String> getSubProtocols() {
            return SUBPROTOCOLS;
        }

        @Override
        public Mono<Void> handle(WebSocketSession webSocket) {
            Session session = new Session(webSocket, mount.options().outboundLimit());
            session.connection = runtime.open(connected, session);
            sessions.add(session);
            Mono<Void> input = webSocket.receive()
                    .doOnNext(message -> {
                        session.touch();
                        session.connection.receive(toFrame(message));
                    })
                    .then();
            Mono<Void> output = webSocket.send(session.sink.asFlux().doOnNext(m -> session.pending.decrementAndGet()));
            return Mono.zip(input, output).then()
                    .onErrorResume(failure -> {
                        log.debug("WebSocket of {} failed", mount.path(), failure);
                        return Mono.empty();
                    })
                    .doFinally(signal -> {
                        sessions.remove(session);
                        session.sink.tryEmitComplete();
                        session.connection.closed();
                    });
        }
    }

    private static Frame toFrame(WebSocketMessage message) {
        DataBuffer payload = message.getPayload();
        byte[] bytes = new byte[payload.readableByteCount()];
        payload.read(bytes);
        return message.getType() == WebSocketMessage.Type.BINARY ? Frame.binary(bytes) : Frame.text(bytes);
    }

    /** The outbound side of one WebSocket: a bounded queue drained by the network. */
    private static final class Session implements Outbound {
        private final WebSocketSession webSocket;
        private final Sinks.Many<WebSocketMessage> sink;
        private final AtomicInteger pending = new AtomicInteger();
        private final int limit;
        volatile long lastActivity = System.nanoTime();
        SocketConnection connection;

        Session(WebSocketSession webSocket, int limit) {
            this.webSocket = webSocket;
            this.limit = limit;
            this.sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<WebSocketMessage>unboundedMultiproducer().get());
        }

        void touch() {
            lastActivity = System.nanoTime();
        }

        @Override
        public boolean send(Frame frame) {
            if (pending.incrementAndGet() > limit) {
                pending.decrementAndGet();
                return false;
            }
            DataBuffer buffer = webSocket.bufferFactory().wrap(frame.bytes());
            WebSocketMessage message = new WebSocketMessage(
                    frame.binary() ? WebSocketMessage.Type.BINARY : WebSocketMessage.Type.TEXT, buffer);
            Sinks.EmitResult result;
            synchronized (this) {
                result = sink.tryEmitNext(message);
            }
            if (result.isFailure()) {
                pending.decrementAndGet();
                DataBufferUtils.release(buffer);
            } else {
                touch();
            }
            return true;
        }

        @Override
        public void close(int code) {
            // The close frame must carry the code; completing the outbound first would make the
            // server close without one (1005).
            webSocket.close(new CloseStatus(code))
                    .doFinally(signal -> {
                        synchronized (this) {
                            sink.tryEmitComplete();
                        }
                    })
                    .subscribe(null, failure -> { });
        }
    }
}
