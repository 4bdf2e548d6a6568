package io.phoenixspring.live.template;

import io.phoenixspring.live.form.FormField;
import java.util.List;
import java.util.Map;

/**
 * Components rendering what the transcripts' app's core components render (shaped like phx.new's):
 * flash_group, flash, input, card. Phoenix.Component's own (link, form, …) are built in.
 */
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
            <div :if={@flash[@kind]} id={@id} phx-click={JS.push("lv:clear-flash", value: %{key: @kind}) |> JS.hide(to: "##{@id}")} role="alert" class={["flash", "flash-#{@kind}"]} {@rest}>
              {@flash[@kind]}
            </div>
            """)
    @Attr(name = "id", type = AttrType.STRING)
    @Attr(name = "kind", type = AttrType.STRING, required = true)
    @Attr(name = "flash", type = AttrType.MAP, defaultValue = "%{}")
    @Attr(name = "rest", type = AttrType.GLOBAL)
    static void flash(Map<String, Object> assigns) {
        assigns.putIfAbsent("id", "flash-" + assigns.get("kind"));
    }

    /** phx.new's {@code input/1} for a form field: errors only once the input was used. */
    @FunctionComponent(template = """
            <div class="field">
              <label for={@id}>{@label}</label>
              <input type={@type} name={@name} id={@id} value={@value} {@rest} />
              <div id={"#{@id}-errors"} class="errors">
                <p :for={msg <- @errors} class="error">{msg}</p>
              </div>
            </div>
            """)
    @Attr(name = "field", required = true)
    @Attr(name = "label", type = AttrType.STRING)
    @Attr(name = "type", type = AttrType.STRING, defaultValue = "text")
    @Attr(name = "rest", type = AttrType.GLOBAL, include = {"autocomplete", "disabled", "placeholder"})
    static void input(Map<String, Object> assigns) {
        FormField field = (FormField) assigns.get("field");
        assigns.put("id", field.id());
        assigns.put("name", field.name());
        assigns.put("value", field.value());
        assigns.put("errors", field.used() ? field.errors() : List.of());
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
