package ${package};

import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import java.util.Map;

/**
 * {@code GET /api/token?user=NAME}: the token {@link UserSocket} connects with, a Phoenix.Token of
 * the name. It signs any name: a starting point; put it behind your login before users rely on
 * who they are (sign the logged-in user's id instead of a parameter).
 */
@PhoenixController
public class TokenController {

    private final PhoenixToken tokens;

    public TokenController(PhoenixToken tokens) {
        this.tokens = tokens;
    }

    Conn create(Conn conn, Params params) {
        return Controller.json(conn, Map.of("token", tokens.sign(UserSocket.SALT, params.string("user"))));
    }
}
