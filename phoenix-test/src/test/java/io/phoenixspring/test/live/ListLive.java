package io.phoenixspring.test.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.List;
import java.util.Map;

/** A stream: appended, prepended, updated in place, deleted, reset, limited. */
@PhoenixLiveView
public class ListLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.stream("items", List.of(item("1", "milk"), item("2", "eggs")));
    }

    static Map<String, Object> item(Object id, Object text) {
        return Map.of("id", id, "text", text);
    }

    @HandleEvent("add")
    void add(Map<String, Object> value, LiveSocket socket) {
        socket.streamInsert("items", item(value.get("id"), value.get("text")));
    }

    @HandleEvent("first")
    void first(Map<String, Object> value, LiveSocket socket) {
        socket.streamInsert("items", item(value.get("id"), value.get("text")), 0, null);
    }

    @HandleEvent("recent")
    void recent(Map<String, Object> value, LiveSocket socket) {
        socket.streamInsert("items", item(value.get("id"), value.get("text")), -1, -3);
    }

    @HandleEvent("delete")
    void delete(Map<String, Object> value, LiveSocket socket) {
        socket.streamDelete("items", Map.of("id", value.get("id")));
    }

    @HandleEvent("reset")
    void reset(LiveSocket socket) {
        socket.stream("items", List.of(item("9", "fresh")), -1, null, true);
    }
}
