package io.phoenixspring.live.template;

import io.phoenixspring.live.rendered.Rendered;
import java.util.Map;
import java.util.Set;

/**
 * A compiled template: renders assigns to a {@link Rendered}, re-evaluating only the parts that
 * read an assign in {@code changed} (Phoenix's change tracking).
 *
 * <pre>{@code
 * Rendered first = template.render(Map.of("count", 5), null);            // everything
 * Rendered next = template.render(Map.of("count", 6), Set.of("count"));  // what reads @count
 * }</pre>
 */
@FunctionalInterface
public interface Template {

    /**
     * @param assigns the assigns ({@code @name} in the template)
     * @param changed the assign keys changed since the previous render of this view, or {@code null}
     *     for a first (full) render
     */
    Rendered render(Map<String, Object> assigns, Set<String> changed);

    /**
     * {@link #render(Map, Set)} with nested change tracking, as Phoenix's engine: {@code previous} holds
     * the values some changed assigns had at the last render, and a part that reads only paths of
     * them ({@code @user.name}, {@code @form[:email]}) that are the same in both is not re-evaluated. For a
     * {@code Form}, a field counts as changed when its value, errors, name, id or used state did.
     */
    default Rendered render(Map<String, Object> assigns, Set<String> changed, Map<String, Object> previous) {
        return render(assigns, changed);
    }
}
