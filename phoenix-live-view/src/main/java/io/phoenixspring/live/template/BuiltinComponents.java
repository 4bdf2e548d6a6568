package io.phoenixspring.live.template;

import io.phoenixspring.live.form.Form;
import io.phoenixspring.live.html.Html;
import io.phoenixspring.live.html.Safe;
import io.phoenixspring.live.rendered.Rendered;
import java.net.URI;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Phoenix.Component's function components, in scope in every template (as every LiveView imports
 * Phoenix.Component): {@code <.link>}, {@code <.form>}, {@code <.live_title>}, {@code <.focus_wrap>},
 * {@code <.dynamic_tag>}, {@code <.async_result>}. Their templates and attribute handling follow phoenix_live_view 1.0's
 * {@code phoenix_component.ex}, so they render the same bytes and the same statics/dynamics split.
 * A class's own (or imported) component of the same name takes precedence.
 */
final class BuiltinComponents {

    /** Phoenix.LiveView.Utils' schemes a link may use besides paths. */
    private static final List<String> SCHEMES = List.of("http:", "https:", "ftp:", "ftps:", "mailto:", "news:", "irc:",
            "gopher:", "nntp:", "feed:", "telnet:", "mms:", "rtsp:", "svn:", "tel:", "fax:", "xmpp:");

    private BuiltinComponents() {
    }

    // ---------------------------------------------------------------- <.link>

    /** {@code link/1}: one clause per kind of link, chosen in Phoenix's order: navigate, patch, href, none. */
    @FunctionComponent(clauses = {
        @Clause(name = "navigate", template = """
                <a href={@navigate} data-phx-link="redirect" data-phx-link-state={if @replace, do: "replace", else: "push"} {@rest}>{render_slot(@inner_block)}</a>"""),
        @Clause(name = "patch", template = """
                <a href={@patch} data-phx-link="patch" data-phx-link-state={if @replace, do: "replace", else: "push"} {@rest}>{render_slot(@inner_block)}</a>"""),
        @Clause(name = "href", template = """
                <a href={@href} data-method={if @method != "get", do: @method} data-csrf={if @method != "get", do: csrf_token(@csrf_token, @href)} data-to={if @method != "get", do: @href} {@rest}>{render_slot(@inner_block)}</a>"""),
        @Clause(name = "none", template = """
                <a href="#" {@rest}>{render_slot(@inner_block)}</a>""")})
    @Attr(name = "navigate", type = AttrType.STRING)
    @Attr(name = "patch", type = AttrType.STRING)
    @Attr(name = "href")
    @Attr(name = "replace", type = AttrType.BOOLEAN, defaultValue = "false")
    @Attr(name = "method", type = AttrType.STRING, defaultValue = "get")
    @Attr(name = "csrf_token", defaultValue = "true")
    @Attr(name = "rest", type = AttrType.GLOBAL, include = {"download", "hreflang", "referrerpolicy", "rel", "target", "type"})
    @Slot(name = "inner_block", required = true)
    static String link(Map<String, Object> assigns) {
        if (assigns.get("navigate") instanceof String) {
            return "navigate";
        }
        if (assigns.get("patch") instanceof String) {
            return "patch";
        }
        Object href = assigns.get("href");
        if (href != null && !"#".equals(href)) {
            assigns.put("href", validDestination(href));
            return "href";
        }
        return "none";
    }

    /** Phoenix.LiveView.Utils.valid_destination!: a path, or a URL of a known scheme; never {@code javascript:}. */
    private static Object validDestination(Object href) {
        if (href instanceof URI uri) {
            return validDestination(uri.toString());
        }
        if (href instanceof Safe safe) {
            return new Safe(validString(safe.html()));
        }
        if (href instanceof String text) {
            return validString(text);
        }
        throw new IllegalArgumentException("<.link> href must be a string or a URI, got " + Values.describe(href));
    }

    private static String validString(String to) {
        for (String scheme : SCHEMES) {
            if (to.startsWith(scheme)) {
                return to;
            }
        }
        if (!to.startsWith("/") && to.contains(":")) {
            throw new IllegalArgumentException("unsupported scheme given to <.link>: " + Values.describe(to)
                    + " (only paths and http(s), mailto, tel, … URLs)");
        }
        return to;
    }

    /** {@code csrf_token/2} of link/1: the token for non-GET links. */
    @TemplateFunction("csrf_token")
    static Object csrfToken(Object csrf, Object href) {
        if (Boolean.TRUE.equals(csrf)) {
            return CsrfContext.tokenFor(Html.text(href));
        }
        if (csrf == null || Boolean.FALSE.equals(csrf)) {
            return null;
        }
        if (csrf instanceof String token) {
            return token;
        }
        throw new IllegalArgumentException("csrf_token is true, false or a token, got " + Values.describe(csrf));
    }

    // ---------------------------------------------------------------- <.form>

    /** {@code form/1}. */
    @FunctionComponent(template = """
            <form {@attrs}>
              <input :if={@hidden_method && @hidden_method not in ["get", "post"]} name="_method" type="hidden" hidden value={@hidden_method} />
              <input :if={@csrf_token} name="_csrf_token" type="hidden" hidden value={@csrf_token} />
              {render_slot(@inner_block, @form)}
            </form>""")
    @Attr(name = "for", required = true)
    @Attr(name = "action", type = AttrType.STRING)
    @Attr(name = "as")
    @Attr(name = "csrf_token")
    @Attr(name = "errors")
    @Attr(name = "method", type = AttrType.STRING)
    @Attr(name = "multipart", type = AttrType.BOOLEAN, defaultValue = "false")
    @Attr(name = "rest", type = AttrType.GLOBAL, include = {"autocomplete", "name", "rel", "enctype", "novalidate", "target"})
    @Slot(name = "inner_block", required = true)
    @SuppressWarnings("unchecked")
    static void form(Map<String, Object> assigns) {
        Object action = assigns.get("action");
        Object source = assigns.get("for");
        // Map.take([:as, :csrf_token, :errors, :method, :multipart]) |> Map.merge(rest) |> Map.to_list(): sorted by name
        Map<String, Object> options = new TreeMap<>();
        for (String key : List.of("as", "csrf_token", "errors", "method", "multipart")) {
            if (assigns.containsKey(key)) {
                options.put(key, assigns.get(key));
            }
        }
        options.putAll((Map<String, Object>) assigns.get("rest"));

        Form form;
        List<Map.Entry<String, Object>> opts = new ArrayList<>();
        if (source instanceof Form given) {
            // to_form(%Form{}, options): :as renames, :errors replace, every other option is prepended
            form = given;
            if (options.containsKey("as")) {
                form = form.withName(name(options.get("as")));
                if (options.get("id") != null) {
                    form = form.withId(Html.text(options.get("id")));
                }
            } else if (options.containsKey("id")) {
                form = form.withId(Html.text(options.get("id")));
            }
            for (Map.Entry<String, Object> option : options.entrySet()) {
                switch (option.getKey()) {
                    case "as" -> {
                    }
                    case "errors" -> form = form.withErrors(errors(option.getValue()));
                    default -> {
                        remove(opts, option.getKey());
                        opts.add(0, entry(option.getKey(), option.getValue()));
                    }
                }
            }
        } else {
            // FormData.to_form(map, options): :as and :errors are taken out, the rest kept in order
            String name = options.get("as") == null ? null : name(options.get("as"));
            form = source == null || source instanceof Map<?, ?> ? Form.of((Map<String, ?>) source, name) : Form.from(source, name);
            if (options.get("id") != null) {
                form = form.withId(idOption(options.get("id")));
            }
            if (options.containsKey("errors")) {
                form = form.withErrors(errors(options.get("errors")));
            }
            options.forEach((key, value) -> {
                if (!key.equals("as") && !key.equals("errors")) {
                    opts.add(entry(key, value));
                }
            });
        }

        List<Map.Entry<String, Object>> attrs;
        Object hiddenMethod = null;
        Object csrf = null;
        if (Values.truthy(action)) {
            Object method = remove(opts, "method");
            String formMethod = "post";
            if (method != null) {
                String lower = Html.text(method).toLowerCase(Locale.ROOT);
                if (lower.equals("get") || lower.equals("post")) {
                    formMethod = lower;
                } else {
                    hiddenMethod = method;
                }
            }
            if (has(opts, "csrf_token")) {
                csrf = remove(opts, "csrf_token");
            } else if (formMethod.equals("post")) {
                csrf = CsrfContext.tokenFor(Html.text(action));
            }
            attrs = new ArrayList<>();
            attrs.add(entry("action", action));
            attrs.add(entry("method", formMethod));
            attrs.addAll(opts);
        } else {
            attrs = opts;
        }
        if (Boolean.TRUE.equals(remove(attrs, "multipart"))) {
            remove(attrs, "enctype");
            attrs.add(0, entry("enctype", "multipart/form-data"));
        }
        assigns.put("form", form);
        assigns.put("csrf_token", csrf);
        assigns.put("hidden_method", hiddenMethod);
        assigns.put("attrs", List.copyOf(attrs));
    }

    private static String name(Object as) {
        return Html.text(as);
    }

    private static String idOption(Object id) {
        if (!(id instanceof String text)) {
            throw new IllegalArgumentException(":id option in form_for must be a binary/string, got: " + Values.describe(id));
        }
        return text;
    }

    /** {@code errors={…}}: a map of field to message(s). */
    private static Map<String, List<String>> errors(Object value) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (value == null) {
            return errors;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("errors is a map of field to messages, got " + Values.describe(value));
        }
        map.forEach((field, messages) -> {
            List<String> list = new ArrayList<>();
            if (messages instanceof Collection<?> many) {
                many.forEach(message -> list.add(Html.text(message)));
            } else if (messages != null) {
                list.add(Html.text(messages));
            }
            errors.put(Html.text(field), list);
        });
        return errors;
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return new SimpleImmutableEntry<>(key, value);
    }

    private static boolean has(List<Map.Entry<String, Object>> list, String key) {
        return list.stream().anyMatch(e -> e.getKey().equals(key));
    }

    /** Keyword.pop: the first value of {@code key} (or null), every entry of it removed. */
    private static Object remove(List<Map.Entry<String, Object>> list, String key) {
        Object value = null;
        boolean found = false;
        for (var it = list.iterator(); it.hasNext();) {
            Map.Entry<String, Object> e = it.next();
            if (e.getKey().equals(key)) {
                if (!found) {
                    value = e.getValue();
                    found = true;
                }
                it.remove();
            }
        }
        return value;
    }

    // ---------------------------------------------------------------- <.live_title>

    /** {@code live_title/1}: the client rewrites it with {@code data-prefix + title + data-suffix} on {@code "t"}. */
    @FunctionComponent(template = """
            <title data-prefix={@prefix} data-default={@default} data-suffix={@suffix} phx-no-format>{@prefix}{render_present(render_slot(@inner_block), @default)}{@suffix}</title>""")
    @Attr(name = "prefix", defaultValue = "nil")
    @Attr(name = "default", defaultValue = "nil")
    @Attr(name = "suffix", defaultValue = "nil")
    @Slot(name = "inner_block", required = true)
    static void live_title() {
    }

    /** The inner block, or {@code default} when it renders only whitespace. */
    @TemplateFunction("render_present")
    static Object renderPresent(Object block, Object fallback) {
        String html = block instanceof Rendered rendered ? rendered.toHtml() : Html.escape(block);
        return html.strip().isEmpty() ? fallback : block;
    }

    // ---------------------------------------------------------------- <.focus_wrap>

    /** {@code focus_wrap/1}: the Phoenix.FocusWrap hook keeps tab focus inside. */
    @FunctionComponent(template = """
            <div id={@id} phx-hook="Phoenix.FocusWrap" {@rest}>
              <span id={"#{@id}-start"} tabindex="0" aria-hidden="true"></span>
              {render_slot(@inner_block)}
              <span id={"#{@id}-end"} tabindex="0" aria-hidden="true"></span>
            </div>""")
    @Attr(name = "id", type = AttrType.STRING, required = true)
    @Attr(name = "rest", type = AttrType.GLOBAL)
    @Slot(name = "inner_block", required = true)
    static void focus_wrap() {
    }

    // ---------------------------------------------------------------- <.dynamic_tag>

    /** {@code dynamic_tag/1}: a tag whose name is a value; with inner content or self-closed. */
    @FunctionComponent(clauses = {
        @Clause(name = "inner", template = "{@open}{@escaped_attrs}{raw(\">\")}{render_slot(@inner_block)}{@close}"),
        @Clause(name = "empty", template = "{@open}{@escaped_attrs}{raw(\"/>\")}")})
    @Attr(name = "tag_name", type = AttrType.STRING, required = true)
    @Attr(name = "name", type = AttrType.STRING)
    @Attr(name = "rest", type = AttrType.GLOBAL)
    @Slot(name = "inner_block")
    @SuppressWarnings("unchecked")
    static String dynamic_tag(Map<String, Object> assigns) {
        if (!(assigns.get("tag_name") instanceof String tag) || !Html.escapeText(tag).equals(tag)) {
            throw new IllegalArgumentException("expected dynamic_tag name to be safe HTML, got: "
                    + Values.describe(assigns.get("tag_name")));
        }
        Map<String, Object> rest = new TreeMap<>((Map<String, Object>) assigns.get("rest"));
        if (assigns.containsKey("name")) {
            rest.put("name", assigns.get("name"));
        }
        assigns.put("open", Html.raw("<" + tag));
        assigns.put("close", Html.raw("</" + tag + ">"));
        assigns.put("escaped_attrs", Html.attributes(rest));
        return assigns.get("inner_block") instanceof List<?> entries && !entries.isEmpty() ? "inner" : "empty";
    }

    // ---------------------------------------------------------------- <.async_result>

    /**
     * {@code async_result/1}: an async assign's inner block with its result ({@code :let}), else its
     * {@code <:loading>} slot, else its {@code <:failed>} slot with the reason; one clause each, in
     * Phoenix's order (a result wins over a later load or failure). {@code assign} is an
     * {@code AsyncResult} or anything with {@code ok?}, {@code loading}, {@code failed} and {@code result}.
     */
    @FunctionComponent(clauses = {
        @Clause(name = "ok", template = "{render_slot(@inner_block, @assign.result)}"),
        @Clause(name = "loading", template = "{render_slot(@loading, @assign.loading)}"),
        @Clause(name = "failed", template = "{render_slot(@failed, @assign.failed)}")})
    @Attr(name = "assign", required = true)
    @Slot(name = "loading")
    @Slot(name = "failed")
    @Slot(name = "inner_block")
    static String async_result(Map<String, Object> assigns) {
        Object result = assigns.get("assign");
        if (Values.truthy(Access.field(result, "ok?", 0))) {
            return "ok";
        }
        if (Values.truthy(Access.field(result, "loading", 0))) {
            return "loading";
        }
        if (Values.truthy(Access.field(result, "failed", 0))) {
            return "failed";
        }
        throw new IllegalArgumentException("<.async_result> needs an assign that is ok, loading or failed, got "
                + Values.describe(result));
    }

    // ---------------------------------------------------------------- <.live_file_input>

    /**
     * {@code live_file_input/1}: the file input of an allowed upload, as phoenix_live_view 1.0's (the
     * Phoenix.LiveFileUpload hook reads its ref lists); {@code upload} is {@code @uploads.NAME}.
     */
    @FunctionComponent(template = """
            <input id={@id || @upload.ref} type="file" name={@upload.name} accept={@accept} data-phx-hook="Phoenix.LiveFileUpload" data-phx-update="ignore" data-phx-upload-ref={@upload.ref} data-phx-active-refs={@active_refs} data-phx-done-refs={@done_refs} data-phx-preflighted-refs={@preflighted_refs} data-phx-auto-upload={@auto_upload} {@rest}>""")
    @Attr(name = "upload", required = true)
    @Attr(name = "id", defaultValue = "nil")
    @Attr(name = "accept")
    @Attr(name = "rest", type = AttrType.GLOBAL)
    @SuppressWarnings("unchecked")
    static void live_file_input(Map<String, Object> assigns) {
        Object upload = assigns.get("upload");
        if (!assigns.containsKey("accept")) {
            Object accept = Access.field(upload, "accept", 0);
            assigns.put("accept", accept == null ? false : accept);
        }
        List<Object> entries = List.copyOf(Values.enumerable(Access.field(upload, "entries", 0), 0));
        assigns.put("active_refs", refs(entries, null));
        assigns.put("done_refs", refs(entries, "done?"));
        assigns.put("preflighted_refs", refs(entries, "preflighted?"));
        assigns.put("auto_upload", Values.truthy(Access.field(upload, "auto_upload?", 0)));
        Object max = Access.field(upload, "max_entries", 0);
        if (max instanceof Number n && n.longValue() > 1) {
            Map<String, Object> rest = new java.util.LinkedHashMap<>((Map<String, Object>) assigns.get("rest"));
            rest.put("multiple", true);
            assigns.put("rest", rest);
        }
    }

    private static String refs(List<Object> entries, String flag) {
        StringBuilder out = new StringBuilder();
        for (Object entry : entries) {
            if (flag == null || Values.truthy(Access.field(entry, flag, 0))) {
                out.append(out.isEmpty() ? "" : ",").append(Html.text(Access.field(entry, "ref", 0)));
            }
        }
        return out.toString();
    }
}
