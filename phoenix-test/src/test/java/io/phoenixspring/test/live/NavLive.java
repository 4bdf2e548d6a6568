package io.phoenixspring.test.live;

import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.net.URI;
import java.util.Map;

/** A page reached by live navigation, showing the flash it arrived with. */
@PhoenixLiveView
public class NavLive implements LiveView {

    @Override
    public void handleParams(Map<String, Object> params, URI uri, LiveSocket socket) {
        socket.assign("page", params.get("page")).assign("page_title", "Page " + params.get("page"));
    }
}
