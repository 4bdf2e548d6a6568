package io.phoenixspring.live.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Components rendering what Phoenix's core components render in the transcripts' app. */
class CoreComponents {

    @FunctionComponent(template = """
            <div id="flash-group">
              <.flash kind={:info} flash={@flash} />
              <.flash kind={:error} flash={@flash} />
            </div>
            """)
    @Attr(name = "flash", type = AttrType.MAP, required = true)
    static void flash_group() {
    }

    @FunctionComponent(template = """
            <div :if={@flash[@kind]} id={@id} phx-click={@on_click} role="alert" class={["flash", "flash-#{@kind}"]} {@rest}>
              {@flash[@kind]}
            </div>
            """)
    @Attr(name = "id", type = AttrType.STRING)
    @Attr(name = "kind", type = AttrType.STRING, required = true)
    @Attr(name = "flash", type = AttrType.MAP, defaultValue = "%{}")
    @Attr(name = "on_click", type = AttrType.STRING, defaultValue = "lv:clear-flash")
    @Attr(name = "rest", type = AttrType.GLOBAL)
    static void flash(Map<String, Object> assigns) {
        assigns.putIfAbsent("id", "flash-" + assigns.get("kind"));
    }

    /** Phoenix's {@code <.link patch={…}>}. */
    @FunctionComponent(template = """
            <a href={@patch} data-phx-link="patch" data-phx-link-state={if @replace, do: "replace", else: "push"} {@rest}>{render_slot(@inner_block)}</a>
            """)
    @Attr(name = "patch", type = AttrType.STRING, required = true)
    @Attr(name = "replace", type = AttrType.BOOLEAN, defaultValue = "false")
    @Attr(name = "rest", type = AttrType.GLOBAL)
    @Slot(name = "inner_block", required = true)
    static void link() {
    }

    /** Phoenix's {@code <.link navigate={…}>}. */
    @FunctionComponent(template = """
            <a href={@navigate} data-phx-link="redirect" data-phx-link-state={if @replace, do: "replace", else: "push"} {@rest}>{render_slot(@inner_block)}</a>
            """)
    @Attr(name = "navigate", type = AttrType.STRING, required = true)
    @Attr(name = "replace", type = AttrType.BOOLEAN, defaultValue = "false")
    @Attr(name = "rest", type = AttrType.GLOBAL)
    @Slot(name = "inner_block", required = true)
    static void navigate_link() {
    }

    /** Phoenix's {@code <.form>}: attributes last-given first, the CSRF and method inputs empty here. */
    @FunctionComponent(template = """
            <form {@attrs}>
              {@hidden_method}
              {@csrf_input}
              {render_slot(@inner_block, @for)}
            </form>
            """)
    @Attr(name = "for", required = true)
    @Attr(name = "rest", type = AttrType.GLOBAL, include = {"action", "method"})
    @Slot(name = "inner_block")
    static void form(Map<String, Object> assigns) {
        @SuppressWarnings("unchecked")
        List<Map.Entry<String, Object>> attrs = new ArrayList<>(((Map<String, Object>) assigns.get("rest")).entrySet());
        Collections.reverse(attrs);
        Map<String, Object> ordered = new LinkedHashMap<>();
        attrs.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        assigns.put("attrs", ordered);
        assigns.put("hidden_method", "");
        assigns.put("csrf_input", "");
    }

    @FunctionComponent(template = """
            <section id={@id} class="card">
              <h2 class="card-title">{@title}</h2>
              <div class="card-body">{render_slot(@inner_block)}</div>
              <footer :if={@footer != []} class="card-footer">{render_slot(@footer)}</footer>
            </section>
            """)
    @Attr(name = "id", type = AttrType.STRING, required = true)
    @Attr(name = "title", type = AttrType.STRING, required = true)
    @Slot(name = "inner_block", required = true)
    @Slot(name = "footer")
    static void card() {
    }
}
