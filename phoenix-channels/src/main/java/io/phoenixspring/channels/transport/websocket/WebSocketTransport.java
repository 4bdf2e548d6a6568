package io.phoenixspring.channels.transport.websocket;

import io.netty.channel.Channel;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.server.SocketConnection;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectRefusal;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.channels.transport.TransportRequests;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The WebSocket transport ({@code <path>/websocket}) on Reactor Netty, mounted in WebFlux. It
 * checks the origin and runs the socket's connect before upgrading, so a refusal is a plain HTTP
 * 403 as in Phoenix (or what the socket's {@code handleError} answers); after the upgrade it only moves frames between the network and the
 * {@link SocketConnection}: it knows nothing of channels.
 *
 * <pre>{@code
 * WebHandler websocket = new WebSocketTransport(runtime, mountedSocket);
 * }</pre>
 *
 * <p>Outbound frames skip WebFlux's reactive session: each socket's {@link SocketOutbox} queues
 * them on its event loop's {@link LoopBatcher}, so a broadcast to thousands of sockets costs one
 * task per event loop, and a fastlane frame is encoded once per loop and shared by every socket of
 * it. Its {@link FrameWriter} hands frames to Netty's pipeline (TLS, compression and any handler
 * see them), or, where that is provably the same, writes them straight to the socket.
 */
public final class WebSocketTransport implements WebHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);
    private static final String SUBPROTOCOL = "phoenix";

    private final SocketRuntime runtime;
    private final MountedSocket mount;
    private final WebsocketServerSpec spec;
    private final Set<SocketOutbox> sessions = ConcurrentHashMap.newKeySet();
    private final Map<io.netty.channel.EventLoop, LoopBatcher> batchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService idleSweeper;

    public WebSocketTransport(SocketRuntime runtime, MountedSocket mount) {
        this.runtime = runtime;
        this.mount = mount;
        this.spec = WebsocketServerSpec.builder()
                .maxFramePayloadLength(mount.options().maxFrameSize())
                .compress(mount.options().compress())
                .build();
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
        if (!mount.options().checkOrigin().allows(origin, exchange.getRequest().getURI())) {
            log.warn("Refusing WebSocket connection to {}: origin {} is not allowed (check_origin)", mount.path(), origin);
            return refuse(exchange, ConnectRefusal.forbidden());
        }
        List<String> requested = requestedProtocols(exchange);
        String protocol = choose(requested);
        if (protocol == null && mount.options().subprotocols() != null && !requested.isEmpty()) {
            log.warn("Refusing WebSocket connection to {}: none of the subprotocols {} is one of {} (subprotocols)",
                    mount.path(), requested, mount.options().subprotocols());
            return refuse(exchange, ConnectRefusal.forbidden());
        }
        Map<String, String> params = TransportRequests.params(exchange.getRequest());
        // connect runs on the channel pool; the upgrade must happen back on the connection's event
        // loop, or frames the client sends right after the 101 can reach the finished HTTP
        // exchange and be dropped before the WebSocket receiver is subscribed.
        reactor.core.scheduler.Scheduler loop = reactor.core.scheduler.Schedulers.fromExecutor(eventLoop(exchange));
        return TransportRequests.connectInfo(exchange, mount, runtime.sessions())
                .flatMap(info -> runtime.authorize(mount, params, info, "websocket")
                        .publishOn(loop)
                        .flatMap(connected -> connected.accepted() ? upgrade(exchange, connected, protocol)
                                : refuse(exchange, refusal(info, connected.refusal()))));
    }

    /** The socket's answer to a refusal (Phoenix's error_handler); a handler that fails gets Phoenix's 403. */
    private ConnectRefusal refusal(ConnectInfo info, Object reason) {
        try {
            ConnectRefusal refusal = mount.handler().handleError(info, reason);
            return refusal == null ? ConnectRefusal.forbidden() : refusal;
        } catch (RuntimeException e) {
            log.error("handleError of {} failed; answering 403", mount.handler().getClass().getSimpleName(), e);
            return ConnectRefusal.forbidden();
        }
    }

    private static List<String> requestedProtocols(ServerWebExchange exchange) {
        List<String> headers = exchange.getRequest().getHeaders().get("Sec-WebSocket-Protocol");
        if (headers == null) {
            return List.of();
        }
        return headers.stream().flatMap(header -> java.util.Arrays.stream(header.split(",")))
                .map(String::trim).filter(protocol -> !protocol.isEmpty()).toList();
    }

    /**
     * The subprotocol to answer with: as Phoenix, the first configured one the client asked for;
     * {@code phoenix} when the JS client asked for it (it does with an authToken); else none.
     */
    private String choose(List<String> requested) {
        List<String> offered = mount.options().subprotocols();
        if (offered != null) {
            for (String protocol : offered) {
                if (requested.contains(protocol)) {
                    return protocol;
                }
            }
        }
        return requested.contains(SUBPROTOCOL) ? SUBPROTOCOL : null;
    }

    private static java.util.concurrent.Executor eventLoop(ServerWebExchange exchange) {
        HttpServerResponse response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        return ((reactor.netty.Connection) response).channel().eventLoop();
    }

    private Mono<Void> upgrade(ServerWebExchange exchange, SocketRuntime.Connected connected, String protocol) {
        HttpServerResponse response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        // Reactor Netty runs the handler only when a listed subprotocol was selected, so exactly the
        // chosen one is listed (Netty would otherwise pick in the client's order, Phoenix picks in ours).
        WebsocketServerSpec chosen = protocol == null ? spec : WebsocketServerSpec.builder()
                .protocols(protocol)
                .maxFramePayloadLength(mount.options().maxFrameSize())
                .compress(mount.options().compress())
                .build();
        // Committing the WebFlux response first runs its pre-commit actions, as Spring's own upgrade does.
        return exchange.getResponse().setComplete()
                .then(Mono.defer(() -> response.sendWebsocket((in, out) -> serve(connected, in, out), chosen)));
    }

    private Mono<Void> serve(SocketRuntime.Connected connected, WebsocketInbound in, WebsocketOutbound out) {
        Channel[] channel = new Channel[1];
        out.withConnection(connection -> channel[0] = connection.channel());
        TransportOptions options = mount.options();
        FrameWriter writer = FrameWriter.choose(channel[0], options.directWrites() && !options.compress());
        SocketOutbox session = new SocketOutbox(channel[0], out, options.outboundLimit(), options.outboundByteLimit(),
                batchers.computeIfAbsent(channel[0].eventLoop(), LoopBatcher::new), writer);
        session.connection = runtime.open(connected, session);
        sessions.add(session);
        MessageAssembler messages = new MessageAssembler(options.maxFrameSize());
        return in.receiveFrames()
                .doOnNext(frame -> {
                    session.touch();
                    if (session.connection.isClosed()) {
                        return;
                    }
                    Frame message = messages.add(frame);
                    if (message == MessageAssembler.TOO_BIG) {
                        tooBig(session);
                    } else if (message != null) {
                        session.connection.receive(message);
                    }
                })
                .then()
                .onErrorResume(failure -> {
                    if (failure instanceof io.netty.handler.codec.TooLongFrameException
                            || failure instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException) {
                        tooBig(session);
                    } else if (failure instanceof java.io.IOException || failure instanceof reactor.netty.channel.AbortedException) {
                        // A client that vanished (reset, broken pipe), or one the server cut, is ordinary network life.
                        log.debug("WebSocket of {} lost: {}", mount.path(), failure.toString());
                    } else {
                        log.warn("WebSocket of {} failed: {}", mount.path(), failure.toString());
                    }
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    sessions.remove(session);
                    session.connection.closed();
                });
    }

    private void tooBig(SocketOutbox session) {
        log.warn("Closing a WebSocket of {}: message larger than {} bytes", mount.path(), mount.options().maxFrameSize());
        session.connection.closeWith(SocketConnection.CLOSE_TOO_BIG, "frame_too_big");
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, ConnectRefusal refusal) {
        org.springframework.http.server.reactive.ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(refusal.status()));
        refusal.headers().forEach(response.getHeaders()::set);
        if (refusal.body() == null) {
            return response.setComplete();
        }
        if (refusal.contentType() != null) {
            response.getHeaders().set(org.springframework.http.HttpHeaders.CONTENT_TYPE, refusal.contentType());
        }
        byte[] body = refusal.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private void closeIdle() {
        long limit = System.nanoTime() - mount.options().websocketTimeout().toNanos();
        for (SocketOutbox session : sessions) {
            if (session.lastActivity < limit) {
                log.debug("Closing WebSocket idle for {}", mount.options().websocketTimeout());
                session.connection.closeWith(SocketConnection.CLOSE_PROTOCOL_ERROR, "timeout");
            }
        }
    }

    @Override
    public void close() {
        idleSweeper.shutdownNow();
        // Each loop keeps its last small encoding for the next broadcast; give them back to the pool.
        batchers.values().forEach(LoopBatcher::close);
    }

    /** The writers of the open connections, oldest first (tests: which connections write directly). */
    java.util.List<FrameWriter> writers() {
        return sessions.stream().map(SocketOutbox::writer).toList();
    }

    /** Whether every event loop's queue has let go of its frames and large encodings (tests). */
    boolean loopsHoldNoLargeBuffer() {
        return batchers.values().stream().allMatch(LoopBatcher::holdsNoLargeBuffer);
    }

    /** Number of open WebSocket connections of this mount. */
    public int sessionCount() {
        return sessions.size();
    }
}
