package io.phoenixspring.demo.live;

import io.phoenixspring.live.form.FormField;
import io.phoenixspring.live.template.Attr;
import io.phoenixspring.live.template.AttrType;
import io.phoenixspring.live.template.FunctionComponent;
import io.phoenixspring.live.template.Slot;
import java.util.List;
import java.util.Map;

/**
 * The pages' function components, shaped like a phx.new application's {@code CoreComponents}:
 * {@code <.flash_group>}, {@code <.flash>}, {@code <.input>} and {@code <.card>}. Templates use them
 * through {@code @TemplateImports(CoreComponents.class)}; Phoenix.Component's own ({@code <.link>},
 * {@code <.form>}, {@code <.live_title>}) are built in.
 */
public final class CoreComponents {

    private CoreComponents() {
    }

    /** The flash messages of the app layout: {@code #flash-info} and {@code #flash-error}, each absent when empty. */
    @FunctionComponent(template = """
            <div id="flash-group">
              <.flash kind={:info} flash={@flash} />
              <.flash kind={:error} flash={@flash} />
            </div>
            """)
    @Attr(name = "flash", type = AttrType.MAP, required = true)
    static void flash_group() {
    }

    /**
     * One flash message; a click hides it at once and clears it on the server ({@code lv:clear-flash},
     * handled by LiveView itself), as phx.new's {@code flash/1} does with JS commands.
     */
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

    /** phx.new's {@code input/1} for a form field: its errors show only once the user used the input. */
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
    @Attr(name = "rest", type = AttrType.GLOBAL, include = {"autocomplete", "disabled", "placeholder", "maxlength"})
    static void input(Map<String, Object> assigns) {
        FormField field = (FormField) assigns.get("field");
        assigns.put("id", field.id());
        assigns.put("name", field.name());
        assigns.put("value", field.value());
        assigns.put("errors", field.used() ? field.errors() : List.of());
    }

    /** A card with a title, a body (the inner block) and an optional footer slot. */
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
