package io.phoenixspring.live.support;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import java.net.URI;
import java.util.Map;

/** The contract's /counter: start from {@code ?start=N}, inc, dec, inc by {@code phx-value-by}, title "Count N". */
public class CounterLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("count", 0);
    }

    @Override
    public void handleParams(Map<String, Object> params, URI uri, LiveSocket socket) {
        count(socket, start(params.get("start")));
    }

    @HandleEvent("inc")
    void inc(Map<String, Object> value, LiveSocket socket) {
        int by = value.get("by") instanceof String s ? Integer.parseInt(s) : 1;
        count(socket, socket.<Integer>get("count") + by);
    }

    @HandleEvent("dec")
    void dec(LiveSocket socket) {
        count(socket, socket.<Integer>get("count") - 1);
    }

    private static void count(LiveSocket socket, int count) {
        socket.assign("count", count).assign("page_title", "Count " + count);
    }

    static int start(Object value) {
        if (value instanceof String s && s.matches("-?\\d+")) {
            return Integer.parseInt(s);
        }
        return 0;
    }
}
