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

        Prints copy() {
            Prints copy = new Prints(fingerprint);
            children.forEach((index, child) -> copy.children.put(index, child.copy()));
            return copy;
        }
    }

    /** What the client holds of one live component. */
    private record ComponentState(Class<?> type, Prints prints) {
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
    /** The live components the client holds, by cid, in the order they came. */
    private final Map<Integer, ComponentState> components = new LinkedHashMap<>();
    /** Cids the client is destroying ({@code cids_will_destroy}): their statics are not shared any more. */
    private final java.util.Set<Integer> marked = new java.util.HashSet<>();
    /** The components met while rendering, whose trees go under {@code "c"}. */
    private final java.util.ArrayDeque<LiveComponentRef> pending = new java.util.ArrayDeque<>();

    /**
     * The wire JSON of {@code rendered}: keys {@code "0"}, {@code "1"}, … for dynamics, {@code "s"},
     * {@code "r"}, and {@code "c"} for the live components rendered with it; empty when nothing
     * changed. Top-level keys ({@code "t"}, {@code "e"}, …) are the caller's to add.
     */
    public Map<String, Object> render(Rendered rendered) {
        return render(rendered, List::of);
    }

    /**
     * {@link #render(Rendered)} of the page ({@code null}: the page did not render) and of live
     * components that rendered on their own (an event, {@code send_update}; asked for after the page,
     * which may render them itself); the components met in
     * the trees follow, under {@code "c"} by cid. A component's tree whose statics equal another
     * component's of the same class says so ({@code "s": cid}, negative: that cid's tree before this diff).
     */
    public Map<String, Object> render(Rendered rendered, java.util.function.Supplier<List<LiveComponentRef>> components) {
        Map<String, Object> json = new LinkedHashMap<>();
        pending.clear();
        if (rendered != null) {
            Prints[] next = new Prints[1];
            json.putAll(rendered(rendered, root, next, true));
            root = next[0];
        }
        pending.addAll(components.get());
        Map<Integer, Prints> before = new HashMap<>();
        this.components.forEach((cid, state) -> before.put(cid, state.prints()));
        java.util.Set<Integer> done = new java.util.HashSet<>();
        Map<String, Object> trees = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            LiveComponentRef ref = pending.poll();
            marked.remove(ref.cid());
            if (ref.tree() == null) {
                continue;
            }
            trees.put(String.valueOf(ref.cid()), component(ref, before, done));
            done.add(ref.cid());
        }
        if (!trees.isEmpty()) {
            json.put("c", trees);
        }
        return json;
    }

    private Map<String, Object> component(LiveComponentRef ref, Map<Integer, Prints> before, java.util.Set<Integer> done) {
        ComponentState state = components.get(ref.cid());
        Rendered tree = ref.tree();
        // A copy: the trees from before this diff stay as the client has them, for "s": -cid below.
        Prints prints = state == null ? null : state.prints().copy();
        Integer linked = null;
        if (prints == null || prints.fingerprint != tree.fingerprint()) {
            // New, or a new root: another component of the class may already have these statics (maybe_reuse_static).
            for (Map.Entry<Integer, ComponentState> other : components.entrySet()) {
                int cid = other.getKey();
                if (cid == ref.cid() || other.getValue().type() != ref.type()) {
                    continue;
                }
                Prints old = before.get(cid);
                if (old != null && !marked.contains(cid) && old.fingerprint == tree.fingerprint()) {
                    linked = -cid;
                    prints = old.copy();
                    break;
                }
                Prints now = other.getValue().prints();
                if (done.contains(cid) && now.fingerprint == tree.fingerprint()) {
                    linked = cid;
                    prints = now.copy();
                    break;
                }
            }
        }
        Prints[] next = new Prints[1];
        Map<String, Object> json = rendered(tree, prints, next, linked == null);
        if (linked != null) {
            json.put("s", linked);
        }
        components.put(ref.cid(), new ComponentState(ref.type(), next[0]));
        return json;
    }

    /** The client is destroying {@code cid} ({@code cids_will_destroy}): no tree may share its statics now. */
    public void markForDeletion(int cid) {
        if (components.containsKey(cid)) {
            marked.add(cid);
        }
    }

    /**
     * The client destroyed {@code cid} ({@code cids_destroyed}): forgotten, unless it rendered again
     * since it was marked. Returns whether it was forgotten.
     */
    public boolean delete(int cid) {
        if (!marked.remove(cid)) {
            return false;
        }
        components.remove(cid);
        return true;
    }

    /** Forgets what the client has: the next render is sent whole (a rejoin). */
    public void reset() {
        root = null;
        components.clear();
        marked.clear();
    }

    private Map<String, Object> rendered(Rendered rendered, Prints prints, Prints[] next, boolean track) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (prints != null && prints.fingerprint == rendered.fingerprint()) {
            next[0] = prints;
            List<Object> dynamics = rendered.dynamics(track);
            for (int i = 0; i < dynamics.size(); i++) {
                Object dynamic = dynamics.get(i);
                if (dynamic == null) {
                    continue;
                }
                Object value = dynamic(dynamic, prints.children.get(i), prints, i, track);
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
            json.put(String.valueOf(i), dynamic(dynamic, null, fresh, i, false));
        }
        json.put("s", rendered.statics());
        if (rendered.root()) {
            json.put("r", 1);
        }
        return json;
    }

    /** A dynamic's JSON; records what the client now holds below {@code parent} at {@code index}. */
    private Object dynamic(Object dynamic, Prints previous, Prints parent, int index, boolean track) {
        if (dynamic instanceof String text) {
            parent.children.remove(index);
            return text;
        }
        if (dynamic instanceof LiveComponentCall call) {
            dynamic = call.resolve();
        }
        if (dynamic instanceof LiveComponentRef component) {
            parent.children.remove(index);
            pending.add(component);
            return component.cid();
        }
        if (dynamic instanceof Rendered nested) {
            Prints[] next = new Prints[1];
            Map<String, Object> json = rendered(nested, previous, next, track);
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

    private Map<String, Object> comprehension(Comprehension comprehension, boolean known, Shared shared) {
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
    private Object inRow(Object dynamic, Shared shared) {
        if (dynamic instanceof String text) {
            return text;
        }
        if (dynamic instanceof LiveComponentCall call) {
            dynamic = call.resolve();
        }
        if (dynamic instanceof LiveComponentRef component) {
            pending.add(component);
            return component.cid();
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
