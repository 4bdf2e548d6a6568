package io.phoenixspring.web.conn;

/**
 * An exception that knows the HTTP status it should be rendered with, like Plug.Exception's
 * {@code plug_status}: throw one from a plug or an action and the error view renders that status.
 *
 * <pre>{@code
 * class NotFound extends RuntimeException implements PlugStatus {
 *     public int plugStatus() { return 404; }
 * }
 * }</pre>
 */
public interface PlugStatus {

    /** @return the HTTP status this exception is rendered with */
    int plugStatus();
}
