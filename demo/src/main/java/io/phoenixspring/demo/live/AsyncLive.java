package io.phoenixspring.demo.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.time.Duration;
import java.util.Map;

/**
 * {@code /async}: on the connected mount {@code assignAsync("answer")} takes 300 ms and yields 42
 * ({@code #answer} shows {@code loading…}, then {@code 42}); {@code #fail} reloads the answer with work
 * that fails ({@code loading…} again, as it resets the result, then {@code failed}). The plain HTTP render
 * runs no work: it shows {@code loading…}. Template: {@code AsyncLive.html.heex} ({@code <.async_result>}).
 */
@PhoenixLiveView
public class AsyncLive implements LiveView {

    /** How long the answer takes. */
    static final Duration THINKING = Duration.ofMillis(300);

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("page_title", "Async").assignAsync("answer", () -> {
            Thread.sleep(THINKING.toMillis());
            return 42;
        });
    }

    @HandleEvent("fail")
    void fail(LiveSocket socket) {
        socket.assignAsync("answer", () -> {
            Thread.sleep(THINKING.toMillis());
            throw new IllegalStateException("the /async page's #fail button (on purpose)");
        }, true);
    }
}
