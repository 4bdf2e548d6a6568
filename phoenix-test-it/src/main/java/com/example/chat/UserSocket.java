package com.example.chat;

import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.token.TokenOptions;
import io.phoenixspring.token.TokenResult;
import java.util.Map;

/**
 * {@code /socket} (WebSocket, and long-poll for clients that cannot use one): connects with a token
 * from {@code /api/token}; {@code room:*} goes to {@link RoomChannel}.
 */
@PhoenixSocket(path = "/socket", longpoll = true)
public class UserSocket implements SocketHandler {

    private final PhoenixToken tokens;

    public UserSocket(PhoenixToken tokens) {
        this.tokens = tokens;
    }

    @Override
    public void channels(ChannelRoutes routes) {
        routes.channel("room:*", RoomChannel.class);
    }

    @Override
    public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
        TokenResult result = tokens.verify("user socket", params.get("token"), TokenOptions.maxAge(86400));
        if (!(result instanceof TokenResult.Ok ok)) {
            return ConnectResult.error(result.error().orElseThrow().atom());
        }
        socket.assign("user", ok.data());
        return ConnectResult.ok();
    }

    @Override
    public String id(Socket socket) {
        return "user_socket:" + socket.assigns().get("user");
    }
}
