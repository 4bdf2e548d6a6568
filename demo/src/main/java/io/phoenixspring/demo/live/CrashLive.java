package io.phoenixspring.demo.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.Map;

/**
 * {@code /crash}: {@code #boom} throws in the event handler. Only this instance dies: the client shows
 * {@code phx-error}, rejoins, and the page mounts afresh ({@code #mounted} says {@code live} again).
 * Template: {@code CrashLive.html.heex}.
 */
@PhoenixLiveView
public class CrashLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("mounted", socket.connected() ? "live" : "dead").assign("page_title", "Crash");
    }

    @HandleEvent("boom")
    void boom() {
        throw new IllegalStateException("boom: the /crash page's button (on purpose)");
    }
}
