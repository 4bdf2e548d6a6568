package io.phoenixspring.channels.endpoint;

import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.transport.longpoll.LongPollTransport;
import io.phoenixspring.channels.transport.websocket.WebSocketTransport;
import io.phoenixspring.token.PhoenixToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.server.WebHandler;

/**
 * Mounts every socket's transports on WebFlux: {@code <path>/websocket} and
 * {@code <path>/longpoll}, ahead of the application's own routes.
 *
 * <pre>{@code
 * @Bean SocketHandlerMapping sockets(SocketRuntime runtime, List<MountedSocket> mounts, PhoenixToken tokens) {
 *     return new SocketHandlerMapping(runtime, mounts, tokens);
 * }
 * }</pre>
 */
public final class SocketHandlerMapping extends SimpleUrlHandlerMapping implements DisposableBean {

    private final List<AutoCloseable> transports = new ArrayList<>();
    private final Map<String, WebHandler> handlers = new LinkedHashMap<>();

    public SocketHandlerMapping(SocketRuntime runtime, List<MountedSocket> mounts, PhoenixToken tokens) {
        for (MountedSocket mount : mounts) {
            if (mount.websocket()) {
                WebSocketTransport websocket = new WebSocketTransport(runtime, mount);
                transports.add(websocket);
                handlers.put(mount.path() + "/websocket", websocket);
            }
            if (mount.longpoll()) {
                LongPollTransport longpoll = new LongPollTransport(runtime, mount, tokens);
                transports.add(longpoll);
                handlers.put(mount.path() + "/longpoll", longpoll);
            }
        }
        setUrlMap(handlers);
        setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    }

    /** The transports by path, for tests and for serving without Spring's DispatcherHandler. */
    public Map<String, WebHandler> handlers() {
        return Map.copyOf(handlers);
    }

    @Override
    public void destroy() throws Exception {
        for (AutoCloseable transport : transports) {
            transport.close();
        }
    }
}
