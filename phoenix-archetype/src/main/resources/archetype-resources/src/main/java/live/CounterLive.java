package ${package}.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.Map;

/**
 * {@code /counter}: a counter. The buttons send {@code inc} (by {@code phx-value-by}, else 1) and
 * {@code dec}; the page title follows the count. Template: {@code CounterLive.html.heex}, next to
 * this class; the page around it: {@link ${package}.Layouts} (root and app).
 */
@PhoenixLiveView
public class CounterLive implements LiveView {

    /** Bounds a click's step, so a hand-made {@code phx-value-by} cannot overflow the count. */
    static final long MAX_STEP = 1_000_000;

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        show(socket, 0);
    }

    @HandleEvent("inc")
    void inc(Map<String, Object> value, LiveSocket socket) {
        show(socket, (Long) socket.get("count") + step(value.get("by")));
    }

    @HandleEvent("dec")
    void dec(LiveSocket socket) {
        show(socket, (Long) socket.get("count") - 1);
    }

    private static void show(LiveSocket socket, long count) {
        socket.assign("count", count).assign("page_title", "Count " + count);
    }

    /** The client sends {@code phx-value-*} as strings; anything but a whole number is a step of 1. */
    static long step(Object by) {
        try {
            long step = by == null ? 1 : Long.parseLong(by.toString());
            return Math.max(-MAX_STEP, Math.min(MAX_STEP, step));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
