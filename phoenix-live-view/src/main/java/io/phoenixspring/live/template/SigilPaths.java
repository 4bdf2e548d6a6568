package io.phoenixspring.live.template;

import io.phoenixspring.web.conn.Query;
import io.phoenixspring.web.endpoint.WebEndpoint;
import java.util.Collection;
import java.util.Map;

/** What {@code ~p} does at render: Phoenix.Param, URI encoding, and the endpoint of {@link RoutesContext}. */
final class SigilPaths {

    private SigilPaths() {
    }

    /** An interpolated path segment: {@code Phoenix.Param.to_param/1}, then {@code URI.encode(_, &URI.char_unreserved?/1)}. */
    static String segment(Object value, int pos) {
        return Query.encodeSegment(param(value, pos));
    }

    /**
     * An interpolation in the query: a map is the whole query ({@code Plug.Conn.Query.encode/1}), anything
     * else one value ({@code URI.encode_www_form/1}).
     */
    static String queryValue(Object value, int pos) {
        if (value instanceof Map<?, ?> params) {
            return Query.encode(params);
        }
        return Query.encodeWwwForm(param(value, pos));
    }

    /** The path under the endpoint of the render (as is outside {@link RoutesContext}). */
    static String render(String path, String query, boolean staticForm, boolean url, int pos) {
        // "/posts?#{params}" with no params is "/posts", not "/posts?".
        String suffix = query == null || query.isEmpty() ? "" : "?" + query;
        RoutesContext.Routes routes = RoutesContext.current();
        if (routes == null) {
            if (url) {
                throw new EvalException(pos, "url(~p\"" + path + "\") needs the endpoint: render inside a LiveView, or wrap "
                        + "the render in RoutesContext.with(conn or endpoint, …)");
            }
            return path + suffix;
        }
        WebEndpoint endpoint = routes.endpoint();
        if (staticForm) {
            return (url ? endpoint.staticUrl() : "") + routes.staticPath(path);
        }
        return (url ? endpoint.url() : "") + routes.path(path) + suffix;
    }

    /** Phoenix.Param: strings as they are, numbers and booleans as text, an object by its {@code id}. */
    private static String param(Object value, int pos) {
        if (value == null) {
            throw new EvalException(pos, "cannot convert nil to a path or query param of ~p");
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw new EvalException(pos, "cannot convert " + Values.describe(value) + " to a path segment of ~p"
                    + " (a map fills the query only: ~p\"/path?#{params}\")");
        }
        return param(Access.field(value, "id", pos), pos);
    }
}
