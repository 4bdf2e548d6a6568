package io.phoenixspring.demo.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveComponent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.PhoenixLiveComponent;

/**
 * The {@code /components} page's live component: its own {@code on} state, flipped by its button
 * ({@code phx-target={@myself}}), and each flip told to the parent ({@code send(self(), …)}), which
 * counts them. Template: {@code Toggle.html.heex}.
 */
@PhoenixLiveComponent
public class Toggle implements LiveComponent {

    /** What a toggle tells its parent LiveView. */
    public record Toggled(String id, boolean on) {
    }

    @Override
    public void mount(LiveSocket socket) {
        socket.assign("on", false);
    }

    @HandleEvent("toggle")
    void toggle(LiveSocket socket) {
        boolean on = !(Boolean) socket.get("on");
        socket.assign("on", on);
        socket.send(new Toggled(socket.get("id"), on));
    }
}
