package io.phoenixspring.live.view;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles client events of a {@link LiveView} ({@code handle_event/3}): {@code phx-click},
 * {@code phx-submit}, {@code phx-change}, hooks' {@code pushEvent}. Parameters are taken by type, in
 * any order: the event's value ({@code Map<String, Object>}: {@code phx-value-*} attributes, or a
 * form's fields decoded as Plug does, {@code user[name]} → {@code {"user": {"name": …}}}), the
 * {@link LiveSocket}, and the event name ({@code String}). Return nothing, or a {@code Map} to reply
 * ({@code {:reply, map, socket}}: sent as {@code "r"} to a hook's {@code pushEvent} callback).
 *
 * <pre>{@code
 * @HandleEvent("inc")
 * void inc(Map<String, Object> value, LiveSocket socket) {
 *     int by = value.containsKey("by") ? Integer.parseInt((String) value.get("by")) : 1;
 *     socket.update("count", (Integer n) -> n + by);
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HandleEvent {

    /** The event names this method handles. */
    String[] value();
}
