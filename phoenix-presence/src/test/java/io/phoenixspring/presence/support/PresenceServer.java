package io.phoenixspring.presence.support;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.socket.ChannelsMetrics;
import io.phoenixspring.channels.socket.MountedSocket;
import io.phoenixspring.channels.socket.OriginCheck;
import io.phoenixspring.channels.socket.SocketRuntime;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.channels.endpoint.SocketHandlerMapping;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.presence.PresenceOptions;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real Reactor Netty server on loopback (no Spring Boot) with the room contract's socket and a
 * presence-enabled room channel, plus {@code GET /api/token?user=} and
 * {@code POST /api/users/NAME/disconnect}. {@code main} runs it for the JS client tests.
 */
public final class PresenceServer implements AutoCloseable {

    public static final String SECRET_KEY_BASE = "test-secret-key-base-0123456789-test-secret-key-base-0123456789ab";

    public final PubSub pubSub;
    public final SocketRuntime runtime;
    public final Endpoint endpoint;
    public final Presence presence;
    public final PhoenixToken tokens = PhoenixToken.of(SECRET_KEY_BASE);
    private final SocketHandlerMapping mapping;
    private final DisposableServer server;

    public PresenceServer() {
        this(0, PubSub.builder().build(), PresenceOptions.defaults());
    }

    public PresenceServer(int port, PubSub pubSub, PresenceOptions options) {
        this(port, pubSub, options, ChannelsMetrics.noop());
    }

    /** With the given meters; {@code GET /api/stats} reports them (sockets, channels, crashes). */
    public PresenceServer(int port, PubSub pubSub, PresenceOptions options, ChannelsMetrics metrics) {
        this.pubSub = pubSub;
        this.runtime = new SocketRuntime(pubSub, metrics);
        this.endpoint = new Endpoint(runtime);
        this.presence = Presence.builder(pubSub, endpoint).options(options).build();
        TransportOptions transport = TransportOptions.defaults()
                .withCheckOrigin(OriginCheck.allow(List.of("//localhost", "//127.0.0.1")));
        MountedSocket mount = MountedSocket.of(new PresenceUserSocket(tokens, new PresenceRoomChannel(presence)),
                transport, type -> {
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
            if (path.equals("/api/token")) {
                String user = exchange.getRequest().getQueryParams().getFirst("user");
                return json(exchange, HttpStatus.OK, "{\"token\":\"" + tokens.sign("user socket", user) + "\"}");
            }
            if (path.equals("/api/stats")) {
                return json(exchange, HttpStatus.OK, stats(metrics));
            }
            if (exchange.getRequest().getMethod() == HttpMethod.POST && path.startsWith("/api/users/")
                    && path.endsWith("/disconnect")) {
                String user = path.substring("/api/users/".length(), path.length() - "/disconnect".length());
                endpoint.disconnect("user_socket:" + user);
                return json(exchange, HttpStatus.ACCEPTED, "{\"ok\":true}");
            }
            return json(exchange, HttpStatus.NOT_FOUND, "{\"errors\":{\"detail\":\"Not Found\"}}");
        };
        HttpHandler http = WebHttpHandlerBuilder.webHandler(router).build();
        this.server = HttpServer.create().host("127.0.0.1").port(port)
                .handle(new ReactorHttpHandlerAdapter(http)).bindNow();
    }

    /**
     * {@code {"sockets":…,"channels":…,"crashed":…,"exits":…,"slowConsumers":…}}: crashed channels
     * are the ones that sent their client a phx_error.
     */
    private static String stats(ChannelsMetrics metrics) {
        io.micrometer.core.instrument.MeterRegistry registry = metrics.registry();
        double sockets = registry.find("phoenix.sockets.active").gauges().stream().mapToDouble(g -> g.value()).sum();
        double channels = registry.find("phoenix.channels.joined").gauges().stream().mapToDouble(g -> g.value()).sum();
        double crashed = registry.find("phoenix.channel.exits").tag("reason", "crashed").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        double exits = registry.find("phoenix.channel.exits").counters().stream().mapToDouble(c -> c.count()).sum();
        double slow = registry.find("phoenix.socket.slow_consumer_disconnects").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        return String.format(java.util.Locale.ROOT,
                "{\"sockets\":%d,\"channels\":%d,\"crashed\":%d,\"exits\":%d,\"slowConsumers\":%d}",
                (long) sockets, (long) channels, (long) crashed, (long) exits, (long) slow);
    }

    private static Mono<Void> json(ServerWebExchange exchange, HttpStatus status, String body) {
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

    public String wsUrl(String user) {
        return "ws://127.0.0.1:" + port() + "/socket/websocket?vsn=2.0.0&token=" + token(user);
    }

    @Override
    public void close() {
        server.disposeNow();
        try {
            mapping.destroy();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        presence.close();
        runtime.close();
        pubSub.close();
    }

    /** Runs the server until its standard input closes: {@code PresenceServer [port]}; prints "listening PORT". */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        try (PresenceServer server = new PresenceServer(port, PubSub.builder().build(), PresenceOptions.defaults())) {
            System.out.println("listening " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // run until the parent closes our input
            }
        }
    }
}
