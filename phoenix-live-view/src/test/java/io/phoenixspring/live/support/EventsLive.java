package io.phoenixspring.live.support;

import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.template.Templates;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every client event it gets ({@code [event, value]}): a hook's pushEvent (object or any JSON
 * value) with a reply and a push_event, key events (an input's, {@code phx-key}, the window's),
 * focus/blur, a debounced phx-change and a throttled click. {@code #show-hook} renders the hook's
 * element, so a test can register the hook on the client first.
 */
public class EventsLive implements LiveView {

    public static final Template TEMPLATE = Templates.compile("""
            <p id="count">{@count}</p>
            <button id="show-hook" phx-click="show-hook">show the hook</button>
            <div :if={@hook} id="hook" phx-hook="Pusher">hook</div>
            <input id="keys" name="keys" phx-keydown="key" phx-value-extra="x" />
            <input id="enter" name="enter" phx-keyup="enter" phx-key="Enter" />
            <div id="window" phx-window-keydown="window-key" phx-key="Escape"></div>
            <input id="focus" name="focus" value="f" phx-focus="focused" phx-blur="blurred" />
            <form id="search" phx-change="search"><input id="q" name="q" phx-debounce="300" /></form>
            <button id="throttled" phx-click="throttled" phx-throttle="1000">throttled</button>
            """, "events_live.html.heex", EventsLive.class);

    /** {@code [event, value]} in the order they arrived. */
    public final ConcurrentLinkedQueue<List<Object>> received = new ConcurrentLinkedQueue<>();

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("count", 0).assign("hook", false);
    }

    /** The events as they arrived since the last call. */
    public List<List<Object>> take() {
        List<List<Object>> taken = new ArrayList<>();
        List<Object> next;
        while ((next = received.poll()) != null) {
            taken.add(next);
        }
        return taken;
    }

    @HandleEvent("show-hook")
    void showHook(LiveSocket socket) {
        socket.assign("hook", true);
    }

    @HandleEvent({"key", "enter", "window-key", "focused", "blurred", "search", "throttled", "hook-list"})
    void record(String event, Object value, LiveSocket socket) {
        received.add(List.of(event, value));
        socket.update("count", (Integer n) -> n + 1);
    }

    /** A hook's pushEvent with an object: {@code {:reply, %{pong: n + 1}, socket}} and a push_event. */
    @HandleEvent("hook-ping")
    Map<String, Object> ping(Map<String, Object> value, LiveSocket socket) {
        received.add(List.of("hook-ping", value));
        int n = value.get("n") instanceof Number number ? number.intValue() : 0;
        socket.pushEvent("server-said", Map.of("text", "pinged " + n));
        return Map.of("pong", n + 1);
    }
}
