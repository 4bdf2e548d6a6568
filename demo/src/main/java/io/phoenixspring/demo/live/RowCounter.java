package io.phoenixspring.demo.live;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveComponent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.PhoenixLiveComponent;

/**
 * The live component in each of {@code /bench/rows}' rows: its own {@code clicks} count, raised by its
 * button ({@code phx-target={@myself}}); it tells the view nothing, so a click re-renders it alone.
 * Template: {@code RowCounter.html.heex}.
 */
@PhoenixLiveComponent
public class RowCounter implements LiveComponent {

    @Override
    public void mount(LiveSocket socket) {
        socket.assign("clicks", 0);
    }

    @HandleEvent("click")
    void click(LiveSocket socket) {
        socket.update("clicks", (Integer clicks) -> clicks + 1);
    }
}
