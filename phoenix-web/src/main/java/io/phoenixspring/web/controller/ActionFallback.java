package io.phoenixspring.web.controller;

import io.phoenixspring.web.conn.Conn;

/**
 * Phoenix's action_fallback: an action may return a result instead of a conn (say
 * {@code Optional.empty()} or an error record) and the fallback turns it into a response.
 *
 * <pre>{@code
 * @Component class FallbackController implements ActionFallback {
 *     public Conn call(Conn conn, Object result) { return Controller.json(conn.putStatus(404), Map.of("errors", Map.of("detail", "Not Found"))); }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ActionFallback {

    /** @return the conn with a response for a result that was not a conn */
    Conn call(Conn conn, Object result);
}
