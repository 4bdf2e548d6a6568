package io.phoenixspring.test.app;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;

/** The browser side: an HTML page, a form post that redirects with a flash, the session's user. */
@PhoenixController
public class PageController {

    private final Notes notes;

    public PageController(Notes notes) {
        this.notes = notes;
    }

    Conn home(Conn conn) {
        String flash = Controller.getFlash(conn).getOrDefault("info", "");
        return Controller.html(conn,
                "<h1>Notes</h1><p class=\"info\">" + flash + "</p><p>" + notes.all().size() + " notes</p>");
    }

    Conn create(Conn conn, Params params) {
        notes.add(params.string("body"));
        Conn saved = conn.putSession("last_note", params.string("body"));
        return Controller.redirect(Controller.putFlash(saved, "info", "Note created."), "/");
    }

    Conn whoami(Conn conn) {
        Object user = conn.getSession("user_id");
        return Controller.text(conn, user == null ? "nobody" : "user " + user);
    }
}
