package io.phoenixspring.channels.socket;

import java.util.Map;

/**
 * A Phoenix socket (the {@code UserSocket} module): authenticates connections, names them, and
 * routes topics to channels. Annotate the bean with {@link PhoenixSocket} to mount it.
 *
 * <pre>{@code
 * @PhoenixSocket(path = "/socket", longpoll = true)
 * class UserSocket implements SocketHandler {
 *     public void channels(ChannelRoutes routes) { routes.channel("room:*", RoomChannel.class); }
 *
 *     public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
 *         TokenResult result = tokens.verify("user socket", params.get("token"), TokenOptions.maxAge(86400));
 *         if (!(result instanceof TokenResult.Ok ok)) return ConnectResult.error("invalid token");
 *         socket.assign("user", ok.data());
 *         return ConnectResult.ok();
 *     }
 *
 *     public String id(Socket socket) { return "user_socket:" + socket.assign("user"); }
 * }
 * }</pre>
 */
public interface SocketHandler {

    /** Declares the channel routes, Phoenix's {@code channel "room:*", RoomChannel}. */
    void channels(ChannelRoutes routes);

    /**
     * Accepts or refuses a connection; runs off the network threads. Put what channels need in
     * the socket's assigns.
     *
     * @param params the connect parameters (query string; the last value of a repeated key wins)
     * @return a {@link ConnectResult} or a {@code Mono<ConnectResult>}
     */
    Object connect(Map<String, String> params, Socket socket, ConnectInfo info);

    /**
     * The socket id, e.g. {@code "user_socket:" + userId}: broadcasting {@code disconnect} to it
     * closes every socket with that id on every node. Null for anonymous sockets.
     */
    default String id(Socket socket) {
        return null;
    }

    /**
     * This socket's transport options, given the endpoint's ({@code phoenix.endpoint.*}): override
     * to change any of them for this socket only, as Phoenix's per-socket {@code websocket: [...]}
     * and {@code longpoll: [...]} options do.
     *
     * <pre>{@code
     * public TransportOptions transportOptions(TransportOptions defaults) {
     *     return defaults.withCheckOrigin(OriginCheck.CONN).withMaxFrameSize(64 * 1024).withSubprotocols(List.of("mqtt"));
     * }
     * }</pre>
     */
    default TransportOptions transportOptions(TransportOptions defaults) {
        return defaults;
    }

    /**
     * Answers a refused WebSocket upgrade (Phoenix's {@code :error_handler}): {@code reason} is what
     * {@code connect} gave {@link ConnectResult#error(Object)}, or {@link ConnectResult#UNAUTHENTICATED}
     * / {@link ConnectResult#INVALID_CSRF_TOKEN} when the socket refused before {@code connect}. A
     * refused long-poll always gets {@code {"status":403}}, which is what the JS client understands.
     *
     * <pre>{@code
     * public ConnectRefusal handleError(ConnectInfo info, Object reason) {
     *     return reason instanceof RateLimited limited
     *             ? ConnectRefusal.status(429).withHeader("retry-after", String.valueOf(limited.seconds()))
     *             : ConnectRefusal.forbidden();
     * }
     * }</pre>
     */
    default ConnectRefusal handleError(ConnectInfo info, Object reason) {
        return ConnectRefusal.forbidden();
    }
}
