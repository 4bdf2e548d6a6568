package io.phoenixspring.live.support;

import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.OnMount;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Small LiveViews exercising one part of the protocol each. */
public final class TestViews {

    private TestViews() {
    }

    /** Shows {@code @value}; follows {@code live:test} when connected. */
    public static class ShowLive implements LiveView {
        public final AtomicInteger mounts = new AtomicInteger();
        public final AtomicInteger terminated = new AtomicInteger();
        public final AtomicInteger infos = new AtomicInteger();

        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            mounts.incrementAndGet();
            socket.assign("value", socket.connected() ? "live" : "dead").assign("page_title", "Show");
            if (socket.connected()) {
                socket.subscribe("live:" + (params.get("topic") instanceof String topic ? topic : "test"));
            }
        }

        @Override
        public void handleParams(Map<String, Object> params, URI uri, LiveSocket socket) {
            if (params.get("x") instanceof String x) {
                socket.assign("value", "x=" + x);
            }
        }

        @Override
        public void handleInfo(Object message, LiveSocket socket) {
            infos.incrementAndGet();
            socket.assign("value", message instanceof Broadcast b ? b.event() + ":" + b.payload() : String.valueOf(message));
        }

        @Override
        public void terminate(String reason, LiveSocket socket) {
            terminated.incrementAndGet();
        }

        @HandleEvent("echo")
        Map<String, Object> echo(Map<String, Object> value, LiveSocket socket) {
            socket.assign("value", String.valueOf(value));
            return Map.of("got", value);
        }

        @HandleEvent("boom")
        void boom() {
            throw new IllegalStateException("boom");
        }

        @HandleEvent("patch")
        void patch(LiveSocket socket) {
            socket.pushPatch("/show?x=1");
        }

        @HandleEvent("navigate")
        void navigate(LiveSocket socket) {
            socket.putFlash("info", "Saved Ada").pushNavigate("/other");
        }

        @HandleEvent("away")
        void away(LiveSocket socket) {
            socket.redirect("/plain");
        }

        @HandleEvent("later")
        void later(LiveSocket socket) {
            socket.send("sent to self");
        }

        @HandleEvent("hello")
        void hello(LiveSocket socket) {
            socket.pushEvent("greet", Map.of("text", "hello hook"));
        }

        @HandleEvent("flash")
        void flash(LiveSocket socket) {
            socket.putFlash("info", "Hi");
        }
    }

    /** Shows the flash's info message as {@code @value}. */
    public static class OtherLive implements LiveView {
        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.assign("value", String.valueOf(socket.flash().get("info"))).assign("page_title", "Other");
        }
    }

    /** A view of another live session. */
    public static class AdminLive implements LiveView {
        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.assign("value", "admin " + session.get("role") + " " + socket.get("user"));
        }
    }

    /** An on_mount hook of the admin session. */
    public static final OnMount LOAD_USER = (params, session, socket) -> {
        socket.assignNew("user", () -> "ada");
        return OnMount.Result.CONT;
    };

    /** Redirects from mount. */
    public static class GateLive implements LiveView {
        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.putFlash("error", "Go away").redirect("/plain");
        }
    }

    /** A stream of items; inserts and deletes arrive as messages. */
    public static class StreamLive implements LiveView {
        public record Insert(int id, String text) {
        }

        public record Delete(int id) {
        }

        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.stream("items", List.of(item(1, "milk"), item(2, "eggs")));
            if (socket.connected()) {
                socket.subscribe("live:stream");
            }
        }

        @Override
        public void handleInfo(Object message, LiveSocket socket) {
            if (message instanceof Insert insert) {
                socket.streamInsert("items", item(insert.id(), insert.text()));
            } else if (message instanceof Delete delete) {
                socket.streamDelete("items", Map.of("id", delete.id()));
            } else if ("reset".equals(message)) {
                socket.stream("items", List.of(item(9, "fresh")), -1, null, true);
            }
        }

        @HandleEvent("send")
        void send(Map<String, Object> value, LiveSocket socket) {
            socket.send(new Insert(Integer.parseInt((String) value.get("id")), (String) value.get("text")));
        }

        static Map<String, Object> item(int id, String text) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id);
            item.put("text", text);
            return item;
        }
    }
}
