package io.phoenixspring.presence.support;

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

/** The contract's socket: token with salt "user socket"; id user_socket:NAME; room:* with presence. */
@PhoenixSocket(path = "/socket", longpoll = true)
public class PresenceUserSocket implements SocketHandler {

    private final PhoenixToken tokens;
    private final PresenceRoomChannel room;

    public PresenceUserSocket(PhoenixToken tokens, PresenceRoomChannel room) {
        this.tokens = tokens;
        this.room = room;
    }

    @Override
    public void channels(ChannelRoutes routes) {
        routes.channel("room:*", room);
    }

    @Override
    public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
        String token = params.get("token") != null ? params.get("token") : info.authToken();
        TokenResult result = tokens.verify("user socket", token, TokenOptions.maxAge(86400));
        if (!(result instanceof TokenResult.Ok ok)) {
            return ConnectResult.error(result.error().orElseThrow().atom());
        }
        socket.assign("user", ok.data());
        return ConnectResult.ok();
    }

    @Override
    public String id(Socket socket) {
        return "user_socket:" + socket.assign("user");
    }
}
