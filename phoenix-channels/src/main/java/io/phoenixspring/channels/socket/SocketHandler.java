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
}
