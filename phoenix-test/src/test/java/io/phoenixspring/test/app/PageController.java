package io.phoenixspring.test.app;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import java.util.List;

/** The browser side: HTML pages, a form post that redirects with a flash, the session's user. */
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

    Conn index(Conn conn) {
        StringBuilder items = new StringBuilder();
        List<String> all = notes.all();
        for (int i = 0; i < all.size(); i++) {
            items.append("<li class=\"note\"><a href=\"/notes/").append(i + 1).append("\" title=\"Note ").append(i + 1)
                    .append("\">").append(escape(all.get(i))).append("</a></li>");
        }
        return Controller.html(conn, "<!DOCTYPE html><html><head><title>Notes</title></head><body>"
                + "<h1>Listing   <em>Notes</em></h1><ul id=\"notes\">" + items + "</ul>"
                + "<a href=\"/notes/new\" class=\"button\">New note</a></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
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
