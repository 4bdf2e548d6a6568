package io.phoenixspring.web.controller;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.plug.Plug;
import io.phoenixspring.web.session.CsrfToken;
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
    // phoenix_json_view, phoenix_format, phoenix_flash): the accepts and fetchFlash plugs and the error
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
     * Renders a template with the conn's assigns plus these (Phoenix.Controller.render). A bare name
     * such as {@code "show"} is looked up under the controller's view, {@code user/show} for UserController.
     * The model also holds {@code flash} and, when a session with a CSRF token exists, {@code csrfToken}.
     * When the format is {@code json} and the conn has a JSON view (the controller's
     * {@code @PhoenixController(json = UserJSON.class)}, or {@link #putJsonView}), the view's function
     * named {@code template} gets the assigns and its result is sent as JSON instead.
     */
    static Conn render(Conn conn, String template, Map<String, ?> assigns) {
        Map<String, Object> privates = conn.privates();
        if ("json".equals(getFormat(conn)) && privates.get("phoenix_json_view") instanceof BiFunction<?, ?, ?> view) {
            Map<String, Object> model = new LinkedHashMap<>(conn.assigns());
            model.putAll(assigns);
            @SuppressWarnings("unchecked")
            BiFunction<String, Map<String, Object>, Object> json = (BiFunction<String, Map<String, Object>, Object>) view;
            return json(conn, json.apply(template, Collections.unmodifiableMap(model)));
        }
        if (conn.formats().templates() == null) {
            throw new IllegalStateException("render needs a template engine: add Thymeleaf to the classpath or set a "
                    + "TemplateRenderer on the WebEndpoint");
        }
        Object viewName = privates.get("phoenix_view");
        String name = template.contains("/") || viewName == null ? template : viewName + "/" + template;
        Map<String, Object> model = new LinkedHashMap<>(conn.assigns());
        model.putAll(assigns);
        model.putIfAbsent("flash", privates.containsKey("phoenix_flash") ? privates.get("phoenix_flash") : Map.of());
        if (conn.sessionFetched() && conn.getSession(CsrfToken.SESSION_KEY) instanceof String token) {
            model.putIfAbsent("csrfToken", CsrfToken.mask(token));
        }
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
