package io.phoenixspring.live.rendered;

import java.util.Map;
import java.util.Objects;

/**
 * A live component as its parent's template calls it ({@code <.live_component module={Toggle} id="toggle-1" …/>},
 * Phoenix.LiveView.Component): not yet a cid. The cid is given when the tree is walked (depth first, as
 * Phoenix's Diff traverses), by the {@link LiveComponentContext} of the render: the {@link Diff} then
 * sends the integer, the dead render inlines the component's HTML.
 *
 * @param type the component's class
 * @param id its id among the components of that class
 * @param assigns the call's attributes ({@code id} included)
 */
public record LiveComponentCall(Class<?> type, String id, Map<String, Object> assigns) {

    public LiveComponentCall {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        assigns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assigns));
    }

    /** The component's place in the tree, from the render's {@link LiveComponentContext}. */
    LiveComponentRef resolve() {
        return LiveComponentContext.current().render(this);
    }
}
