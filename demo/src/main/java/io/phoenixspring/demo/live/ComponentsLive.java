package io.phoenixspring.demo.live;

import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.Map;

/**
 * {@code /components}: the function component {@code <.card>} ({@link CoreComponents#card}) with its
 * title, inner block and footer slot, twice ({@code #card-a}, {@code #card-b}); the live component
 * {@link Toggle} twice ({@code toggle-1}, {@code toggle-2}, each with its own state), whose flips this
 * view counts in {@code #parent-count} as they notify it. Template: {@code ComponentsLive.html.heex}.
 */
@PhoenixLiveView
@TemplateImports({CoreComponents.class, Toggle.class})
public class ComponentsLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("page_title", "Components").assign("count", 0);
    }

    @Override
    public void handleInfo(Object message, LiveSocket socket) {
        if (message instanceof Toggle.Toggled) {
            socket.update("count", (Integer count) -> count + 1);
        }
    }
}
