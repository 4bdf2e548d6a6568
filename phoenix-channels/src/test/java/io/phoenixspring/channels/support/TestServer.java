package io.phoenixspring.channels.support;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.socket.ChannelsMetrics;
import io.phoenixspring.channels.socket.MountedSocket;
import io.phoenixspring.channels.socket.OriginCheck;
import io.phoenixspring.channels.socket.SocketRuntime;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.channels.endpoint.SocketHandlerMapping;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real server on loopback with the contract's socket, its transports, and the two HTTP routes
 * the protocol tests need (token minting and broadcast/disconnect requests), without Spring Boot.
 * {@code main} runs it for the JavaScript client tests.
 */
public final class TestServer implements AutoCloseable {

    public static final String SECRET_KEY_BASE = "test-secret-key-base-0123456789-test-secret-key-base-0123456789ab";

    public final PubSub pubSub;
    public final SocketRuntime runtime;
    public final Endpoint endpoint;
    public final PhoenixToken tokens = PhoenixToken.of(SECRET_KEY_BASE);
    private final SocketHandlerMapping mapping;
    private final DisposableServer server;
    private final RawBaseline rawBaseline = new RawBaseline();
    private final boolean secure;

    public TestServer() {
        this(0, UnaryOperator.identity(), PubSub.builder().build());
    }

    public TestServer(int port, UnaryOperator<TransportOptions> options, PubSub pubSub) {
        this(port, options, pubSub, false, UnaryOperator.identity());
    }

    /** A server over TLS with the JVM's {@link SelfSignedTls} certificate; {@code server} adds to Reactor Netty's setup. */
    public static TestServer tls(UnaryOperator<TransportOptions> options, UnaryOperator<HttpServer> server) {
        SelfSignedTls tls = SelfSignedTls.get();
        return new TestServer(0, options, PubSub.builder().build(), true, http -> server.apply(http.secure(spec ->
                spec.sslContext(reactor.netty.http.Http11SslContextSpec.forServer(tls.key(), tls.certificate())))));
    }

    /** A plain-TCP server whose Reactor Netty setup {@code server} changes (e.g. wiretap on). */
    public static TestServer customized(UnaryOperator<TransportOptions> options, UnaryOperator<HttpServer> server) {
        return new TestServer(0, options, PubSub.builder().build(), false, server);
    }

    private TestServer(int port, UnaryOperator<TransportOptions> options, PubSub pubSub, boolean secure,
            UnaryOperator<HttpServer> serverSetup) {
        this.secure = secure;
        this.pubSub = pubSub;
        this.runtime = new SocketRuntime(pubSub, ChannelsMetrics.noop());
        this.endpoint = new Endpoint(runtime);
        TransportOptions transport = options.apply(TransportOptions.defaults()
                .withCheckOrigin(OriginCheck.allow(List.of("//localhost", "//127.0.0.1"))));
        MountedSocket mount = MountedSocket.of(new UserSocket(tokens), transport, type -> {
            throw new IllegalArgumentException("no bean " + type);
        });
        this.mapping = new SocketHandlerMapping(runtime, List.of(mount), tokens);
        Map<String, WebHandler> transports = mapping.handlers();
        WebHandler router = exchange -> {
            String path = exchange.getRequest().getPath().value();
            WebHandler transportHandler = transports.get(path);
            if (transportHandler != null) {
                return transportHandler.handle(exchange);
            }
            if (path.equals("/raw/websocket")) {
                return rawBaseline.accept(exchange);
            }
            if (path.equals("/raw/broadcast")) {
                String body = exchange.getRequest().getQueryParams().getFirst("body");
                rawBaseline.broadcast("[null,null,\"bench:load\",\"new_msg\",{\"body\":\"" + body + "\",\"user\":\"system\"}]");
                return json(exchange, HttpStatus.ACCEPTED, "{\"ok\":true}");
            }
            if (path.equals("/api/stats")) {
                // For the load generator: heap after a full GC, process CPU, open sockets.
                if ("1".equals(exchange.getRequest().getQueryParams().getFirst("gc"))) {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                    }
                }
                Runtime rt = Runtime.getRuntime();
                long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime();
                return json(exchange, HttpStatus.OK, "{\"heap\":" + (rt.totalMemory() - rt.freeMemory())
                        + ",\"cpuNanos\":" + cpu + ",\"connections\":" + runtime.connectionCount() + "}");
            }
            if (path.equals("/api/token")) {
                String user = exchange.getRequest().getQueryParams().getFirst("user");
                return json(exchange, HttpStatus.OK, "{\"token\":\"" + tokens.sign("user socket", user) + "\"}");
            }
            if (exchange.getRequest().getMethod() == HttpMethod.POST && path.startsWith("/api/rooms/")) {
                String room = path.substring("/api/rooms/".length(), path.length() - "/messages".length());
                String topic = room.contains(":") ? room : "room:" + room;
                return exchange.getRequest().getBody().collectList().flatMap(parts -> {
                    StringBuilder body = new StringBuilder();
                    parts.forEach(b -> body.append(b.toString(StandardCharsets.UTF_8)));
                    Object parsed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body.toString()).get("body");
                    endpoint.broadcast(topic, "new_msg", Map.of("body", parsed, "user", "system"));
                    return json(exchange, HttpStatus.ACCEPTED, "{\"ok\":true}");
                });
            }
            if (exchange.getRequest().getMethod() == HttpMethod.POST && path.startsWith("/api/users/")) {
                String user = path.substring("/api/users/".length(), path.length() - "/disconnect".length());
                endpoint.disconnect("user_socket:" + user);
                return json(exchange, HttpStatus.ACCEPTED, "{\"ok\":true}");
            }
            return json(exchange, HttpStatus.NOT_FOUND, "{\"errors\":{\"detail\":\"Not Found\"}}");
        };
        HttpHandler http = WebHttpHandlerBuilder.webHandler(router).build();
        this.server = serverSetup.apply(HttpServer.create().host("127.0.0.1").port(port))
                .handle(new ReactorHttpHandlerAdapter(http)).bindNow();
    }

    private static Mono<Void> json(org.springframework.web.server.ServerWebExchange exchange, HttpStatus status, String body) {
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().set("content-type", "application/json; charset=utf-8");
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory()
                .wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    public int port() {
        return server.port();
    }

    public String token(String user) {
        return tokens.sign("user socket", user);
    }

    public String wsUrl(String query) {
        return (secure ? "wss" : "ws") + "://127.0.0.1:" + port() + "/socket/websocket?" + query;
    }

    /** The server's HTTP root: {@code http://127.0.0.1:PORT}, or https over TLS. */
    public String baseUrl() {
        return (secure ? "https" : "http") + "://127.0.0.1:" + port();
    }

    public boolean secure() {
        return secure;
    }

    /** The WebSocket transport of the contract's socket. */
    public io.phoenixspring.channels.transport.websocket.WebSocketTransport webSocketTransport() {
        return (io.phoenixspring.channels.transport.websocket.WebSocketTransport) mapping.handlers().get("/socket/websocket");
    }

    @Override
    public void close() {
        server.disposeNow();
        try {
            mapping.destroy();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        runtime.close();
        pubSub.close();
    }

    /**
     * Runs the server until killed: {@code TestServer [port]}; prints "listening PORT". With
     * {@code -Dphoenix.direct-writes=false} every WebSocket frame goes through Netty's pipeline
     * (the load test compares both writers this way).
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        boolean direct = Boolean.parseBoolean(System.getProperty("phoenix.direct-writes", "true"));
        TestServer server = new TestServer(port, options -> options.withDirectWrites(direct), PubSub.builder().build());
        System.out.println("listening " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
