package io.phoenixspring.test.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A counter: clicks with values, patches, navigation, pushed events, hook replies, messages, a crash. */
@PhoenixLiveView
public class CounterLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("count", 0).assign("history", List.of()).assign("echo", "")
                .assign("connected", socket.connected()).assign("tz", socket.connectParams().get("tz"));
        if (socket.connected()) {
            socket.subscribe("counter");
        }
    }

    @Override
    public void handleParams(Map<String, Object> params, URI uri, LiveSocket socket) {
        int start = params.get("start") instanceof String s && s.matches("-?\\d+") ? Integer.parseInt(s) : 0;
        set(socket, start);
    }

    private static void set(LiveSocket socket, int count) {
        List<Integer> history = new ArrayList<>(socket.<List<Integer>>get("history"));
        history.add(count);
        socket.assign("count", count).assign("history", history).assign("page_title", "Count " + count);
    }

    @HandleEvent("inc")
    void inc(Map<String, Object> value, LiveSocket socket) {
        int by = value.get("by") instanceof String s ? Integer.parseInt(s) : 1;
        set(socket, socket.<Integer>get("count") + by);
    }

    @HandleEvent("echo")
    void echo(Map<String, Object> value, LiveSocket socket) {
        socket.assign("echo", new TreeMap<>(value).toString());
    }

    @HandleEvent("patch")
    void patch(LiveSocket socket) {
        socket.pushPatch("/counter?start=42");
    }

    @HandleEvent("ping")
    void ping(LiveSocket socket) {
        socket.pushEvent("pong", Map.of("count", socket.get("count")));
    }

    @HandleEvent("fetch")
    Map<String, Object> fetch(Map<String, Object> value, LiveSocket socket) {
        return Map.of("count", socket.get("count"), "asked", value.get("what"));
    }

    @HandleEvent("save")
    void save(LiveSocket socket) {
        socket.putFlash("info", "Saved " + socket.get("count")).pushNavigate("/nav/1");
    }

    @HandleEvent("away")
    void away(LiveSocket socket) {
        socket.putFlash("info", "Bye").redirect("/plain");
    }

    @HandleEvent("admin")
    void admin(LiveSocket socket) {
        socket.putFlash("info", "Welcome, admin").pushNavigate("/admin");
    }

    @HandleEvent("boom")
    void boom(LiveSocket socket) {
        throw new IllegalStateException("boom (a crash LiveViewTest's tests provoke on purpose)");
    }

    @Override
    public void handleInfo(Object message, LiveSocket socket) {
        if (message instanceof Integer count) {
            set(socket, count);
        } else if ("navigate".equals(message)) {
            socket.pushNavigate("/nav/3");
        } else if ("patch".equals(message)) {
            socket.pushPatch("/counter?start=7");
        } else if ("ping".equals(message)) {
            socket.pushEvent("pong", Map.of("count", socket.get("count")));
        }
    }
}
