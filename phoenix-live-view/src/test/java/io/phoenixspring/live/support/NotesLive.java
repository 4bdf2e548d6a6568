package io.phoenixspring.live.support;

import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.template.Templates;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveComponent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Live components the page adds and removes: {@code Note}s with their own click count. */
@TemplateImports(NotesLive.Note.class)
public class NotesLive implements LiveView {

    public static final Template TEMPLATE = Templates.compile("""
            <div id="notes"><.live_component :for={id <- @ids} module={Note} id={id}/></div>
            <button id="remove-a" phx-click="remove" phx-value-id="a">remove a</button>
            <button id="add-a" phx-click="add" phx-value-id="a">add a</button>""", "NotesLive.html.heex", NotesLive.class);

    public static class Note implements LiveComponent {
        static final Template TEMPLATE = Templates.compile("""
                <p id={@id}><span id={"#{@id}-clicks"}>{@clicks}</span><button id={"#{@id}-bump"} phx-click="bump" phx-target={@myself}>bump</button></p>""",
                "Note.html.heex", Note.class);

        @Override
        public void mount(LiveSocket socket) {
            socket.assign("clicks", 0);
        }

        @HandleEvent("bump")
        void bump(LiveSocket socket) {
            socket.update("clicks", (Integer n) -> n + 1);
        }

        @Override
        public Template template() {
            return TEMPLATE;
        }
    }

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("ids", List.of("a", "b"));
    }

    @HandleEvent("remove")
    void remove(Map<String, Object> value, LiveSocket socket) {
        List<String> ids = new ArrayList<>(socket.<List<String>>get("ids"));
        ids.remove(value.get("id"));
        socket.assign("ids", ids);
    }

    @HandleEvent("add")
    void add(Map<String, Object> value, LiveSocket socket) {
        List<String> ids = new ArrayList<>(socket.<List<String>>get("ids"));
        ids.add((String) value.get("id"));
        socket.assign("ids", ids);
    }
}
