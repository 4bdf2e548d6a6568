package io.phoenixspring.demo.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The notes of the controller pages: in memory, the newest {@value #MAX} kept (a demo must not grow without end). */
@Component
public class Notes {

    static final int MAX = 100;

    /** A note. */
    public record Note(long id, String title, String body) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final LinkedHashMap<Long, Note> notes = new LinkedHashMap<>();

    public Notes() {
        create("Welcome", "This page is a controller rendering HEEx, inside the layouts the LiveViews use.");
    }

    public synchronized List<Note> all() {
        return List.copyOf(notes.values());
    }

    public synchronized Optional<Note> get(long id) {
        return Optional.ofNullable(notes.get(id));
    }

    public synchronized Note create(String title, String body) {
        Note note = new Note(ids.incrementAndGet(), title, body);
        notes.put(note.id(), note);
        if (notes.size() > MAX) {
            notes.remove(notes.keySet().iterator().next());
        }
        return note;
    }

    /** @return the errors of a note's params by field, as a changeset's (empty when valid) */
    static Map<String, List<String>> validate(Map<String, ?> params) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String title = text(params.get("title"));
        String body = text(params.get("body"));
        if (title.isBlank()) {
            errors.put("title", new ArrayList<>(List.of("can't be blank")));
        } else if (title.length() > 80) {
            errors.put("title", new ArrayList<>(List.of("should be at most 80 character(s)")));
        }
        if (body.length() > 1000) {
            errors.put("body", new ArrayList<>(List.of("should be at most 1000 character(s)")));
        }
        return errors;
    }

    static String text(Object value) {
        return value instanceof String s ? s.strip() : "";
    }
}
