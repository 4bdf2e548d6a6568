package io.phoenixspring.live.components;

import io.phoenixspring.live.form.FormField;
import io.phoenixspring.live.html.Html;
import io.phoenixspring.live.js.JS;
import io.phoenixspring.live.template.Attr;
import io.phoenixspring.live.template.AttrType;
import io.phoenixspring.live.template.Clause;
import io.phoenixspring.live.template.FunctionComponent;
import io.phoenixspring.live.template.Slot;
import io.phoenixspring.live.template.StreamItems;
import io.phoenixspring.live.template.TemplateFunction;
import io.phoenixspring.live.template.TemplateImports;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The core UI components a Phoenix 1.7 application gets from {@code mix phx.new} ({@code core_components.ex}):
 * the same names, attributes, slots and markup, with phx.new's Tailwind classes and heroicons class names
 * ({@code hero-x-mark-solid}), so a phx.new application's {@code app.css} (Tailwind with the
 * {@code @tailwindcss/forms} plugin and the heroicons plugin of its {@code tailwind.config.js}) styles them.
 * Phoenix.Component's own ({@code <.link>}, {@code <.form>}, {@code <.focus_wrap>}) are built into every template.
 *
 * <p>From a LiveView, import them as Phoenix's {@code import MyAppWeb.CoreComponents}:
 * <pre>{@code
 * @PhoenixLiveView
 * @TemplateImports(CoreComponents.class)   // UserFormLive.html.heex may call <.simple_form>, <.input>, <.button>
 * class UserFormLive implements LiveView { … }
 * }</pre>
 *
 * <p>From a controller's view (any class whose templates render HTML outside a LiveView), the same way:
 * <pre>{@code
 * @TemplateImports(CoreComponents.class)
 * final class PageHTML { }   // PageHTML.html.heex: <.header>Users</.header><.table id="users" rows={@users}>…
 * String html = Templates.forClass(PageHTML.class).render(Map.of("users", users), null).toHtml();
 * }</pre>
 *
 * <p>What differs from phx.new, because templates here cannot define functions ({@code fn … end}, {@code &}):
 * <ul>
 * <li>{@code <.table>}'s {@code row_id}, {@code row_click} and {@code row_item} are Java
 * {@link Function}s given as assigns (or returned by a {@code @TemplateFunction}); a stream's row is the pair
 * {@code [dom_id, item]}, as Phoenix's {@code {dom_id, item}} tuple ({@code :let={{_id, user}}}).</li>
 * <li>errors are the messages of {@link io.phoenixspring.live.form.Form} (already text); {@link #translateError}
 * interpolates {@code %{count}}-style options as phx.new's {@code translate_error/1} does without gettext.</li>
 * <li>{@code <.simple_form>} hands {@code as} to {@code <.form>} only when given, so a {@code Form}'s own name
 * is kept.</li>
 * </ul>
 */
@TemplateImports(HtmlForm.class)
public final class CoreComponents {

    private static final List<String> SHOW_TRANSITION = List.of("transition-all transform ease-out duration-300",
            "opacity-0 translate-y-4 sm:translate-y-0 sm:scale-95", "opacity-100 translate-y-0 sm:scale-100");
    private static final List<String> HIDE_TRANSITION = List.of("transition-all transform ease-in duration-200",
            "opacity-100 translate-y-0 sm:scale-100", "opacity-0 translate-y-4 sm:translate-y-0 sm:scale-95");

    private CoreComponents() {
    }

    // ------------------------------------------------------------------ modal

    /**
     * A modal dialog, shown on mount when {@code show}, hidden (and {@code on_cancel} run) on escape, a click
     * away or its close button; focus stays inside ({@code <.focus_wrap>}).
     *
     * <pre>{@code
     * <.modal id="confirm" show on_cancel={JS.patch("/posts")}>Delete this post?</.modal>
     * <button phx-click={show_modal("confirm")}>Delete</button>
     * }</pre>
     */
    @FunctionComponent(template = """
            <div
              id={@id}
              phx-mounted={@show && show_modal(@id)}
              phx-remove={hide_modal(@id)}
              data-cancel={JS.exec(@on_cancel, "phx-remove")}
              class="relative z-50 hidden"
            >
              <div id={"#{@id}-bg"} class="bg-zinc-50/90 fixed inset-0 transition-opacity" aria-hidden="true" />
              <div
                class="fixed inset-0 overflow-y-auto"
                aria-labelledby={"#{@id}-title"}
                aria-describedby={"#{@id}-description"}
                role="dialog"
                aria-modal="true"
                tabindex="0"
              >
                <div class="flex min-h-full items-center justify-center">
                  <div class="w-full max-w-3xl p-4 sm:p-6 lg:py-8">
                    <.focus_wrap
                      id={"#{@id}-container"}
                      phx-window-keydown={JS.exec("data-cancel", to: "##{@id}")}
                      phx-key="escape"
                      phx-click-away={JS.exec("data-cancel", to: "##{@id}")}
                      class="shadow-zinc-700/10 ring-zinc-700/10 relative hidden rounded-2xl bg-white p-14 shadow-lg ring-1 transition"
                    >
                      <div class="absolute top-6 right-5">
                        <button
                          phx-click={JS.exec("data-cancel", to: "##{@id}")}
                          type="button"
                          class="-m-3 flex-none p-3 opacity-20 hover:opacity-40"
                          aria-label="close"
                        >
                          <.icon name="hero-x-mark-solid" class="h-5 w-5" />
                        </button>
                      </div>
                      <div id={"#{@id}-content"}>
                        {render_slot(@inner_block)}
                      </div>
                    </.focus_wrap>
                  </div>
                </div>
              </div>
            </div>
            """)
    @Attr(name = "id", type = AttrType.STRING, required = true)
    @Attr(name = "show", type = AttrType.BOOLEAN, defaultValue = "false")
    @Attr(name = "on_cancel")
    @Slot(name = "inner_block", required = true)
    static void modal(Map<String, Object> assigns) {
        Object onCancel = assigns.get("on_cancel");
        if (onCancel == null) {
            assigns.put("on_cancel", JS.NONE);                       // attr :on_cancel, JS, default: %JS{}
        } else if (!(onCancel instanceof JS)) {
            throw new IllegalArgumentException("on_cancel is JS commands (JS.navigate(…), …), got " + describe(onCancel));
        }
    }

    // ------------------------------------------------------------------ flash

    /**
     * A flash notice: the inner block, else the {@code flash} map's message of {@code kind}; a click clears
     * it on the server ({@code lv:clear-flash}) and hides it.
     *
     * <pre>{@code
     * <.flash kind={:info} flash={@flash} />
     * <.flash kind={:info} phx-mounted={show("#flash")}>Welcome Back!</.flash>
     * }</pre>
     */
    @FunctionComponent(template = """
            <div
              :if={@inner_block != [] || @flash_message}
              id={@id}
              phx-click={JS.push("lv:clear-flash", value: %{key: @kind}) |> hide("##{@id}")}
              role="alert"
              class={[
                "fixed top-2 right-2 mr-2 w-80 sm:w-96 z-50 rounded-lg p-3 ring-1",
                @kind == :info && "bg-emerald-50 text-emerald-800 ring-emerald-500 fill-cyan-900",
                @kind == :error && "bg-rose-50 text-rose-900 shadow-md ring-rose-500 fill-rose-900"
              ]}
              {@rest}
            >
              <p :if={@title} class="flex items-center gap-1.5 text-sm font-semibold leading-6">
                <.icon :if={@kind == :info} name="hero-information-circle-mini" class="h-4 w-4" />
                <.icon :if={@kind == :error} name="hero-exclamation-circle-mini" class="h-4 w-4" />
                {@title}
              </p>
              <p class="mt-2 text-sm leading-5">{render_slot(@inner_block) || @flash_message}</p>
              <button type="button" class="group absolute top-1 right-1 p-2" aria-label="close">
                <.icon name="hero-x-mark-solid" class="h-5 w-5 opacity-40 group-hover:opacity-70" />
              </button>
            </div>
            """)
    @Attr(name = "id", type = AttrType.STRING)
    @Attr(name = "flash", type = AttrType.MAP, defaultValue = "%{}")
    @Attr(name = "title", defaultValue = "nil")
    @Attr(name = "kind", required = true)
    @Attr(name = "rest", type = AttrType.GLOBAL)
    @Slot(name = "inner_block")
    static void flash(Map<String, Object> assigns) {
        String kind = Html.text(assigns.get("kind"));
        if (assigns.get("id") == null) {
            assigns.put("id", "flash-" + kind);
        }
        Object flash = assigns.get("flash");
        // Phoenix.Flash.get(flash, kind): the message under the kind's name
        assigns.put("flash_message", flash instanceof Map<?, ?> map ? map.get(kind) : null);
    }

    /**
     * The flash notices of a layout: info and error, and the two hidden notices the client shows while the
     * socket is disconnected ({@code .phx-client-error}, {@code .phx-server-error}).
     *
     * <pre>{@code
     * <.flash_group flash={@flash} />
     * }</pre>
     */
    @FunctionComponent(template = """
            <div id={@id}>
              <.flash kind={:info} title="Success!" flash={@flash} />
              <.flash kind={:error} title="Error!" flash={@flash} />
              <.flash
                id="client-error"
                kind={:error}
                title="We can't find the internet"
                phx-disconnected={show(".phx-client-error #client-error")}
                phx-connected={hide("#client-error")}
                hidden
              >
                Attempting to reconnect
                <.icon name="hero-arrow-path" class="ml-1 h-3 w-3 animate-spin" />
              </.flash>

              <.flash
                id="server-error"
                kind={:error}
                title="Something went wrong!"
                phx-disconnected={show(".phx-server-error #server-error")}
                phx-connected={hide("#server-error")}
                hidden
              >
                Hang in there while we get back on track
                <.icon name="hero-arrow-path" class="ml-1 h-3 w-3 animate-spin" />
              </.flash>
            </div>
            """)
    @Attr(name = "flash", type = AttrType.MAP, required = true)
    @Attr(name = "id", type = AttrType.STRING, defaultValue = "flash-group")
    static void flash_group() {
    }

    // ------------------------------------------------------------------ forms

    /**
     * A form with phx.new's spacing, its inputs in the inner block (given the form, {@code :let}) and its
     * buttons in {@code <:actions>}; every other attribute goes to {@code <.form>} ({@code action} adds the
     * CSRF token).
     *
     * <pre>{@code
     * <.simple_form for={@form} phx-change="validate" phx-submit="save">
     *   <.input field={@form[:email]} label="Email" />
     *   <:actions><.button>Save</.button></:actions>
     * </.simple_form>
     * }</pre>
     */
    @FunctionComponent(template = """
            <.form :let={f} for={@for} {@form_attrs}>
              <div class="mt-10 space-y-8 bg-white">
                {render_slot(@inner_block, f)}
                <div :for={action <- @actions} class="mt-2 flex items-center justify-between gap-6">
                  {render_slot(action, f)}
                </div>
              </div>
            </.form>
            """)
    @Attr(name = "for", required = true)
    @Attr(name = "as", defaultValue = "nil")
    @Attr(name = "rest", type = AttrType.GLOBAL,
            include = {"autocomplete", "name", "rel", "action", "enctype", "method", "novalidate", "target", "multipart"})
    @Slot(name = "inner_block", required = true)
    @Slot(name = "actions")
    @SuppressWarnings("unchecked")
    static void simple_form(Map<String, Object> assigns) {
        Map<String, Object> attrs = new LinkedHashMap<>((Map<String, Object>) assigns.get("rest"));
        if (assigns.get("as") != null) {
            attrs.put("as", assigns.get("as"));
        }
        assigns.put("form_attrs", attrs);
    }

    /**
     * A button (type submit by default, as the browser's).
     *
     * <pre>{@code
     * <.button>Send!</.button>
     * <.button phx-click="go" class="ml-2">Send!</.button>
     * }</pre>
     */
    @FunctionComponent(template = """
            <button
              type={@type}
              class={[
                "phx-submit-loading:opacity-75 rounded-lg bg-zinc-900 hover:bg-zinc-700 py-2 px-3",
                "text-sm font-semibold leading-6 text-white active:text-white/80",
                @class
              ]}
              {@rest}
            >
              {render_slot(@inner_block)}
            </button>
            """)
    @Attr(name = "type", defaultValue = "nil")
    @Attr(name = "class", defaultValue = "nil")
    @Attr(name = "rest", type = AttrType.GLOBAL, include = {"disabled", "form", "name", "value"})
    @Slot(name = "inner_block", required = true)
    static void button() {
    }

    /**
     * An input with its label and error messages, for a form field ({@code field={@form[:email]}}: name, id,
     * value, and its errors once the user used it) or with {@code name}/{@code value}/{@code errors} given.
     * {@code type} is any HTML input type, {@code "select"} ({@code options}, {@code prompt},
     * {@code multiple}), {@code "textarea"}, or {@code "checkbox"} (a boolean: a hidden {@code "false"}, then
     * the box, checked when the value is {@code true}/{@code "true"}).
     *
     * <pre>{@code
     * <.input field={@form[:email]} type="email" label="Email" />
     * <.input field={@form[:role]} type="select" options={[{"Admin", "admin"}, {"User", "user"}]} prompt="Role" />
     * <.input name="my-input" errors={["oh no!"]} />
     * }</pre>
     */
    @FunctionComponent(clauses = {
        @Clause(name = "checkbox", template = """
                <div>
                  <label class="flex items-center gap-4 text-sm leading-6 text-zinc-600">
                    <input type="hidden" name={@name} value="false" disabled={@rest[:disabled]} />
                    <input
                      type="checkbox"
                      id={@id}
                      name={@name}
                      value="true"
                      checked={@checked}
                      class="rounded border-zinc-300 text-zinc-900 focus:ring-0"
                      {@rest}
                    />
                    {@label}
                  </label>
                  <.error :for={msg <- @errors}>{msg}</.error>
                </div>
                """),
        @Clause(name = "select", template = """
                <div>
                  <.label for={@id}>{@label}</.label>
                  <select
                    id={@id}
                    name={@name}
                    class="mt-2 block w-full rounded-md border border-gray-300 bg-white shadow-sm focus:border-zinc-400 focus:ring-0 sm:text-sm"
                    multiple={@multiple}
                    {@rest}
                  >
                    <option :if={@prompt} value="">{@prompt}</option>
                    {options_for_select(@options, @value)}
                  </select>
                  <.error :for={msg <- @errors}>{msg}</.error>
                </div>
                """),
        @Clause(name = "textarea", template = """
                <div>
                  <.label for={@id}>{@label}</.label>
                  <textarea
                    id={@id}
                    name={@name}
                    class={[
                      "mt-2 block w-full rounded-lg text-zinc-900 focus:ring-0 sm:text-sm sm:leading-6 min-h-[6rem]",
                      @errors == [] && "border-zinc-300 focus:border-zinc-400",
                      @errors != [] && "border-rose-400 focus:border-rose-400"
                    ]}
                    {@rest}
                  >{normalize_value("textarea", @value)}</textarea>
                  <.error :for={msg <- @errors}>{msg}</.error>
                </div>
                """),
        @Clause(name = "input", template = """
                <div>
                  <.label for={@id}>{@label}</.label>
                  <input
                    type={@type}
                    name={@name}
                    id={@id}
                    value={normalize_value(@type, @value)}
                    class={[
                      "mt-2 block w-full rounded-lg text-zinc-900 focus:ring-0 sm:text-sm sm:leading-6",
                      @errors == [] && "border-zinc-300 focus:border-zinc-400",
                      @errors != [] && "border-rose-400 focus:border-rose-400"
                    ]}
                    {@rest}
                  />
                  <.error :for={msg <- @errors}>{msg}</.error>
                </div>
                """)})
    @Attr(name = "id", defaultValue = "nil")
    @Attr(name = "name")
    @Attr(name = "label", defaultValue = "nil")
    @Attr(name = "value")
    @Attr(name = "type", type = AttrType.STRING, defaultValue = "text")
    @Attr(name = "field")
    @Attr(name = "errors", type = AttrType.LIST, defaultValue = "[]")
    @Attr(name = "checked", type = AttrType.BOOLEAN)
    @Attr(name = "prompt", defaultValue = "nil")
    @Attr(name = "options", type = AttrType.LIST)
    @Attr(name = "multiple", type = AttrType.BOOLEAN, defaultValue = "false")
    @Attr(name = "rest", type = AttrType.GLOBAL, include = {"accept", "autocomplete", "capture", "cols", "disabled", "form",
        "list", "max", "maxlength", "min", "minlength", "multiple", "pattern", "placeholder", "readonly", "required", "rows",
        "size", "step"})
    static String input(Map<String, Object> assigns) {
        Object given = assigns.get("field");
        if (given instanceof FormField field) {
            // input(%{field: %FormField{}}): errors once used, then the field's id, name and value unless given
            List<String> errors = new ArrayList<>();
            for (String message : field.used() ? field.errors() : List.<String>of()) {
                errors.add(translateError(message, Map.of()));
            }
            assigns.put("field", null);
            if (assigns.get("id") == null) {
                assigns.put("id", field.id());
            }
            assigns.put("errors", errors);
            if (!assigns.containsKey("name")) {
                assigns.put("name", Boolean.TRUE.equals(assigns.get("multiple")) ? field.name() + "[]" : field.name());
            }
            if (!assigns.containsKey("value")) {
                assigns.put("value", field.value());
            }
        } else if (given != null) {
            throw new IllegalArgumentException("field is a form field (@form[:email]), got " + describe(given));
        }
        assigns.putIfAbsent("name", null);
        assigns.putIfAbsent("value", null);
        String type = Html.text(assigns.get("type"));
        switch (type) {
            case "checkbox" -> {
                if (!assigns.containsKey("checked")) {
                    assigns.put("checked", HtmlForm.normalizeValue("checkbox", assigns.get("value")));
                }
                return "checkbox";
            }
            case "select" -> {
                if (!assigns.containsKey("options")) {
                    throw new IllegalArgumentException("<.input type=\"select\"> needs options={…}");
                }
                return "select";
            }
            case "textarea" -> {
                return "textarea";
            }
            default -> {
                return "input";
            }
        }
    }

    /**
     * A form label.
     *
     * <pre>{@code
     * <.label for="user_email">Email</.label>
     * }</pre>
     */
    @FunctionComponent(template = """
            <label for={@for} class="block text-sm font-semibold leading-6 text-zinc-800">
              {render_slot(@inner_block)}
            </label>
            """)
    @Attr(name = "for", defaultValue = "nil")
    @Slot(name = "inner_block", required = true)
    static void label() {
    }

    /**
     * An error message, as {@code <.input>} renders each of its errors.
     *
     * <pre>{@code
     * <.error>can't be blank</.error>
     * }</pre>
     */
    @FunctionComponent(template = """
            <p class="mt-3 flex gap-3 text-sm leading-6 text-rose-600">
              <.icon name="hero-exclamation-circle-mini" class="mt-0.5 h-5 w-5 flex-none" />
              {render_slot(@inner_block)}
            </p>
            """)
    @Slot(name = "inner_block", required = true)
    static void error() {
    }

    // ------------------------------------------------------------------ data display

    /**
     * A page header: the title (inner block), an optional {@code <:subtitle>} and {@code <:actions>} on the right.
     *
     * <pre>{@code
     * <.header>Listing Users<:subtitle>All of them</:subtitle><:actions><.button>New</.button></:actions></.header>
     * }</pre>
     */
    @FunctionComponent(template = """
            <header class={[@actions != [] && "flex items-center justify-between gap-6", @class]}>
              <div>
                <h1 class="text-lg font-semibold leading-8 text-zinc-800">
                  {render_slot(@inner_block)}
                </h1>
                <p :if={@subtitle != []} class="mt-2 text-sm leading-6 text-zinc-600">
                  {render_slot(@subtitle)}
                </p>
              </div>
              <div class="flex-none">{render_slot(@actions)}</div>
            </header>
            """)
    @Attr(name = "class", defaultValue = "nil")
    @Slot(name = "inner_block", required = true)
    @Slot(name = "subtitle")
    @Slot(name = "actions")
    static void header() {
    }

    /**
     * A table: one {@code <:col label=…>} per column, rendered with each row ({@code :let}), optional
     * {@code <:action>}s in a last column. {@code rows} is a list or a stream ({@code @streams.users}: the
     * body becomes {@code phx-update="stream"} and each row's id its DOM id). {@code row_id},
     * {@code row_click} (JS or an event name for the row's cells) and {@code row_item} are Java
     * {@link Function}s of the row.
     *
     * <pre>{@code
     * <.table id="users" rows={@users} row_click={@open_user}>
     *   <:col :let={user} label="id">{user.id}</:col>
     *   <:col :let={user} label="username">{user.username}</:col>
     *   <:action :let={user}><.link navigate={"/users/#{user.id}"}>Show</.link></:action>
     * </.table>
     * }</pre>
     */
    @FunctionComponent(template = """
            <div class="overflow-y-auto px-4 sm:overflow-visible sm:px-0">
              <table class="w-[40rem] mt-11 sm:w-full">
                <thead class="text-sm text-left leading-6 text-zinc-500">
                  <tr>
                    <th :for={col <- @col} class="p-0 pb-4 pr-6 font-normal">{col[:label]}</th>
                    <th :if={@action != []} class="relative p-0 pb-4">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody
                  id={@id}
                  phx-update={@phx_update}
                  class="relative divide-y divide-zinc-100 border-t border-zinc-200 text-sm leading-6 text-zinc-700"
                >
                  <tr :for={{_dom_id, row} <- @table_rows} id={row.id} class="group hover:bg-zinc-50">
                    <td
                      :for={{col, i} <- @indexed_cols}
                      phx-click={row.click}
                      class={["relative p-0", @row_click && "hover:cursor-pointer"]}
                    >
                      <div class="block py-4 pr-6">
                        <span class="absolute -inset-y-px right-0 -left-4 group-hover:bg-zinc-50 sm:rounded-l-xl" />
                        <span class={["relative", i == 0 && "font-semibold text-zinc-900"]}>
                          {render_slot(col, row.item)}
                        </span>
                      </div>
                    </td>
                    <td :if={@action != []} class="relative w-14 p-0">
                      <div class="relative whitespace-nowrap py-4 text-right text-sm font-medium">
                        <span class="absolute -inset-y-px -right-4 left-0 group-hover:bg-zinc-50 sm:rounded-r-xl" />
                        <span
                          :for={action <- @action}
                          class="relative ml-4 font-semibold leading-6 text-zinc-900 hover:text-zinc-700"
                        >
                          {render_slot(action, row.item)}
                        </span>
                      </div>
                    </td>
                  </tr>
                </tbody>
              </table>
            </div>
            """)
    @Attr(name = "id", type = AttrType.STRING, required = true)
    @Attr(name = "rows", required = true)
    @Attr(name = "row_id", defaultValue = "nil")
    @Attr(name = "row_click", defaultValue = "nil")
    @Attr(name = "row_item", defaultValue = "nil")
    @Slot(name = "col", required = true)
    @Slot(name = "action")
    static void table(Map<String, Object> assigns) {
        Function<Object, Object> rowId = function(assigns, "row_id");
        Function<Object, Object> rowClick = function(assigns, "row_click");
        Function<Object, Object> rowItem = function(assigns, "row_item");
        Object rows = assigns.get("rows");
        if (rows instanceof StreamItems stream) {
            // a LiveStream's row is {dom_id, item}; row_id defaults to its dom id
            assigns.put("table_rows", new TableStream(stream, item -> {
                List<Object> row = Arrays.asList(item.domId(), item.item());
                return row(row, rowId == null ? item.domId() : rowId.apply(row), rowClick, rowItem);
            }));
            assigns.put("phx_update", "stream");
        } else if (rows instanceof Collection<?> list) {
            List<Object> table = new ArrayList<>(list.size());
            for (Object row : list) {
                table.add(Arrays.asList(null, row(row, rowId == null ? null : rowId.apply(row), rowClick, rowItem)));
            }
            assigns.put("table_rows", table);
            assigns.put("phx_update", null);
        } else {
            throw new IllegalArgumentException("rows is a list or a stream (@streams.name), got " + describe(rows));
        }
        List<Object> cols = new ArrayList<>();
        if (assigns.get("col") instanceof List<?> entries) {
            for (int i = 0; i < entries.size(); i++) {
                cols.add(List.of(entries.get(i), (long) i));
            }
        }
        assigns.put("indexed_cols", cols);
    }

    /** One table row as the template reads it: its DOM id, its cells' phx-click, what the slots get. */
    record Row(Object id, Object click, Object item) {
    }

    private static Row row(Object row, Object id, Function<Object, Object> click, Function<Object, Object> item) {
        return new Row(id, click == null ? null : click.apply(row), item == null ? row : item.apply(row));
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> function(Map<String, Object> assigns, String name) {
        Object value = assigns.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Function<?, ?> function) {
            return (Function<Object, Object>) function;
        }
        throw new IllegalArgumentException(name + " is a java.util.function.Function of the row (templates cannot define"
                + " functions: give it as an assign), got " + describe(value));
    }

    /** A stream's inserts with each item made a {@link Row}: same ref, deletes and reset. */
    private record TableStream(StreamItems stream, Function<StreamItems.Entry, Row> rows) implements StreamItems {

        @Override
        public String ref() {
            return stream.ref();
        }

        @Override
        public List<Entry> inserts() {
            List<Entry> inserts = new ArrayList<>();
            for (Entry entry : stream.inserts()) {
                inserts.add(new Entry(entry.domId(), entry.at(), entry.limit(), rows.apply(entry)));
            }
            return inserts;
        }

        @Override
        public List<String> deletes() {
            return stream.deletes();
        }

        @Override
        public boolean reset() {
            return stream.reset();
        }
    }

    /**
     * A data list: one {@code <:item title=…>} per entry.
     *
     * <pre>{@code
     * <.list>
     *   <:item title="Title">{@post.title}</:item>
     *   <:item title="Views">{@post.views}</:item>
     * </.list>
     * }</pre>
     */
    @FunctionComponent(template = """
            <div class="mt-14">
              <dl class="-my-4 divide-y divide-zinc-100">
                <div :for={item <- @item} class="flex gap-4 py-4 text-sm leading-6 sm:gap-8">
                  <dt class="w-1/4 flex-none text-zinc-500">{item.title}</dt>
                  <dd class="text-zinc-700">{render_slot(item)}</dd>
                </div>
              </dl>
            </div>
            """)
    @Slot(name = "item", required = true)
    static void list() {
    }

    /**
     * A back link (live navigation).
     *
     * <pre>{@code
     * <.back navigate="/posts">Back to posts</.back>
     * }</pre>
     */
    @FunctionComponent(template = """
            <div class="mt-16">
              <.link
                navigate={@navigate}
                class="text-sm font-semibold leading-6 text-zinc-900 hover:text-zinc-700"
              >
                <.icon name="hero-arrow-left-solid" class="h-3 w-3" />
                {render_slot(@inner_block)}
              </.link>
            </div>
            """)
    @Attr(name = "navigate", required = true)
    @Slot(name = "inner_block", required = true)
    static void back() {
    }

    /**
     * A <a href="https://heroicons.com">heroicon</a> by its class name ({@code hero-NAME}, {@code -solid} and
     * {@code -mini} for those styles): a {@code <span>} the app's CSS draws (phx.new's heroicons Tailwind plugin).
     *
     * <pre>{@code
     * <.icon name="hero-x-mark-solid" />
     * <.icon name="hero-arrow-path" class="ml-1 w-3 h-3 animate-spin" />
     * }</pre>
     */
    @FunctionComponent(template = """
            <span class={[@name, @class]} />
            """)
    @Attr(name = "name", type = AttrType.STRING, required = true)
    @Attr(name = "class", defaultValue = "nil")
    static void icon(Map<String, Object> assigns) {
        if (!(assigns.get("name") instanceof String name) || !name.startsWith("hero-")) {
            throw new IllegalArgumentException("<.icon> name is a heroicon class name starting with \"hero-\", got "
                    + (assigns.get("name") instanceof String name ? "\"" + name + "\"" : describe(assigns.get("name"))));
        }
    }

    // ------------------------------------------------------------------ JS commands

    /**
     * Shows the elements {@code selector} selects with phx.new's transition (300 ms). Templates:
     * {@code show("#flash")}.
     */
    @TemplateFunction("show")
    public static JS show(String selector) {
        return show(JS.NONE, selector);
    }

    /** {@link #show(String)} after {@code js}: {@code JS.push("x") |> show("#flash")}. */
    @TemplateFunction("show")
    public static JS show(JS js, String selector) {
        return js.then(JS.show(Map.of("to", selector, "time", 300, "transition", SHOW_TRANSITION)));
    }

    /** Hides the elements {@code selector} selects with phx.new's transition (200 ms). Templates: {@code hide("#x")}. */
    @TemplateFunction("hide")
    public static JS hide(String selector) {
        return hide(JS.NONE, selector);
    }

    /** {@link #hide(String)} after {@code js}. */
    @TemplateFunction("hide")
    public static JS hide(JS js, String selector) {
        return js.then(JS.hide(Map.of("to", selector, "time", 200, "transition", HIDE_TRANSITION)));
    }

    /**
     * Shows the {@code <.modal>} of this id: the modal, its backdrop and container (with transitions), locks
     * the body's scroll and focuses its first focusable element. Templates: {@code phx-click={show_modal("confirm")}}.
     */
    @TemplateFunction("show_modal")
    public static JS showModal(String id) {
        return showModal(JS.NONE, id);
    }

    /** {@link #showModal(String)} after {@code js}. */
    @TemplateFunction("show_modal")
    public static JS showModal(JS js, String id) {
        JS shown = js.then(JS.show("#" + id))
                .then(JS.show(Map.of("to", "#" + id + "-bg", "time", 300,
                        "transition", List.of("transition-all transform ease-out duration-300", "opacity-0", "opacity-100"))));
        return show(shown, "#" + id + "-container")
                .then(JS.addClass("overflow-hidden", "body"))
                .then(JS.focusFirst(Map.of("to", "#" + id + "-content")));
    }

    /** Hides the {@code <.modal>} of this id and gives the focus back. Templates: {@code hide_modal("confirm")}. */
    @TemplateFunction("hide_modal")
    public static JS hideModal(String id) {
        return hideModal(JS.NONE, id);
    }

    /** {@link #hideModal(String)} after {@code js}. */
    @TemplateFunction("hide_modal")
    public static JS hideModal(JS js, String id) {
        JS hidden = js.then(JS.hide(Map.of("to", "#" + id + "-bg",
                "transition", List.of("transition-all transform ease-in duration-200", "opacity-100", "opacity-0"))));
        return hide(hidden, "#" + id + "-container")
                .then(JS.hide(Map.of("to", "#" + id, "transition", List.of("block", "block", "hidden"))))
                .then(JS.removeClass("overflow-hidden", "body"))
                .then(JS.popFocus());
    }

    // ------------------------------------------------------------------ errors

    /**
     * phx.new's {@code translate_error/1} without gettext: each {@code %{key}} of {@code message} replaced by
     * that option's text ({@code "should be at least %{count} character(s)"} with {@code count: 3}).
     */
    public static String translateError(String message, Map<String, ?> options) {
        String text = message == null ? "" : message;
        for (Map.Entry<String, ?> option : options.entrySet()) {
            text = text.replace("%{" + option.getKey() + "}", Html.text(option.getValue()));
        }
        return text;
    }

    /**
     * Templates' {@code translate_error(error)}: a message, or the pair {@code [message, options]}
     * (Phoenix's {@code {msg, opts}}).
     */
    @TemplateFunction("translate_error")
    @SuppressWarnings("unchecked")
    static String translateError(Object error) {
        if (error instanceof List<?> pair && pair.size() == 2 && pair.get(1) instanceof Map<?, ?> options) {
            return translateError(Html.text(pair.get(0)), stringKeys(options));
        }
        if (error instanceof Map.Entry<?, ?> entry && entry.getValue() instanceof Map<?, ?> options) {
            return translateError(Html.text(entry.getKey()), stringKeys(options));
        }
        return translateError(Html.text(error), Map.of());
    }

    /** Templates' {@code translate_errors(errors, field)}: the field's messages of a form's errors map, translated. */
    @TemplateFunction("translate_errors")
    static List<String> translateErrors(Object errors, Object field) {
        List<String> messages = new ArrayList<>();
        if (errors instanceof Map<?, ?> map && map.get(Html.text(field)) instanceof Collection<?> list) {
            list.forEach(message -> messages.add(translateError(message)));
        }
        return messages;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> options) {
        Map<String, Object> keys = new LinkedHashMap<>();
        options.forEach((key, value) -> keys.put(Html.text(key), value));
        return keys;
    }

    private static String describe(Object value) {
        return value == null ? "nil" : value.getClass().getSimpleName();
    }
}
