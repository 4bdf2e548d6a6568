package io.phoenixspring.live.router;

import io.phoenixspring.live.rendered.Rendered;
import io.phoenixspring.live.template.RoutesContext;
import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.view.LiveProcess;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.Navigation;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.plug.BlockingPlug;
import io.phoenixspring.web.plug.Plug;
import io.phoenixspring.web.session.CsrfToken;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseCookie;

/**
 * One live route: the plain HTTP ("dead") render of its LiveView, as Phoenix.LiveView.Static does
 * it: mount disconnected, handle_params, render inside the container that carries the signed session
 * and static tokens, inside the root layout.
 */
final class LiveRoute implements BlockingPlug {

    /** Set by the client when a {@code redirect} carried a flash (Phoenix's fetch_live_flash reads it). */
    static final String FLASH_COOKIE = "__phoenix_flash__";
    private static final String CONN_FLASH = "phoenix_flash";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LiveRoutes routes;
    private final LiveSession session;
    private final Class<? extends LiveView> viewClass;
    private final String action;
    private final LiveView view;
    private final Template template;
    private final Template layout;

    LiveRoute(LiveRoutes routes, LiveSession session, Class<? extends LiveView> viewClass, String action, LiveView view,
            Template template, Template layout) {
        this.routes = routes;
        this.session = session;
        this.viewClass = viewClass;
        this.action = action;
        this.view = view;
        this.template = template;
        this.layout = layout;
    }

    LiveRoutes routes() {
        return routes;
    }

    LiveSession session() {
        return session;
    }

    Class<? extends LiveView> viewClass() {
        return viewClass;
    }

    String action() {
        return action;
    }

    LiveProcess process(LiveSocket socket) {
        return new LiveProcess(view, template, layout, socket, routes.components(), routes.endpoint());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Conn call(Conn conn) {
        if (!conn.sessionFetched()) {
            throw new IllegalStateException("the live route " + conn.requestPath() + " needs the session: add "
                    + "Plugs.fetchSession() and Plugs.protectFromForgery() to its pipeline");
        }
        Conn c = conn;
        if (!(c.getSession(CsrfToken.SESSION_KEY) instanceof String)) {
            c = c.putSession(CsrfToken.SESSION_KEY, CsrfToken.generate());
        }
        Map<String, String> flash = new LinkedHashMap<>();
        if (c.privates().get(CONN_FLASH) instanceof Map<?, ?> connFlash) {
            ((Map<String, String>) connFlash).forEach(flash::put);
        }
        String flashCookie = c.reqCookies().get(FLASH_COOKIE);
        if (flashCookie != null) {
            flash.putAll(routes.tokens().verifyFlash(flashCookie));
            c = c.putRespCookie(ResponseCookie.from(FLASH_COOKIE, "").path("/").maxAge(0).build());
        }
        URI uri = uri(c);
        Map<String, Object> params = new LinkedHashMap<>(c.queryParams());
        params.putAll(c.pathParams());
        String id = randomId();
        LiveSocket socket = LiveSocket.disconnected(id, uri, c.assigns(), flash);
        LiveProcess process = process(socket);
        Map<String, Object> mountSession = new HashMap<>(c.session());
        mountSession.putAll(session.session());
        process.mount(params, mountSession, action, session.onMount());
        Navigation navigation = process.takeNavigation();
        if (navigation == null) {
            process.handleParams(params, uri, action);
            navigation = process.takeNavigation();
        }
        if (navigation != null) {
            return redirect(c, navigation, process.socket().flash());
        }
        String inner = process.renderHtml();
        String container = "<div id=\"" + id + "\" data-phx-main data-phx-session=\""
                + RootLayout.escape(routes.tokens().signSession(id, viewClass.getName(), session.name(), session.session()))
                + "\" data-phx-static=\"" + RootLayout.escape(routes.tokens().signStatic(id, process.socket().flash()))
                + "\">" + inner + "</div>";
        Map<String, Object> assigns = new HashMap<>(process.socket().assigns());
        assigns.put(LiveProcess.INNER_CONTENT, Rendered.of(List.of(container), List.of(), container.hashCode(), false));
        assigns.put(RootLayout.CSRF_TOKEN, process.csrfToken());   // the forms' token too, as Plug caches one per request
        WebEndpoint endpoint = routes.endpoint() != null ? routes.endpoint() : WebEndpoint.of(c);
        String html = io.phoenixspring.live.template.CsrfContext.with(process::csrfToken,
                () -> RoutesContext.with(endpoint, () -> session.rootLayout().render(assigns, null).toHtml()));
        return c.putRespContentType("text/html").sendResp(200, html);
    }

    /** A mount or handle_params that navigated: the browser goes there with a plain redirect. */
    private static Conn redirect(Conn conn, Navigation navigation, Map<String, String> flash) {
        String to = navigation.to();
        Conn c = conn;
        if (!flash.isEmpty() && c.privates().containsKey(CONN_FLASH)) {
            c = c.putPrivate(CONN_FLASH, Map.copyOf(flash));
        }
        return c.putStatus(302).putRespHeader("location", to).putRespContentType("text/html")
                .sendResp(302, "<html><body>You are being <a href=\"" + RootLayout.escape(to) + "\">redirected</a>.</body></html>");
    }

    private static URI uri(Conn conn) {
        String host = conn.reqHeader("host");
        String query = conn.queryString();
        return URI.create(conn.scheme() + "://" + (host != null ? host : conn.host()) + conn.requestPath()
                + (query.isEmpty() ? "" : "?" + query));
    }

    /** Phoenix's {@code phx-} ids: 12 random bytes, URL-safe base64. */
    static String randomId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "phx-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "live " + viewClass.getSimpleName() + (action == null ? "" : " :" + action);
    }
}
