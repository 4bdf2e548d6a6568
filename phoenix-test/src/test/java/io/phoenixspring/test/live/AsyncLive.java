package io.phoenixspring.test.live;

import io.phoenixspring.live.view.AsyncResult;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.Map;

/**
 * Async work: the answer loads in 200 ms on the connected mount, {@code #fail} reloads it with work that
 * fails, {@code #report} starts a 300 ms job whose outcome {@code handleAsync} shows, {@code #slow} one of
 * 5 s; the {@code items} hook event takes any JSON value.
 */
@PhoenixLiveView
public class AsyncLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("report", "none").assign("hooked", "nothing").assignAsync("answer", () -> {
            Thread.sleep(200);
            return 42;
        });
    }

    @HandleEvent("fail")
    void fail(LiveSocket socket) {
        socket.assignAsync("answer", () -> {
            Thread.sleep(100);
            throw new IllegalStateException("no answer");
        }, true);
    }

    @HandleEvent("report")
    void report(LiveSocket socket) {
        socket.assign("report", "building").startAsync("report", () -> {
            Thread.sleep(300);
            return "ready";
        });
    }

    @HandleEvent("slow")
    void slow(LiveSocket socket) {
        socket.startAsync("report", () -> {
            Thread.sleep(5_000);
            return "late";
        });
    }

    @HandleEvent("items")
    void items(Object value, LiveSocket socket) {
        socket.assign("hooked", String.valueOf(value));
    }

    @Override
    public void handleAsync(String name, AsyncResult result, LiveSocket socket) {
        socket.assign(name, result.ok() ? result.result() : "failed");
    }
}
