package io.phoenixspring.demo.web;

import io.phoenixspring.demo.live.Layouts;
import io.phoenixspring.live.form.Form;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import java.util.List;
import java.util.Map;

/**
 * The notes pages, a Phoenix 1.7 controller: {@code GET /notes} (a table and a form), {@code POST /notes} (422 with
 * the form's errors, or a flash and a redirect), {@code GET /notes/:id} (a missing note goes to {@link NoteFallback}:
 * ErrorHTML's 404 page).
 * Every page renders {@link NoteHTML}'s templates inside {@link Layouts}' app and root layouts.
 */
@PhoenixController(html = NoteHTML.class, layout = Layouts.class, fallback = NoteFallback.class)
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

    Object show(Conn conn, Params params) {
        String id = params.string("id");
        return parseId(id).flatMap(notes::get)
                .<Object>map(note -> Controller.render(conn.assign("page_title", note.title()), "show", Map.of("note", note)))
                .orElse(new NoteFallback.Missing(id));
    }

    private Conn index(Conn conn, Form form) {
        return Controller.render(conn.assign("page_title", "Notes"), "index", Map.of("notes", notes.all(), "form", form));
    }

    private static java.util.Optional<Long> parseId(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
