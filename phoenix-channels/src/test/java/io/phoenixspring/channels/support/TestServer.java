package io.phoenixspring.channels.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.endpoint.SocketHandlerMapping;
import io.phoenixspring.channels.server.ChannelsMetrics;
import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.OriginCheck;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;

/**
 * A real server on loopback with the contract's socket, its transports, and the HTTP routes the protocol
 * tests need (token minting, broadcast/disconnect requests, stats for the load generators), without Spring
 * Boot. The one server of the room contract: phoenix-presence's tests run it with a presence-tracking room
 * ({@link Builder#presence}). {@code main} runs it for the JavaScript client tests.
 *
 * <pre>
 * try (TestServer server = TestServer.builder().transport(options -> options.withMaxChannels(3)).build()) {
 *     RawClient client = RawClient.connect(server.wsUrlFor("alice"));
 * }
 * </pre>
 */
public final class TestServer implements AutoCloseable {

    public static final String SECRET_KEY_BASE = "test-secret-key-base-0123456789-test-secret-key-base-0123456789ab";

    public final PubSub pubSub;
    public final SocketRuntime runtime;
    public final Endpoint endpoint;
    public final PhoenixToken tokens = PhoenixToken.of(SECRET_KEY_BASE);
    /** The room's presence, {@code null} unless the builder was given one. */
    public final RoomChannel.Tracking presence;
    private final SocketHandlerMapping mapping;
    private final DisposableServer server;
    private final RawBaseline rawBaseline = new RawBaseline();
    private final boolean secure;

    public TestServer() {
        this(builder());
    }

    public TestServer(int port, UnaryOperator<TransportOptions> options, PubSub pubSub) {
        this(builder().port(port).transport(options).pubSub(pubSub));
    }

    /** A server over TLS with the JVM's {@link SelfSignedTls} certificate; {@code server} adds to Reactor Netty's setup. */
    public static TestServer tls(UnaryOperator<TransportOptions> options, UnaryOperator<HttpServer> server) {
        return builder().transport(options).http(server).tls().build();
    }

    /** A plain-TCP server whose Reactor Netty setup {@code server} changes (e.g. wiretap on). */
    public static TestServer customized(UnaryOperator<TransportOptions> options, UnaryOperator<HttpServer> server) {
        return builder().transport(options).http(server).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a test changes in the server; the defaults are the contract's server on an ephemeral port. */
    public static final class Builder {

        private int port;
        private UnaryOperator<TransportOptions> transport = UnaryOperator.identity();
        private PubSub pubSub;
        private ChannelsMetrics metrics;
        private UnaryOperator<HttpServer> http = UnaryOperator.identity();
        private boolean tls;
        private BiFunction<PubSub, Endpoint, RoomChannel.Tracking> presence = (pubSub, endpoint) -> null;

        private Builder() {
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder transport(UnaryOperator<TransportOptions> value) {
            this.transport = value;
            return this;
        }

        /** The PubSub the server runs on (a local one by default); the server closes it. */
        public Builder pubSub(PubSub value) {
            this.pubSub = value;
            return this;
        }

        /** The meters the runtime reports to; {@code GET /api/stats} reads sockets, channels and exits from them. */
        public Builder metrics(ChannelsMetrics value) {
            this.metrics = value;
            return this;
        }

        /** Changes Reactor Netty's setup (e.g. wiretap on). */
        public Builder http(UnaryOperator<HttpServer> value) {
            this.http = value;
            return this;
        }

        /** Over TLS, with the JVM's {@link SelfSignedTls} certificate. */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /**
         * The room's presence, made once the server's PubSub and Endpoint exist; the server closes it when it
         * is {@link AutoCloseable}.
         */
        public Builder presence(BiFunction<PubSub, Endpoint, RoomChannel.Tracking> value) {
            this.presence = value;
            return this;
        }

        public TestServer build() {
            return new TestServer(this);
        }
    }

    private TestServer(Builder setup) {
        this.secure = setup.tls;
        this.pubSub = setup.pubSub != null ? setup.pubSub : PubSub.builder().build();
        ChannelsMetrics metrics = setup.metrics != null ? setup.metrics : ChannelsMetrics.noop();
        this.runtime = new SocketRuntime(pubSub, metrics);
        this.endpoint = new Endpoint(runtime);
        this.presence = setup.presence.apply(pubSub, endpoint);
        TransportOptions transport = setup.transport.apply(TransportOptions.defaults()
                .withCheckOrigin(OriginCheck.allow(List.of("//localhost", "//127.0.0.1"))));
        MountedSocket mount = MountedSocket.of(new UserSocket(tokens, new RoomChannel(presence)), transport, type -> {
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
                // For the load generators: heap after a full GC, process CPU, open sockets, and the meters.
                if ("1".equals(exchange.getRequest().getQueryParams().getFirst("gc"))) {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                    }
                }
                Runtime rt = Runtime.getRuntime();
                long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime();
                return json(exchange, HttpStatus.OK, "{\"heap\":" + (rt.totalMemory() - rt.freeMemory())
                        + ",\"cpuNanos\":" + cpu + ",\"connections\":" + runtime.connectionCount() + ","
                        + meters(metrics) + "}");
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
                    parts.forEach(b -> {
                        body.append(b.toString(StandardCharsets.UTF_8));
                        org.springframework.core.io.buffer.DataBufferUtils.release(b);
                    });
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
        HttpServer netty = HttpServer.create().host("127.0.0.1").port(setup.port);
        if (secure) {
            SelfSignedTls tls = SelfSignedTls.get();
            netty = netty.secure(spec -> spec.sslContext(Http11SslContextSpec.forServer(tls.key(), tls.certificate())));
        }
        this.server = setup.http.apply(netty).handle(new ReactorHttpHandlerAdapter(http)).bindNow();
    }

    /**
     * {@code "sockets":…,"channels":…,"crashed":…,"exits":…,"slowConsumers":…}: crashed channels are the ones that
     * sent their client a phx_error.
     */
    private static String meters(ChannelsMetrics metrics) {
        MeterRegistry registry = metrics.registry();
        double sockets = registry.find("phoenix.sockets.active").gauges().stream().mapToDouble(g -> g.value()).sum();
        double channels = registry.find("phoenix.channels.joined").gauges().stream().mapToDouble(g -> g.value()).sum();
        double crashed = registry.find("phoenix.channel.exits").tag("reason", "crashed").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        double exits = registry.find("phoenix.channel.exits").counters().stream().mapToDouble(c -> c.count()).sum();
        double slow = registry.find("phoenix.socket.slow_consumer_disconnects").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        return String.format(Locale.ROOT,
                "\"sockets\":%d,\"channels\":%d,\"crashed\":%d,\"exits\":%d,\"slowConsumers\":%d",
                (long) sockets, (long) channels, (long) crashed, (long) exits, (long) slow);
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

    /** The V2 WebSocket URL of a socket of {@code user}, with a fresh token. */
    public String wsUrlFor(String user) {
        return wsUrl("vsn=2.0.0&token=" + token(user));
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
        if (presence instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
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
