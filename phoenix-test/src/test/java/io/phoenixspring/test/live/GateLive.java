package io.phoenixspring.test.live;

import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.Map;

/**
 * A page that sends the visitor away from mount: {@code /gate} in the dead render already (a 302),
 * {@code /gate?when=connected} only once connected (the join is refused with a live redirect).
 */
@PhoenixLiveView
public class GateLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        if (!"connected".equals(params.get("when"))) {
            socket.putFlash("error", "Sign in first").redirect("/plain");
        } else if (socket.connected()) {
            socket.putFlash("info", "Moved").pushNavigate("/nav/9");
        }
    }
}
