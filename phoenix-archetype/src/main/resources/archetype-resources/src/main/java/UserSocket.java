package ${package};

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
 * {@code /socket/websocket} and {@code /socket/longpoll}: the {@code token} connect param is a
 * Phoenix.Token of the user name from {@link TokenController} (salt {@value SALT}, one day); a
 * missing, forged or expired token refuses the connection. The id {@code user_socket:NAME} lets
 * the endpoint disconnect every socket of a user.
 *
 * <pre>{@code
 * let socket = new Socket("/socket", {params: {token}});
 * socket.connect();
 * }</pre>
 */
@PhoenixSocket(path = "/socket", longpoll = true)
public class UserSocket implements SocketHandler {

    /** The salt of the user tokens, shared with {@link TokenController}. */
    public static final String SALT = "user socket";

    /** How long a user token is valid, in seconds (Phoenix's default max_age). */
    public static final long MAX_AGE_SECONDS = 86400;

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
        TokenResult result = tokens.verify(SALT, params.get("token"), TokenOptions.maxAge(MAX_AGE_SECONDS));
        if (result instanceof TokenResult.Ok ok && ok.data() instanceof String user) {
            socket.assign("user", user);
            return ConnectResult.ok();
        }
        return ConnectResult.error("invalid token");
    }

    @Override
    public String id(Socket socket) {
        return "user_socket:" + socket.assign("user");
    }
}
