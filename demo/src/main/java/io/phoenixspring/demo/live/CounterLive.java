package io.phoenixspring.demo.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.net.URI;
import java.util.Map;

/**
 * {@code /counter}: {@code #count} starts at the {@code start} query param (a whole integer, else 0),
 * {@code #inc}/{@code #dec}/{@code #inc-by} change it, the title is {@code Count N}, and
 * {@code #reset-link} live-patches to {@code ?start=0}. Template: {@code CounterLive.html.heex}.
 */
@PhoenixLiveView
public class CounterLive implements LiveView {

    /** Bounds a click's step, so a hand-made {@code phx-value-by} cannot overflow the count. */
    static final long MAX_STEP = 1_000_000;

    @Override
    public void handleParams(Map<String, Object> params, URI uri, LiveSocket socket) {
        show(socket, Params.wholeInteger(params.get("start"), 0));
    }

    @HandleEvent("inc")
    void inc(Map<String, Object> value, LiveSocket socket) {
        long by = Params.wholeInteger(value.get("by"), 1);
        show(socket, (Long) socket.get("count") + Math.max(-MAX_STEP, Math.min(MAX_STEP, by)));
    }

    @HandleEvent("dec")
    void dec(LiveSocket socket) {
        show(socket, (Long) socket.get("count") - 1);
    }

    private static void show(LiveSocket socket, long count) {
        socket.assign("count", count).assign("page_title", "Count " + count);
    }
}
