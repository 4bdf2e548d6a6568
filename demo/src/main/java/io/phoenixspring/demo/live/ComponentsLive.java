package io.phoenixspring.demo.live;

import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.Map;

/**
 * {@code /components}: the function component {@code <.card>} ({@link CoreComponents#card}) with its
 * title, inner block and footer slot, twice ({@code #card-a}, {@code #card-b}). The live-component
 * toggles of the contract come with #16. Template: {@code ComponentsLive.html.heex}.
 */
@PhoenixLiveView
@TemplateImports(CoreComponents.class)
public class ComponentsLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("page_title", "Components");
    }
}
