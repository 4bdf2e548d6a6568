package io.phoenixspring.live.template;

import io.phoenixspring.live.rendered.RenderScope;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.endpoint.EndpointUrl;
import io.phoenixspring.web.endpoint.WebEndpoint;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The endpoint that {@code ~p"/users/#{@id}"}, {@code url(…)}, {@code static_path(…)} and
 * {@code static_integrity(…)} render against, as Phoenix's verified routes read the endpoint a
 * module is compiled for: paths go under its url path (script name), static paths are digested from
 * its cache manifest. The LiveView runtime sets it for its renders; a controller view wraps its
 * render. Rendering is lazy, so the {@code toHtml()} or diff that evaluates the template runs inside.
 * Outside any context {@code ~p} is the plain path (no prefix, no digest) and {@code url(…)} fails.
 *
 * <pre>{@code
 * String html = RoutesContext.with(conn, () -> template.render(assigns, null).toHtml());
 * String page = RoutesContext.with(endpoint, () -> template.render(assigns, null).toHtml());
 * }</pre>
 */
public final class RoutesContext {

    /** The endpoint, and the proxy's prefix of the request being rendered ("" for none). */
    record Routes(WebEndpoint endpoint, String forwardedPrefix) {

        String path(String path) {
            return forwardedPrefix + endpoint.path(path);
        }

        String staticPath(String path) {
            return forwardedPrefix + endpoint.staticPath(path);
        }
    }

    private static final RenderScope<Routes> CURRENT = new RenderScope<>();

    private RoutesContext() {
    }

    /** Runs {@code render} with {@code endpoint}'s url path, static URL and cache manifest behind {@code ~p}. */
    public static <T> T with(WebEndpoint endpoint, Supplier<T> render) {
        return CURRENT.with(new Routes(Objects.requireNonNull(endpoint, "endpoint"), ""), render);
    }

    /**
     * Runs {@code render} for a request: its endpoint ({@link WebEndpoint#of(Conn)}) and, behind a proxy
     * that sends {@code X-Forwarded-Prefix} with a {@code server.forward-headers-strategy}, that
     * prefix before every path (the request's {@link EndpointUrl#of(Conn)} path).
     */
    public static <T> T with(Conn conn, Supplier<T> render) {
        String prefix = EndpointUrl.of(conn).path();
        return CURRENT.with(new Routes(WebEndpoint.of(conn), prefix.equals("/") ? "" : prefix), render);
    }

    /** The routes of the render running on this thread, or null outside {@link #with}. */
    static Routes current() {
        return CURRENT.current();
    }

    /** The endpoint for a function that has no meaning without one ({@code url/1}). */
    static WebEndpoint required(String function) {
        Routes routes = CURRENT.current();
        if (routes == null) {
            throw new IllegalStateException(function + " needs the endpoint: render inside a LiveView, or wrap the render in "
                    + "RoutesContext.with(conn or endpoint, …)");
        }
        return routes.endpoint();
    }
}
