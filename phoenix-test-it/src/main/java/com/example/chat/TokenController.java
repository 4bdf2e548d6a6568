package com.example.chat;

import io.phoenixspring.presence.Presence;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import java.util.List;
import java.util.Map;

/** {@code GET /api/token?user=NAME}: a socket token; {@code GET /api/rooms/:id/online}: who is there. */
@PhoenixController
public class TokenController {

    private final PhoenixToken tokens;
    private final Presence presence;

    public TokenController(PhoenixToken tokens, Presence presence) {
        this.tokens = tokens;
        this.presence = presence;
    }

    Conn create(Conn conn, Params params) {
        return Controller.json(conn, Map.of("token", tokens.sign("user socket", params.string("user"))));
    }

    Conn online(Conn conn, Params params) {
        List<String> users = presence.list("room:" + params.string("id")).keySet().stream().sorted().toList();
        return Controller.json(conn, Map.of("users", users));
    }
}
