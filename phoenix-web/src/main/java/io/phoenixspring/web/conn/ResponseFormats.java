package io.phoenixspring.web.conn;

import io.phoenixspring.web.template.TemplateRenderer;
import io.phoenixspring.web.template.ViewRenderer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a conn encodes its responses with: the JSON mapper behind {@code Controller.json} and the
 * template engine behind {@code Controller.render}. The endpoint's settings
 * ({@link io.phoenixspring.web.endpoint.WebEndpoint}) are the implementation a conn is built with;
 * the conn carries them as this narrow view so that Conn, like Plug.Conn, knows nothing of the
 * endpoint above it ({@code WebEndpoint.of(conn)} finds the whole settings again).
 *
 * <pre>{@code
 * Conn conn = Conn.of("GET", "/", new HttpHeaders(), WebEndpoint.defaults());
 * conn.formats().json();   // the endpoint's JsonMapper
 * }</pre>
 */
public interface ResponseFormats {

    /** @return the JSON mapper for bodies and {@code Controller.json} */
    JsonMapper json();

    /** @return the template renderer for {@code Controller.render}; null when none */
    TemplateRenderer templates();

    /** @return the engines of view classes behind {@code Controller.render} with an HTML view, layouts and error views */
    default ViewRenderer views() {
        return ViewRenderer.none();
    }
}
