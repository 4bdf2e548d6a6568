package io.phoenixspring.web.controller;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.plug.Plug;
import io.phoenixspring.web.session.CsrfToken;
import io.phoenixspring.web.template.Layout;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.web.util.HtmlUtils;

/**
 * Phoenix.Controller: the functions an action answers with ({@link #json}, {@link #text}, {@link #html},
 * {@link #render}, {@link #redirect}), the flash ({@link #putFlash}, {@link #getFlash}) and the view and
 * format a conn renders with. A controller that has its own plugs (Phoenix's
 * {@code plug :authenticate when action in [...]}) implements this interface; they run after the
 * route's pipelines and before the action. {@code import static ...Controller.*} reads like Phoenix.
 *
 * <pre>{@code
 * @PhoenixController class UserController implements Controller {
 *     public void plugs(Plugs plugs) { plugs.plug(conn -> requireAdmin(conn), "delete", "update"); }
 *     Conn show(Conn conn, Params params) { return Controller.render(conn, "show", Map.of("user", find(params))); }
 *     Conn create(Conn conn, Params params) {
 *         return Controller.redirect(Controller.putFlash(conn, "info", "User created."), "/users");
 *     }
 * }
 * }</pre>
 */
public interface Controller {

    /** Declares the controller's plugs, in order. */
    void plugs(Plugs plugs);

    // The view, JSON view, format and flash live in conn.privates() under Phoenix's own keys (phoenix_view,
    // phoenix_json_view, phoenix_format, phoenix_flash, phoenix_layout, phoenix_root_layout): the accepts and fetchFlash plugs and the error
    // renderer, in packages below this one, read and write the same keys as Phoenix's do.

    /** @return the conn sending JSON with the endpoint's mapper, status 200 unless set (Phoenix.Controller.json) */
    static Conn json(Conn conn, Object data) {
        byte[] bytes = conn.formats().json().writeValueAsBytes(data);
        return withDefaultType(conn, "application/json; charset=utf-8").sendResp(bytes);
    }

    /** @return the conn sending plain text (Phoenix.Controller.text) */
    static Conn text(Conn conn, String data) {
        return withDefaultType(conn, "text/plain; charset=utf-8").sendResp(data.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the conn sending HTML (Phoenix.Controller.html) */
    static Conn html(Conn conn, String data) {
        return withDefaultType(conn, "text/html; charset=utf-8").sendResp(data.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Renders a template with the conn's assigns plus these (Phoenix.Controller.render), by the conn's format:
     * <ul>
     * <li>{@code json} with a JSON view (the controller's {@code @PhoenixController(json = UserJSON.class)}, or
     * {@link #putJsonView}): the view's function named {@code template} gets the assigns, its result is sent as JSON;</li>
     * <li>otherwise, with an HTML view ({@code @PhoenixController(html = UserHTML.class)}, or {@link #putView(Conn, Class)}):
     * the view's template, inside the {@linkplain #putLayout layout} and the {@linkplain #putRootLayout root layout},
     * each rendering the one inside as {@code @inner_content};</li>
     * <li>otherwise the endpoint's {@link io.phoenixspring.web.template.TemplateRenderer}: a bare name such as
     * {@code "show"} is looked up under the controller's view directory, {@code user/show} for UserController.</li>
     * </ul>
     * HTML templates also get {@code flash}, and when the session has a CSRF token, its masked form as
     * {@code csrf_token} (and {@code csrfToken} for Thymeleaf); an HTML view's templates also get {@code conn}.
     *
     * <pre>{@code
     * Conn show(Conn conn, Params params) {
     *     return Controller.render(conn.assign("page_title", "Users"), "show", Map.of("user", users.get(params.string("id"))));
     * }
     * }</pre>
     */
    static Conn render(Conn conn, String template, Map<String, ?> assigns) {
        Map<String, Object> privates = conn.privates();
        String format = getFormat(conn);
        if ("json".equals(format) && privates.get("phoenix_json_view") instanceof BiFunction<?, ?, ?> view) {
            Map<String, Object> model = new LinkedHashMap<>(conn.assigns());
            model.putAll(assigns);
            @SuppressWarnings("unchecked")
            BiFunction<String, Map<String, Object>, Object> json = (BiFunction<String, Map<String, Object>, Object>) view;
            return json(conn, json.apply(template, Collections.unmodifiableMap(model)));
        }
        Map<String, Object> model = new LinkedHashMap<>(conn.assigns());
        model.putAll(assigns);
        model.putIfAbsent("flash", privates.containsKey("phoenix_flash") ? privates.get("phoenix_flash") : Map.of());
        if (conn.sessionFetched() && conn.getSession(CsrfToken.SESSION_KEY) instanceof String token) {
            String masked = CsrfToken.mask(token);
            model.putIfAbsent("csrf_token", masked);
            model.putIfAbsent("csrfToken", masked);
        }
        if ((format == null || "html".equals(format)) && privates.get("phoenix_html_view") instanceof Class<?> view) {
            Conn rendering = conn.putPrivate("phoenix_template", template + ".html");
            model.putIfAbsent("conn", rendering);   // Phoenix's @conn: the engine builds URLs (~p) for this request
            return html(rendering, conn.formats().views().renderWithLayouts(view, template, model, layout(conn), rootLayout(conn)));
        }
        if (conn.formats().templates() == null) {
            throw new IllegalStateException("render needs a template engine: give the controller an HTML view "
                    + "(@PhoenixController(html = PageHTML.class) with @EmbedTemplates), add Thymeleaf to the classpath or "
                    + "set a TemplateRenderer on the WebEndpoint");
        }
        Object viewName = privates.get("phoenix_view");
        String name = template.contains("/") || viewName == null ? template : viewName + "/" + template;
        return html(conn, conn.formats().templates().render(name, model));
    }

    /** @return the conn rendering a template with the conn's assigns */
    static Conn render(Conn conn, String template) {
        return render(conn, template, Map.of());
    }

    /**
     * @param to a local path such as {@code /users/1}; anything else (a scheme, {@code //host}) is refused
     * @return the conn redirecting, 302 unless a status is set (Phoenix.Controller.redirect with {@code to:})
     */
    static Conn redirect(Conn conn, String to) {
        if (to == null || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
            throw new IllegalArgumentException("the redirect to \"" + to + "\" is not a local path; use redirectExternal");
        }
        return redirectExternal(conn, to);
    }

    /** @return the conn redirecting to any URL (Phoenix.Controller.redirect with {@code external:}) */
    static Conn redirectExternal(Conn conn, String url) {
        String escaped = HtmlUtils.htmlEscape(url);
        Conn located = (conn.status() == 0 ? conn.putStatus(302) : conn).putRespHeader("location", url);
        return withDefaultType(located, "text/html; charset=utf-8")
                .sendResp(("<html><body>You are being <a href=\"" + escaped + "\">redirected</a>.</body></html>")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param view the directory bare template names render from, e.g. {@code user}; the router sets the
     *     controller's own (UserController -> user)
     * @return the conn with that view (Phoenix.Controller.put_view)
     */
    static Conn putView(Conn conn, String view) {
        return conn.putPrivate("phoenix_view", view);
    }

    /**
     * @param view the HTML view class, e.g. {@code UserHTML} with {@code @EmbedTemplates("user_html")}
     * @return the conn rendering the html format with this view (Phoenix.Controller.put_view with {@code html:})
     */
    static Conn putView(Conn conn, Class<?> view) {
        return conn.putPrivate("phoenix_html_view", java.util.Objects.requireNonNull(view, "view"));
    }

    /** @return the conn's HTML view class, or null (Phoenix.Controller.view_module for html) */
    static Class<?> viewModule(Conn conn) {
        return conn.privates().get("phoenix_html_view") instanceof Class<?> view ? view : null;
    }

    /** @return the template the conn rendered, {@code "show.html"}, or null (Phoenix.Controller.view_template) */
    static String viewTemplate(Conn conn) {
        return (String) conn.privates().get("phoenix_template");
    }

    /**
     * @return the conn rendering its html pages inside {@code layout} (Phoenix.Controller.put_layout with {@code html:})
     */
    static Conn putLayout(Conn conn, Layout layout) {
        return conn.putPrivate("phoenix_layout", java.util.Objects.requireNonNull(layout, "layout"));
    }

    /**
     * @param template another template of the current layout's view, {@code "print"} for {@code {Layouts, :print}}
     * @return the conn with that layout (Phoenix's {@code put_layout(conn, html: :print)})
     * @throws IllegalStateException when the conn has no layout to take the view from
     */
    static Conn putLayout(Conn conn, String template) {
        if (!(conn.privates().get("phoenix_layout") instanceof Layout current)) {
            throw new IllegalStateException("cannot use put_layout/2 with the template \"" + template
                    + "\" without a layout set before: give the view too, Layout.of(Layouts.class, \"" + template + "\")");
        }
        return putLayout(conn, Layout.of(current.view(), template));
    }

    /**
     * @param enabled {@code false}: the page renders without the (app) layout, e.g. for one action
     * @return the conn (Phoenix's {@code put_layout(conn, false)})
     */
    static Conn putLayout(Conn conn, boolean enabled) {
        if (enabled) {
            throw new IllegalArgumentException("put_layout takes a layout or false; give the layout to turn it on");
        }
        return conn.putPrivate("phoenix_layout", Boolean.FALSE);
    }

    /** @return the conn with {@code layout} unless a layout (or {@code false}) was put before (put_new_layout) */
    static Conn putNewLayout(Conn conn, Layout layout) {
        return conn.privates().containsKey("phoenix_layout") ? conn : putLayout(conn, layout);
    }

    /** @return the conn's layout, or null when none or disabled (Phoenix.Controller.layout) */
    static Layout layout(Conn conn) {
        return conn.privates().get("phoenix_layout") instanceof Layout layout ? layout : null;
    }

    /**
     * @return the conn rendering its html pages inside {@code layout}, the HTML document around the app layout, as
     *     phx.new's {@code plug :put_root_layout, html: {MyAppWeb.Layouts, :root}} (Phoenix.Controller.put_root_layout)
     */
    static Conn putRootLayout(Conn conn, Layout layout) {
        return conn.putPrivate("phoenix_root_layout", java.util.Objects.requireNonNull(layout, "layout"));
    }

    /** @param enabled {@code false}: no root layout (Phoenix's {@code put_root_layout(conn, false)}) */
    static Conn putRootLayout(Conn conn, boolean enabled) {
        if (enabled) {
            throw new IllegalArgumentException("put_root_layout takes a layout or false; give the layout to turn it on");
        }
        return conn.putPrivate("phoenix_root_layout", Boolean.FALSE);
    }

    /** @return the conn's root layout, or null when none or disabled (Phoenix.Controller.root_layout) */
    static Layout rootLayout(Conn conn) {
        return conn.privates().get("phoenix_root_layout") instanceof Layout layout ? layout : null;
    }

    /**
     * @param view a JSON view: the template's name and the assigns in, the data to send as JSON out
     * @return the conn rendering the json format with this view (Phoenix.Controller.put_view with {@code json:})
     */
    static Conn putJsonView(Conn conn, BiFunction<String, Map<String, Object>, Object> view) {
        return conn.putPrivate("phoenix_json_view", view);
    }

    /** @return the format negotiated by the accepts plug (e.g. "json"), or null (Phoenix.Controller.get_format) */
    static String getFormat(Conn conn) {
        return (String) conn.privates().get("phoenix_format");
    }

    /** @return the conn with a format (Phoenix.Controller.put_format) */
    static Conn putFormat(Conn conn, String format) {
        return conn.putPrivate("phoenix_format", format);
    }

    /** @return the flash messages loaded by {@code Plugs.fetchFlash()} (Phoenix's {@code @flash}) */
    @SuppressWarnings("unchecked")
    static Map<String, String> getFlash(Conn conn) {
        Object flash = conn.privates().get("phoenix_flash");
        if (flash == null) {
            throw new IllegalStateException("flash not fetched, add Plugs.fetchFlash() to the pipeline");
        }
        return (Map<String, String>) flash;
    }

    /** @return one flash message, or null (Phoenix.Flash.get) */
    static String getFlash(Conn conn, String kind) {
        return getFlash(conn).get(kind);
    }

    /** @return the conn with a flash message, kept for the next request when the response redirects (put_flash) */
    static Conn putFlash(Conn conn, String kind, String message) {
        Map<String, String> flash = new LinkedHashMap<>(getFlash(conn));
        flash.put(kind, message);
        return conn.putPrivate("phoenix_flash", Collections.unmodifiableMap(flash));
    }

    /** @return the conn with no flash messages (Phoenix.Controller.clear_flash) */
    static Conn clearFlash(Conn conn) {
        getFlash(conn);
        return conn.putPrivate("phoenix_flash", Map.of());
    }

    private static Conn withDefaultType(Conn conn, String type) {
        return conn.respHeaders().containsKey("content-type") ? conn : conn.putRespHeader("content-type", type);
    }

    /** The controller's plugs, each optionally limited to some actions. */
    final class Plugs {
        record Guarded(Plug plug, Set<String> only) {
        }

        private final java.util.ArrayList<Guarded> plugs = new java.util.ArrayList<>();

        /**
         * @param plug the plug
         * @param onlyActions the actions it runs for; none means every action
         * @return this
         */
        public Plugs plug(Plug plug, String... onlyActions) {
            plugs.add(new Guarded(plug, Set.of(onlyActions)));
            return this;
        }

        List<Plug> forAction(String action) {
            return plugs.stream().filter(g -> g.only().isEmpty() || g.only().contains(action)).map(Guarded::plug).toList();
        }
    }
}
