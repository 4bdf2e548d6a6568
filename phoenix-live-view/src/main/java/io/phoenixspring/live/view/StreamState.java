package io.phoenixspring.live.view;

import io.phoenixspring.live.template.StreamItems;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One stream's operations since the last render. The items themselves are only held until they
 * are rendered: the client keeps them, the server forgets them (Phoenix's LiveStream).
 */
final class StreamState {

    /** What a template sees as {@code @streams.NAME} for one render. */
    record Snapshot(String ref, List<Entry> inserts, List<String> deletes, boolean reset) implements StreamItems {
    }

    final String name;
    final String ref;
    Function<Object, String> domId;
    private List<StreamItems.Entry> inserts = new ArrayList<>();
    private List<String> deletes = new ArrayList<>();
    private boolean reset;

    StreamState(String name, String ref) {
        this.name = name;
        this.ref = ref;
        this.domId = item -> name + "-" + idOf(item);
    }

    void insert(Object item, int at, Integer limit) {
        inserts.add(new StreamItems.Entry(domId.apply(item), at, limit, item));
    }

    void delete(String id) {
        deletes.add(id);
    }

    void reset() {
        reset = true;
        inserts = new ArrayList<>();
    }

    boolean pending() {
        return reset || !inserts.isEmpty() || !deletes.isEmpty();
    }

    Snapshot snapshot() {
        return new Snapshot(ref, List.copyOf(inserts), List.copyOf(deletes), reset);
    }

    Snapshot empty() {
        return new Snapshot(ref, List.of(), List.of(), false);
    }

    /** Forgets what was rendered. */
    void rendered() {
        inserts = new ArrayList<>();
        deletes = new ArrayList<>();
        reset = false;
    }

    /** Phoenix.Param's to_param: the item's {@code id} (a map key, a record component, or a getter). */
    static Object idOf(Object item) {
        if (item instanceof Map<?, ?> map) {
            Object id = map.get("id");
            if (id != null) {
                return id;
            }
        } else if (item != null) {
            Class<?> type = item.getClass();
            try {
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        if (component.getName().equals("id")) {
                            Method accessor = component.getAccessor();
                            accessor.setAccessible(true);
                            return accessor.invoke(item);
                        }
                    }
                }
                for (String name : new String[] {"getId", "id"}) {
                    try {
                        Method getter = type.getMethod(name);
                        return getter.invoke(item);
                    } catch (NoSuchMethodException ignored) {
                        // try the next
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read the id of a stream item " + type.getName(), e);
            }
        }
        throw new IllegalArgumentException("a stream item needs an id (a map key, a record component or getId()) "
                + "or the stream a dom id function (streamConfigure): " + item);
    }
}
