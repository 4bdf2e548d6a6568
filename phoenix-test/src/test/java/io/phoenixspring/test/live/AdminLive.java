package io.phoenixspring.test.live;

import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.Map;

/** A page of another live session ("admin"): live navigation from the default session loads it instead. */
@PhoenixLiveView
public class AdminLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("area", session.get("area"));
    }
}
