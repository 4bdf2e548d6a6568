package io.phoenixspring.dashboard;

import io.phoenixspring.live.template.Attr;
import io.phoenixspring.live.template.AttrType;
import io.phoenixspring.live.template.FunctionComponent;
import io.phoenixspring.live.template.Slot;
import java.util.Map;

/**
 * The dashboard's function components, for its pages and yours ({@code @TemplateImports(DashboardComponents.class)}):
 * {@code <.card title="Memory">…</.card>}, {@code <.field id="heap" label="Heap">…</.field>} (a row of a card's
 * field list) and {@code <.usage_bar percent={42.0}/>}.
 */
public final class DashboardComponents {

    private DashboardComponents() {
    }

    /** A titled card; its body is the inner block. */
    @FunctionComponent(template = """
            <section id={@id} class="dash-card">
              <h3>{@title}</h3>
              {render_slot(@inner_block)}
            </section>
            """)
    @Attr(name = "id", type = AttrType.STRING)
    @Attr(name = "title", type = AttrType.STRING, required = true)
    @Slot(name = "inner_block", required = true)
    static void card() {
    }

    /** A label and its value (the inner block), in a {@code <dl class="dash-fields">}; the value's element has the id. */
    @FunctionComponent(template = """
            <dt>{@label}</dt><dd id={@id}>{render_slot(@inner_block)}</dd>
            """)
    @Attr(name = "id", type = AttrType.STRING)
    @Attr(name = "label", type = AttrType.STRING, required = true)
    @Slot(name = "inner_block", required = true)
    static void field() {
    }

    /** A horizontal bar filled to {@code percent} (0–100). */
    @FunctionComponent(template = """
            <div class="dash-bar" title={"#{@label}"}><span style={"width: #{@width}%"}></span></div>
            """)
    @Attr(name = "percent", required = true)
    @Attr(name = "label", type = AttrType.STRING, defaultValue = "")
    static void usage_bar(Map<String, Object> assigns) {
        double percent = assigns.get("percent") instanceof Number n ? n.doubleValue() : 0;
        assigns.put("width", String.format(java.util.Locale.ROOT, "%.1f", Math.max(0, Math.min(100, percent))));
    }
}
