package com.example.chat;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.plug.Csrf;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /members/session} (signed-in users): what a page gives its JavaScript: the CSRF token
 * for the socket's {@code _csrf_token} param, and a visit id kept in the session cookie.
 */
@PhoenixController
public class MemberController {

    Conn session(Conn conn, Params params) {
        String visit = conn.getSession("visit") instanceof String existing ? existing : UUID.randomUUID().toString();
        Conn withVisit = conn.putSession("visit", visit);
        return Controller.json(withVisit, Map.of("csrf_token", Csrf.getCsrfToken(withVisit), "visit", visit));
    }
}
