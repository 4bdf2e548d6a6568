package io.phoenixspring.test.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A form with phx-change (validation that respects untouched fields) and phx-submit; shows what it received. */
@PhoenixLiveView
public class FormLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("name", "").assign("email", "").assign("bio", "Hello").assign("target", "").assign("unused", "")
                .assign("errors", "").assign("saved", "").assign("nick", "").assign("source", "");
    }

    @SuppressWarnings("unchecked")
    @HandleEvent("validate")
    void validate(Map<String, Object> form, LiveSocket socket) {
        Map<String, Object> user = (Map<String, Object>) form.get("user");
        TreeSet<String> unused = new TreeSet<>();
        user.keySet().stream().filter(k -> k.startsWith("_unused_")).forEach(k -> unused.add(k.substring(8)));
        String name = (String) user.getOrDefault("name", "");
        socket.assign("name", name).assign("email", user.getOrDefault("email", ""))
                .assign("target", String.valueOf(form.get("_target"))).assign("unused", String.join(",", unused))
                .assign("errors", name.isBlank() && !unused.contains("name") ? "name can't be blank" : "")
                .assign("source", form.get("source"));
    }

    @HandleEvent("save")
    void save(Map<String, Object> form, LiveSocket socket) {
        socket.assign("saved", sorted(form).toString());
    }

    @HandleEvent("nick")
    void nick(Map<String, Object> form, LiveSocket socket) {
        socket.assign("nick", sorted(form).toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> sorted(Map<String, Object> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? sorted((Map<String, Object>) m) : v));
        return out;
    }
}
