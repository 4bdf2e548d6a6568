package io.phoenixspring.channels.support;

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
 * The contract's socket: token with salt "user socket" and max_age one day; id user_socket:NAME; room:* and
 * bench:*. phoenix-presence gives it a room that tracks presence; phoenix-test's sample app extends it.
 */
@PhoenixSocket(path = "/socket", longpoll = true)
public class UserSocket implements SocketHandler {

    private final PhoenixToken tokens;
    private final RoomChannel room;
    private final BenchChannel bench = new BenchChannel();

    public UserSocket(PhoenixToken tokens) {
        this(tokens, new RoomChannel());
    }

    public UserSocket(PhoenixToken tokens, RoomChannel room) {
        this.tokens = tokens;
        this.room = room;
    }

    @Override
    public void channels(ChannelRoutes routes) {
        routes.channel("room:*", room);
        routes.channel("bench:*", bench);
    }

    @Override
    public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
        String token = params.get("token") != null ? params.get("token") : info.authToken();
        TokenResult result = tokens.verify("user socket", token, TokenOptions.maxAge(86400));
        if (!(result instanceof TokenResult.Ok ok)) {
            return ConnectResult.error(result.error().orElseThrow().atom());
        }
        socket.assign("user", ok.data());
        // Kept so that tests can see what the transport passed as connect_info.
        socket.assign("peer", info.peerAddress() == null ? null : info.peerAddress().getAddress().getHostAddress());
        socket.assign("x_headers", info.xHeaders());
        socket.assign("user_agent", info.userAgent());
        socket.assign("uri_path", info.uri() == null ? null : info.uri().getPath());
        return ConnectResult.ok();
    }

    @Override
    public String id(Socket socket) {
        return "user_socket:" + socket.assign("user");
    }
}
