package io.phoenixspring.live.view;

import io.phoenixspring.live.template.Template;
import java.util.Map;

/**
 * A stateful component living inside a LiveView (Phoenix.LiveComponent): identified by its class and
 * {@code id}, with its own assigns (its own {@link LiveSocket}), its own events and its own template,
 * diffed under {@code "c"} by cid. Like a LiveView, the bean keeps no state: that lives in the socket.
 *
 * <pre>{@code
 * @PhoenixLiveComponent
 * public class Toggle implements LiveComponent {
 *     public void mount(LiveSocket socket) { socket.assign("on", false); }
 *
 *     @HandleEvent("toggle")                                       // phx-click="toggle" phx-target={@myself}
 *     void toggle(LiveSocket socket) {
 *         socket.update("on", (Boolean on) -> !on);
 *         socket.send(new Toggled(socket.get("id")));            // send(self(), …): the parent's handleInfo
 *     }
 * }
 * }</pre>
 *
 * In the parent's template ({@code Toggle} in the view's {@code @TemplateImports}, or nested in it):
 * {@code <.live_component module={Toggle} id="toggle-1" label="A"/>}; the component's template
 * ({@code Toggle.html.heex}) has a single root tag and reads {@code @myself} ({@link Cid}).
 */
public interface LiveComponent {

    /** Once, when the component first appears on the page ({@code @myself} and {@code @flash} are assigned). */
    default void mount(LiveSocket socket) {
    }

    /**
     * Each time the parent renders the component, and on {@link LiveSocket#sendUpdate}: {@code assigns}
     * are the attributes given ({@code id} included). By default they are all assigned.
     */
    default void update(Map<String, Object> assigns, LiveSocket socket) {
        socket.assign(assigns);
    }

    /**
     * An event targeted at this component ({@code phx-target={@myself}}) that no {@link HandleEvent}
     * method takes. By default it fails, as Phoenix does when no {@code handle_event/3} clause matches.
     *
     * @return a reply map, or null
     */
    default Map<String, Object> handleEvent(String event, Map<String, Object> value, LiveSocket socket) {
        throw new IllegalStateException(getClass().getSimpleName() + " has no handler for the event \"" + event
                + "\": add a method annotated @HandleEvent(\"" + event + "\")");
    }

    /** An inline template; null (the default) means the one the {@link TemplateResolver} finds for the class. */
    default Template template() {
        return null;
    }
}
