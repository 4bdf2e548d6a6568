package io.phoenixspring.test.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveComponent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveComponent;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Live components on a page: notes (each with its own text, a click and a form targeted at
 * {@code @myself}, or at the component by a selector), which tell the page when they change; the page
 * adds and removes them. Template: {@code ComponentsLive.html.heex}, the note's {@code Note.html.heex}.
 */
@PhoenixLiveView
public class ComponentsLive implements LiveView {

    @PhoenixLiveComponent
    public static class Note implements LiveComponent {
        @Override
        public void mount(LiveSocket socket) {
            socket.assign("text", "empty").assign("clicks", 0);
        }

        @HandleEvent("bump")
        void bump(LiveSocket socket) {
            socket.update("clicks", (Integer n) -> n + 1);
            socket.send("bumped " + socket.get("id"));
        }

        @HandleEvent("save")
        void save(Map<String, Object> form, LiveSocket socket) {
            socket.assign("text", form.get("text"));
        }
    }

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("ids", List.of("n1", "n2")).assign("heard", List.of());
    }

    @HandleEvent("add")
    void add(Map<String, Object> value, LiveSocket socket) {
        List<String> ids = new ArrayList<>(socket.<List<String>>get("ids"));
        ids.add((String) value.get("id"));
        socket.assign("ids", ids);
    }

    @HandleEvent("remove")
    void remove(Map<String, Object> value, LiveSocket socket) {
        List<String> ids = new ArrayList<>(socket.<List<String>>get("ids"));
        ids.remove(value.get("id"));
        socket.assign("ids", ids);
    }

    @Override
    public void handleInfo(Object message, LiveSocket socket) {
        List<Object> heard = new ArrayList<>(socket.<List<Object>>get("heard"));
        heard.add(message);
        socket.assign("heard", heard);
    }
}
