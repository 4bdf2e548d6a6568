package io.phoenixspring.test.app;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import java.util.List;
import java.util.Map;

/** A JSON API over the notes in {@link Notes}. */
@PhoenixController
public class NoteController {

    private final Notes notes;

    public NoteController(Notes notes) {
        this.notes = notes;
    }

    /** A note with an attached file, from a multipart form: the file is read while the request lasts. */
    @io.phoenixspring.web.controller.Blocking
    Conn attach(Conn conn, Params params) throws java.io.IOException {
        Params note = params.map("note");
        io.phoenixspring.web.conn.Upload file = (io.phoenixspring.web.conn.Upload) note.get("file");
        String id = notes.add(note.string("body"));
        return Controller.json(conn.putStatus(201), Map.of("data", Map.of("id", id, "body", note.string("body"),
                "file", Map.of("filename", file.filename(), "content_type", file.contentType(),
                        "text", java.nio.file.Files.readString(file.path())))));
    }

    Conn index(Conn conn) {
        return Controller.json(conn, Map.of("data", notes.all()));
    }

    Conn show(Conn conn, Params params) {
        String body = notes.find(params.string("id"));
        if (body == null) {
            throw new StatusException(404, "no note " + params.string("id"));
        }
        return Controller.json(conn, Map.of("data", Map.of("id", params.string("id"), "body", body)));
    }

    Conn create(Conn conn, Params params) {
        String id = notes.add(params.map("note").string("body"));
        return Controller.json(conn.putStatus(201).putRespHeader("location", "/api/notes/" + id),
                Map.of("data", Map.of("id", id, "body", notes.find(id))));
    }

    Conn search(Conn conn, Params params) {
        return Controller.json(conn, Map.of("q", params.string("q"), "tags", params.required("tags"),
                "page", params.map("page").string("number")));
    }

    Conn crash(Conn conn) {
        throw new IllegalStateException("boom");
    }

    static List<Object> unused() {
        return List.of();
    }
}
