package io.phoenixspring.channels.server;

import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.pubsub.PhoenixJson;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link SocketHandler} mounted at a path with its channel routes and transport options:
 * what {@code socket "/socket", UserSocket, opts} declares in a Phoenix endpoint. The
 * auto-configuration builds one per {@link PhoenixSocket} bean.
 *
 * <pre>{@code
 * MountedSocket mounted = MountedSocket.of("/socket", new UserSocket(), true, true, Set.of(),
 *         TransportOptions.defaults(), beanFactory::getBean);
 * }</pre>
 */
public final class MountedSocket {

    private final String path;
    private final SocketHandler handler;
    private final List<ChannelRoute> routes;
    private final boolean websocket;
    private final boolean longpoll;
    private final Set<String> connectInfoHeaders;
    private final TransportOptions options;
    private final boolean session;
    private final boolean authenticated;

    private MountedSocket(String path, SocketHandler handler, List<ChannelRoute> routes,
            boolean websocket, boolean longpoll, Set<String> connectInfoHeaders, TransportOptions options,
            boolean session, boolean authenticated) {
        this.path = path;
        this.handler = handler;
        this.routes = routes;
        this.websocket = websocket;
        this.longpoll = longpoll;
        this.connectInfoHeaders = connectInfoHeaders;
        this.options = options;
        this.session = session;
        this.authenticated = authenticated;
    }

    /** @param beans resolves channel classes named in the routes to their beans */
    public static MountedSocket of(String path, SocketHandler handler, boolean websocket, boolean longpoll,
            Set<String> connectInfoHeaders, TransportOptions options, Function<Class<?>, Object> beans) {
        return of(path, handler, websocket, longpoll, connectInfoHeaders, options, beans, PhoenixJson.defaults());
    }

    /**
     * @param beans resolves channel classes named in the routes to their beans
     * @param json the JSON configuration annotated channels read payloads into their parameter types with
     */
    public static MountedSocket of(String path, SocketHandler handler, boolean websocket, boolean longpoll,
            Set<String> connectInfoHeaders, TransportOptions options, Function<Class<?>, Object> beans,
            PhoenixJson json) {
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("socket path must start and not end with '/': " + path);
        }
        ChannelRoutes routes = new ChannelRoutes();
        handler.channels(routes);
        TransportOptions own = handler.transportOptions(options);
        if (own == null) {
            throw new IllegalStateException(handlerName(handler) + ".transportOptions returned null");
        }
        return new MountedSocket(path, handler, ChannelRoute.compile(routes.routes(), beans, json, handler), websocket, longpoll,
                connectInfoHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                own, false, false);
    }

    /** Mounts the handler as its {@link PhoenixSocket} annotation says. */
    public static MountedSocket of(SocketHandler handler, TransportOptions options, Function<Class<?>, Object> beans) {
        return of(handler, options, beans, PhoenixJson.defaults());
    }

    /** Mounts the handler as its {@link PhoenixSocket} annotation says, reading payloads with {@code json}. */
    public static MountedSocket of(SocketHandler handler, TransportOptions options, Function<Class<?>, Object> beans,
            PhoenixJson json) {
        Class<?> type = org.springframework.aop.support.AopUtils.getTargetClass(handler);
        PhoenixSocket annotation = type.getAnnotation(PhoenixSocket.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " is not annotated with @PhoenixSocket");
        }
        return of(annotation.path(), handler, annotation.websocket(), annotation.longpoll(),
                Set.of(annotation.connectInfoHeaders()), options, beans, json)
                .withConnectInfo(annotation.session(), annotation.authenticated());
    }

    /**
     * This mount reading the browser session into {@code ConnectInfo} (checking the
     * {@code _csrf_token} param), and refusing unauthenticated requests, as
     * {@link PhoenixSocket#session()} and {@link PhoenixSocket#authenticated()} say.
     */
    public MountedSocket withConnectInfo(boolean readSession, boolean requireAuthenticated) {
        return new MountedSocket(path, handler, routes, websocket, longpoll, connectInfoHeaders, options, readSession,
                requireAuthenticated);
    }

    /** Whether {@code ConnectInfo} carries the browser session ({@link PhoenixSocket#session()}). */
    public boolean session() {
        return session;
    }

    /** Whether connections need an authenticated user ({@link PhoenixSocket#authenticated()}). */
    public boolean authenticated() {
        return authenticated;
    }

    public String path() {
        return path;
    }

    public SocketHandler handler() {
        return handler;
    }

    public boolean websocket() {
        return websocket;
    }

    public boolean longpoll() {
        return longpoll;
    }

    public Set<String> connectInfoHeaders() {
        return connectInfoHeaders;
    }

    public TransportOptions options() {
        return options;
    }

    public List<ChannelRoutes.Route> routes() {
        return routes.stream().map(ChannelRoute::route).toList();
    }

    ChannelRoute route(String topic) {
        for (ChannelRoute route : routes) {
            if (route.route().matches(topic)) {
                return route;
            }
        }
        return null;
    }

    String handlerName() {
        return handlerName(handler);
    }

    private static String handlerName(SocketHandler handler) {
        return org.springframework.aop.support.AopUtils.getTargetClass(handler).getSimpleName();
    }
}
