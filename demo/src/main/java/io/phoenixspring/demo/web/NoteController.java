package io.phoenixspring.demo.web;

import io.phoenixspring.demo.live.Layouts;
import io.phoenixspring.live.form.Form;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import java.util.List;
import java.util.Map;

/**
 * The notes pages, a Phoenix 1.7 controller: {@code GET /notes} (a table and a form), {@code POST /notes} (422 with
 * the form's errors, or a flash and a redirect), {@code GET /notes/:id} (404 through ErrorHTML when there is none).
 * Every page renders {@link NoteHTML}'s templates inside {@link Layouts}' app and root layouts.
 */
@PhoenixController(html = NoteHTML.class, layout = Layouts.class)
public class NoteController {

    private final Notes notes;

    public NoteController(Notes notes) {
        this.notes = notes;
    }

    Conn index(Conn conn) {
        return index(conn, Form.of(Map.of(), "note"));
    }

    Conn create(Conn conn, Params params) {
        Map<String, Object> submitted = params.get("note") instanceof Map<?, ?> note ? castMap(note) : Map.of();
        Map<String, List<String>> errors = Notes.validate(submitted);
        if (!errors.isEmpty()) {
            return index(conn.putStatus(422), Form.of(submitted, "note").withErrors(errors));
        }
        Notes.Note note = notes.create(Notes.text(submitted.get("title")), Notes.text(submitted.get("body")));
        return Controller.redirect(Controller.putFlash(conn, "info", "Note \"" + note.title() + "\" created."),
                "/notes/" + note.id());
    }

    Conn show(Conn conn, Params params) {
        long id = parseId(params.string("id"));
        Notes.Note note = notes.get(id).orElseThrow(() -> new StatusException(404, "no note " + id));
        return Controller.render(conn.assign("page_title", note.title()), "show", Map.of("note", note));
    }

    private Conn index(Conn conn, Form form) {
        return Controller.render(conn.assign("page_title", "Notes"), "index", Map.of("notes", notes.all(), "form", form));
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new StatusException(404, "no note " + id);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
