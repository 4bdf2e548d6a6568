package io.phoenixspring.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An Erlang list whose tail is not {@code []}, such as Elixir's {@code [1 | 2]}. Proper lists
 * are plain {@link List}s; this type exists so that decoding never loses the tail.
 *
 * <pre>{@code
 * ImproperList cons = new ImproperList(List.of(1), 2); // [1 | 2]
 * }</pre>
 *
 * @param items the elements before the tail (at least one)
 * @param tail the final tail, anything but a proper list
 */
public record ImproperList(List<Object> items, Object tail) {

    public ImproperList {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an improper list has at least one element before its tail");
        }
        if (tail instanceof List<?>) {
            throw new IllegalArgumentException("a list tail makes a proper list; append the elements instead");
        }
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }
}
