package io.phoenixspring.demo.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.net.URI;
import java.util.Map;

/**
 * {@code /nav/:page}: {@code #page} shows the path param, {@code #patched} how many times
 * {@code handleParams} ran in this instance; {@code #next} patches to the next page, {@code #to-counter}
 * navigates to {@code /counter} (same live session), {@code #push-patch} makes the server patch to
 * {@code /nav/100}. Template: {@code NavLive.html.heex}.
 */
@PhoenixLiveView
public class NavLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("patched", 0);
    }

    /** After mount and on every patch; a page that is not a whole integer shows page 1. */
    @Override
    public void handleParams(Map<String, Object> params, URI uri, LiveSocket socket) {
        long page = Params.wholeInteger(params.get("page"), 1);
        socket.assign("page", page).update("patched", (Integer n) -> n + 1).assign("page_title", "Nav " + page);
    }

    @HandleEvent("jump")
    void jump(LiveSocket socket) {
        socket.pushPatch("/nav/100");
    }
}
