package io.phoenixspring.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An Erlang tuple. Elixir's {@code {:user, 42}} is {@code Tuple.of(Atom.of("user"), 42)}.
 *
 * <pre>{@code
 * Tuple pair = Tuple.of(Atom.of("ok"), "done");
 * Object status = pair.get(0); // Atom[name=ok]
 * }</pre>
 *
 * @param elements the elements in order; may contain {@code null} (the atom nil)
 */
public record Tuple(List<Object> elements) {

    public Tuple {
        elements = Collections.unmodifiableList(new ArrayList<>(elements));
    }

    public static Tuple of(Object... elements) {
        List<Object> list = new ArrayList<>(elements.length);
        Collections.addAll(list, elements);
        return new Tuple(list);
    }

    public Object get(int index) {
        return elements.get(index);
    }

    public int size() {
        return elements.size();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < elements.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(elements.get(i));
        }
        return text.append('}').toString();
    }
}
