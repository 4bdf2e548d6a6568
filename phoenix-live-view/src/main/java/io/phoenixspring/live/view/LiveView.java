package io.phoenixspring.live.view;

import io.phoenixspring.live.template.Template;
import java.net.URI;
import java.util.Map;

/**
 * A LiveView (Phoenix.LiveView): a page whose state lives on the server, in its {@link LiveSocket}'s
 * assigns, and whose template is re-rendered, and diffed, after every callback. One bean serves every
 * instance of the page: keep per-page state in the assigns, never in fields. Each instance handles its
 * messages one at a time, like a Phoenix process.
 *
 * <pre>{@code
 * @PhoenixLiveView
 * class CounterLive implements LiveView {
 *     public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
 *         socket.assign("count", 0);
 *     }
 *
 *     @HandleEvent("inc")
 *     void inc(Map<String, Object> value, LiveSocket socket) {
 *         socket.update("count", (Integer n) -> n + 1);
 *     }
 * }
 * }</pre>
 *
 * <p>Events go to methods annotated {@link HandleEvent}; any other event goes to
 * {@link #handleEvent}. A callback that throws crashes this instance only: the client shows
 * {@code phx-error} and rejoins, which mounts afresh.
 */
public interface LiveView {

    /**
     * Called twice per page: for the plain HTTP render ({@code socket.connected()} false), then when
     * the browser joins over the socket.
     *
     * @param params the route's path params and the query params
     * @param session the browser session (the signed cookie) plus the live session's extra session
     */
    default void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
    }

    /** After mount, and on every live patch (a patch link, {@code pushPatch}, browser history). */
    default void handleParams(Map<String, Object> params, URI uri, LiveSocket socket) {
    }

    /**
     * An event no {@link HandleEvent} method takes. By default it fails, as Phoenix does when no
     * {@code handle_event/3} clause matches.
     *
     * @return a reply map ({@code {:reply, map, socket}}), or null for none
     */
    default Map<String, Object> handleEvent(String event, Map<String, Object> value, LiveSocket socket) {
        throw new IllegalStateException(getClass().getSimpleName() + " has no handler for the event \"" + event
                + "\": add a method annotated @HandleEvent(\"" + event + "\")");
    }

    /**
     * A message sent to this instance: {@link LiveSocket#send}, or a PubSub broadcast on a topic it
     * {@linkplain LiveSocket#subscribe subscribed} to.
     */
    default void handleInfo(Object message, LiveSocket socket) {
        org.slf4j.LoggerFactory.getLogger(getClass()).warn("{} received a message it does not handle (override "
                + "handleInfo): {}", getClass().getSimpleName(), message);
    }

    /**
     * The outcome of {@link LiveSocket#startAsync} work ({@code handle_async/3}): {@code result.ok()}
     * with {@code result.result()} its value, or failed with {@code result.failed()} the exception it
     * threw (a {@link java.util.concurrent.CancellationException} after {@link LiveSocket#cancelAsync}).
     * Runs in the view's turn, like every callback. By default it fails, as Phoenix does without
     * {@code handle_async/3}.
     */
    default void handleAsync(String name, AsyncResult result, LiveSocket socket) {
        throw new IllegalStateException(getClass().getSimpleName() + " started the async work \"" + name
                + "\" but does not override handleAsync");
    }

    /** When the instance ends: the page left, closed, or crashed. */
    default void terminate(String reason, LiveSocket socket) {
    }

    /**
     * An inline template; null (the default) means the one found for this class by the
     * {@link TemplateResolver} (the colocated {@code CounterLive.html.heex}).
     */
    default Template template() {
        return null;
    }
}
