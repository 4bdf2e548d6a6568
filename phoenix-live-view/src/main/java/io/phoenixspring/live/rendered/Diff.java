package io.phoenixspring.live.rendered;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One view's rendering state as the client knows it (Phoenix.LiveView.Diff): which statics the
 * client already has, at which place of the tree. {@link #render} turns a {@link Rendered} into
 * the wire JSON of LiveView 1.0: the whole tree the first time ({@code "s"} statics, {@code "r": 1}
 * for single-root templates), then only the dynamics that changed, with {@code "s"} only where a
 * different template now renders. Comprehensions send their statics once and all their rows when
 * they change; templates nested in rows share statics through {@code "p"}. Not thread-safe: a view
 * renders one message at a time.
 *
 * <pre>{@code
 * Diff diff = new Diff();
 * Map<String, Object> joinReply = diff.render(view.render(assigns, null));      // {"0": "5", "s": [...]}
 * Map<String, Object> afterClick = diff.render(view.render(assigns, changed));  // {"0": "6"}
 * }</pre>
 */
public final class Diff {

    /** What the client holds at one place: a template's fingerprint, and what it holds below it. */
    private static final class Prints {
        final long fingerprint;
        final Map<Integer, Prints> children = new HashMap<>();

        Prints(long fingerprint) {
            this.fingerprint = fingerprint;
        }
    }

    /** Statics shared by the templates nested in one comprehension's rows ({@code "p"}). */
    private static final class Shared {
        final Map<Long, Integer> indexes = new LinkedHashMap<>();
        final Map<String, Object> templates = new LinkedHashMap<>();

        int index(long fingerprint, List<String> statics) {
            return indexes.computeIfAbsent(fingerprint, fp -> {
                int index = indexes.size();
                templates.put(String.valueOf(index), statics);
                return index;
            });
        }
    }

    private Prints root;

    /**
     * The wire JSON of {@code rendered}: keys {@code "0"}, {@code "1"}, … for dynamics, {@code "s"},
     * {@code "r"}; empty when nothing changed. Top-level keys ({@code "t"}, {@code "e"}, …) are the
     * caller's to add.
     */
    public Map<String, Object> render(Rendered rendered) {
        Prints[] next = new Prints[1];
        Map<String, Object> json = rendered(rendered, root, next);
        root = next[0];
        return json;
    }

    /** Forgets what the client has: the next render is sent whole (a rejoin). */
    public void reset() {
        root = null;
    }

    private static Map<String, Object> rendered(Rendered rendered, Prints prints, Prints[] next) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (prints != null && prints.fingerprint == rendered.fingerprint()) {
            next[0] = prints;
            List<Object> dynamics = rendered.dynamics(true);
            for (int i = 0; i < dynamics.size(); i++) {
                Object dynamic = dynamics.get(i);
                if (dynamic == null) {
                    continue;
                }
                Object value = dynamic(dynamic, prints.children.get(i), prints, i);
                if (!(value instanceof Map<?, ?> map && map.isEmpty())) {
                    json.put(String.valueOf(i), value);
                }
            }
            return json;
        }
        Prints fresh = new Prints(rendered.fingerprint());
        next[0] = fresh;
        List<Object> dynamics = rendered.dynamics(false);
        for (int i = 0; i < dynamics.size(); i++) {
            Object dynamic = dynamics.get(i);
            json.put(String.valueOf(i), dynamic(dynamic, null, fresh, i));
        }
        json.put("s", rendered.statics());
        if (rendered.root()) {
            json.put("r", 1);
        }
        return json;
    }

    /** A dynamic's JSON; records what the client now holds below {@code parent} at {@code index}. */
    private static Object dynamic(Object dynamic, Prints previous, Prints parent, int index) {
        if (dynamic instanceof String text) {
            parent.children.remove(index);
            return text;
        }
        if (dynamic instanceof Rendered nested) {
            Prints[] next = new Prints[1];
            Map<String, Object> json = rendered(nested, previous, next);
            parent.children.put(index, next[0]);
            return json;
        }
        Comprehension comprehension = (Comprehension) dynamic;
        boolean known = previous != null && previous.fingerprint == comprehension.fingerprint();
        if (!known && comprehension.stream() == null && comprehension.dynamics().isEmpty()) {
            // As Phoenix: an empty comprehension the client never had is an empty string.
            parent.children.remove(index);
            return "";
        }
        Shared shared = new Shared();
        Map<String, Object> json = comprehension(comprehension, known, shared);
        if (!shared.templates.isEmpty()) {
            json.put("p", shared.templates);
        }
        if (!comprehension.dynamics().isEmpty() || known) {
            parent.children.put(index, new Prints(comprehension.fingerprint()));
        } else {
            // An empty comprehension sends empty statics: the real ones go with its first rows.
            parent.children.remove(index);
        }
        return json;
    }

    private static Map<String, Object> comprehension(Comprehension comprehension, boolean known, Shared shared) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Object> rows = new ArrayList<>(comprehension.dynamics().size());
        for (List<Object> row : comprehension.dynamics()) {
            List<Object> values = new ArrayList<>(row.size());
            for (Object dynamic : row) {
                values.add(inRow(dynamic, shared));
            }
            rows.add(values);
        }
        json.put("d", rows);
        if (!known) {
            json.put("s", comprehension.dynamics().isEmpty() ? List.of() : comprehension.statics());
        }
        if (comprehension.stream() != null) {
            Comprehension.Stream stream = comprehension.stream();
            List<Object> inserts = new ArrayList<>(stream.inserts().size());
            for (Comprehension.Insert insert : stream.inserts()) {
                List<Object> entry = new ArrayList<>(3);
                entry.add(insert.domId());
                entry.add(insert.at());
                entry.add(insert.limit());
                inserts.add(entry);
            }
            List<Object> operations = new ArrayList<>(List.of(stream.ref(), inserts, stream.deletes()));
            if (stream.reset()) {
                operations.add(true);
            }
            json.put("stream", operations);
        }
        return json;
    }

    /** A dynamic inside a comprehension's row: sent whole, its statics shared through {@code "p"}. */
    private static Object inRow(Object dynamic, Shared shared) {
        if (dynamic instanceof String text) {
            return text;
        }
        if (dynamic instanceof Rendered nested) {
            Map<String, Object> json = new LinkedHashMap<>();
            List<Object> dynamics = nested.dynamics(false);
            for (int i = 0; i < dynamics.size(); i++) {
                json.put(String.valueOf(i), inRow(dynamics.get(i), shared));
            }
            json.put("s", shared.index(nested.fingerprint(), nested.statics()));
            if (nested.root()) {
                json.put("r", 1);
            }
            return json;
        }
        Comprehension comprehension = (Comprehension) dynamic;
        if (comprehension.dynamics().isEmpty() && comprehension.stream() == null
                && !shared.indexes.containsKey(comprehension.fingerprint())) {
            // As Phoenix (the /upload transcript's entry without errors): an empty one in a row whose
            // statics this diff has not shared yet is "".
            return "";
        }
        Map<String, Object> json = new LinkedHashMap<>();
        List<Object> rows = new ArrayList<>();
        for (List<Object> row : comprehension.dynamics()) {
            List<Object> values = new ArrayList<>(row.size());
            for (Object value : row) {
                values.add(inRow(value, shared));
            }
            rows.add(values);
        }
        json.put("d", rows);
        json.put("s", shared.index(comprehension.fingerprint(), comprehension.statics()));
        return json;
    }
}
