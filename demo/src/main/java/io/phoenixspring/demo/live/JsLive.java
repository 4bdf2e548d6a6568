package io.phoenixspring.demo.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.Map;

/**
 * {@code /js}: JS commands, a hook and the two ways back from the server. {@code #toggle-panel} and
 * {@code #highlight} run {@code JS.toggle} / {@code JS.add_class} in the browser alone; {@code #ping} runs
 * {@code JS.push("ping")}, answered with the reply {@code {pong: N}} (the client drops replies to a
 * {@code JS.push}, so {@code #pong} shows N from the view's state too); the {@code Echo} hook of
 * {@code live.js} pushes {@code "hello"} when it mounts and gets {@code push_event("greet", …)} back.
 * Template: {@code JsLive.html.heex}.
 */
@PhoenixLiveView
public class JsLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("pong", null).assign("page_title", "JS");
    }

    @HandleEvent("ping")
    Map<String, Object> ping(LiveSocket socket) {
        Long pongs = socket.get("pong");
        long pong = pongs == null ? 1 : pongs + 1;
        socket.assign("pong", pong);
        return Map.of("pong", pong);                    // {:reply, %{pong: n}, socket}: the diff's "r"
    }

    @HandleEvent("hello")
    void hello(LiveSocket socket) {
        socket.pushEvent("greet", Map.of("text", "hello hook"));   // the hook's handleEvent("greet", …)
    }
}
