package io.phoenixspring.demo.web;

import io.phoenixspring.live.components.CoreComponents;
import io.phoenixspring.live.form.Form;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /notes/live} and {@code /notes/live/new}: the notes of the controller pages in a LiveView, with the same core
 * components — a streamed {@code <.table>}, and on {@code :new} a {@code <.modal>} (JS commands) holding a
 * {@code <.simple_form>} that validates on change; saving closes it with a patch, as phx.gen.live's index does.
 * Template: {@code NotesLive.html.heex}.
 */
@PhoenixLiveView
@TemplateImports(CoreComponents.class)
public class NotesLive implements LiveView {

    private static final String FORM = "note";
    private final Notes notes;

    public NotesLive(Notes notes) {
        this.notes = notes;
    }

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("page_title", "Live notes").assign("form", Form.of(Map.of(), FORM)).stream("notes", notes.all());
    }

    @Override
    public void handleParams(Map<String, Object> params, URI uri, LiveSocket socket) {
        socket.assign("form", Form.of(Map.of(), FORM));
    }

    @HandleEvent("validate")
    void validate(Map<String, Object> value, LiveSocket socket) {
        Map<String, String> note = noteParams(value);
        socket.assign("form", Form.of(note, FORM).withErrors(Notes.validate(note)));
    }

    @HandleEvent("save")
    void save(Map<String, Object> value, LiveSocket socket) {
        Map<String, String> note = noteParams(value);
        var errors = Notes.validate(note);
        if (!errors.isEmpty()) {
            socket.assign("form", Form.of(note, FORM).withErrors(errors));
            return;
        }
        Notes.Note created = notes.create(Notes.text(note.get("title")), Notes.text(note.get("body")));
        socket.streamInsert("notes", created).putFlash("info", "Note \"" + created.title() + "\" created.")
                .pushPatch("/notes/live");
    }

    /** The form's two fields (and their {@code _unused_} markers); anything else the client sent is dropped. */
    private static Map<String, String> noteParams(Map<String, Object> value) {
        Map<String, String> note = new LinkedHashMap<>();
        if (value.get(FORM) instanceof Map<?, ?> submitted) {
            for (String field : List.of("title", "body")) {
                if (submitted.get("_unused_" + field) instanceof String) {
                    note.put("_unused_" + field, "");
                }
                if (submitted.get(field) instanceof String text) {
                    note.put(field, text);
                }
            }
        }
        return note;
    }
}
