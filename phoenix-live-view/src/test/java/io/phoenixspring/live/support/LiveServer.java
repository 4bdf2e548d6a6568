package io.phoenixspring.live.support;

import io.phoenixspring.channels.endpoint.SocketHandlerMapping;
import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.OriginCheck;
import io.phoenixspring.channels.socket.SessionReader;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.live.channel.LiveSocketHandler;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.router.LiveTokens;
import io.phoenixspring.live.router.RootLayout;
import io.phoenixspring.live.template.Template;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.router.RouterHandlerMapping;
import io.phoenixspring.web.session.CookieStore;
import io.phoenixspring.web.session.CsrfToken;
import io.phoenixspring.web.session.SessionOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real server on loopback, without Spring Boot: phoenix-web's router with live routes (the dead
 * render) and the {@code /live} socket (WebSocket and long-poll), sharing one session cookie and secret.
 *
 * <pre>{@code
 * try (LiveServer server = LiveServer.builder().view(new CounterLive(), HandTemplates.COUNTER)
 *         .router(live -> Router.builder()...get("/counter", live.route(CounterLive.class)).build()).start()) { ... }
 * }</pre>
 */
public final class LiveServer implements AutoCloseable {

    public static final String SECRET_KEY_BASE = "live-test-secret-key-base-0123456789-live-test-secret-key-base-01";
    public static final String COOKIE = "_live_app_key";

    public final PhoenixToken tokens;
    public final LiveTokens liveTokens;
    public final CookieStore cookies;
    public final PubSub pubSub = PubSub.builder().build();
    public final SocketRuntime runtime;
    public final LiveRoutes live;
    public final Router router;
    private final DisposableServer server;

    private LiveServer(Builder builder) {
        tokens = PhoenixToken.of(builder.secret);
        liveTokens = new LiveTokens(tokens, "live view salt", Duration.ofDays(14));
        cookies = new CookieStore(builder.secret, SessionOptions.defaults(COOKIE, "cookie salt"));
        WebEndpoint endpoint = builder.endpoint.apply(WebEndpoint.defaults().withSessionStore(cookies));
        Map<Class<?>, Object> beans = new HashMap<>(builder.beans);
        live = LiveRoutes.builder(type -> {
            Object bean = beans.get(type);
            if (bean == null) {
                throw new IllegalArgumentException("no bean " + type);
            }
            return bean;
        }, liveTokens).templates(builder.templates::get).layout(builder.layout).rootLayout(builder.rootLayout)
                .endpoint(endpoint).build();
        router = builder.router.apply(live);
        SessionReader sessions = SessionReader.of(COOKIE, cookies::get, CsrfToken::matches);
        runtime = SocketRuntime.builder(pubSub).sessions(sessions).build();
        LiveSocketHandler handler = new LiveSocketHandler(live, () -> router, () -> sessions, "1.0.19");
        MountedSocket mount = MountedSocket.of(handler, TransportOptions.defaults().withCheckOrigin(OriginCheck.OFF),
                beans::get, runtime.json());
        SocketHandlerMapping sockets = new SocketHandlerMapping(runtime, List.of(mount), tokens);
        Map<String, WebHandler> transports = sockets.handlers();
        RouterHandlerMapping http = new RouterHandlerMapping(router, endpoint, beans::get);
        WebHandler handler2 = exchange -> {
            String path = exchange.getRequest().getPath().value();
            WebHandler transport = transports.get(path);
            if (transport != null) {
                return transport.handle(exchange);
            }
            java.nio.file.Path asset = ASSETS.get(path);
            if (asset != null) {
                return serve(exchange, asset);
            }
            return http.handle(exchange);
        };
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.webHandler(handler2).build()))
                .bindNow(Duration.ofSeconds(10));
    }

    /** The official clients (installed by the build's npm ci) and the page script, as the contract's app serves them. */
    static final Map<String, java.nio.file.Path> ASSETS = Map.of(
            "/assets/phoenix.min.js", java.nio.file.Path.of("src/test/js/node_modules/phoenix/priv/static/phoenix.min.js"),
            "/assets/phoenix_live_view.min.js",
            java.nio.file.Path.of("src/test/js/node_modules/phoenix_live_view/priv/static/phoenix_live_view.min.js"),
            "/assets/app.js", java.nio.file.Path.of("src/test/js/app.js"));

    /** The root layout loading the official clients and the page script. */
    public static Template scriptedRootLayout() {
        return RootLayout.builder().title("Live", " · Live").script("/assets/phoenix.min.js")
                .script("/assets/phoenix_live_view.min.js").script("/assets/app.js").build();
    }

    private static reactor.core.publisher.Mono<Void> serve(org.springframework.web.server.ServerWebExchange exchange,
            java.nio.file.Path file) {
        try {
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            exchange.getResponse().getHeaders().set("content-type", "text/javascript; charset=utf-8");
            return exchange.getResponse().writeWith(reactor.core.publisher.Mono.just(exchange.getResponse().bufferFactory().wrap(bytes)));
        } catch (java.io.IOException e) {
            return reactor.core.publisher.Mono.error(e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a test serves. */
    public static final class Builder {
        private final Map<Class<?>, Object> beans = new HashMap<>();
        private final Map<Class<?>, Template> templates = new HashMap<>();
        private Function<LiveRoutes, Router> router;
        private Class<?> layout;
        private Template rootLayout = RootLayout.builder().title("Live", " · Live").build();
        private String secret = SECRET_KEY_BASE;
        private java.util.function.UnaryOperator<WebEndpoint> endpoint = e -> e;

        public Builder view(Object view, Template template) {
            beans.put(view.getClass(), view);
            templates.put(view.getClass(), template);
            return this;
        }

        public Builder bean(Class<?> type, Object bean) {
            beans.put(type, bean);
            return this;
        }

        /** The app layout {@link HandTemplates#APP_LAYOUT} around every view. */
        public Builder appLayout() {
            layout = AppLayout.class;
            templates.put(AppLayout.class, HandTemplates.APP_LAYOUT);
            return this;
        }

        public Builder rootLayout(Template template) {
            rootLayout = template;
            return this;
        }

        public Builder secret(String value) {
            secret = value;
            return this;
        }

        /** Changes the endpoint (its url, static manifest) the router and the live routes use. */
        public Builder endpoint(java.util.function.UnaryOperator<WebEndpoint> value) {
            endpoint = value;
            return this;
        }

        public Builder router(Function<LiveRoutes, Router> value) {
            router = value;
            return this;
        }

        public LiveServer start() {
            return new LiveServer(this);
        }
    }

    /** The class the app layout's template belongs to. */
    public static final class AppLayout {
        private AppLayout() {
        }
    }

    public int port() {
        return server.port();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public String wsUrl(String csrfToken) {
        return "ws://127.0.0.1:" + port() + "/live/websocket?_csrf_token=" + csrfToken + "&_mounts=0&vsn=2.0.0";
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        runtime.close();
        pubSub.close();
    }
}
