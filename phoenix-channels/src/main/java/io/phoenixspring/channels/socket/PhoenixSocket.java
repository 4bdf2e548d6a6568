package io.phoenixspring.channels.socket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Mounts a {@link SocketHandler} bean at a path, like {@code socket "/socket", UserSocket} in a
 * Phoenix endpoint: WebSocket at {@code <path>/websocket}, long-poll at {@code <path>/longpoll}.
 *
 * <pre>{@code
 * @PhoenixSocket(path = "/socket", longpoll = true, connectInfoHeaders = "x-tenant")
 * class UserSocket implements SocketHandler { ... }
 *
 * @PhoenixSocket(path = "/live", session = true, authenticated = true)
 * class MemberSocket implements SocketHandler { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface PhoenixSocket {

    /** The mount path. */
    String path() default "/socket";

    /** Serve the WebSocket transport at {@code <path>/websocket}. */
    boolean websocket() default true;

    /** Serve the long-poll transport at {@code <path>/longpoll} (off by default, as in Phoenix). */
    boolean longpoll() default false;

    /** Request headers copied into {@link ConnectInfo#headers()}, beyond x- headers and the user agent. */
    String[] connectInfoHeaders() default {};

    /**
     * Read the browser session into {@link ConnectInfo#session()} (Phoenix's {@code connect_info:
     * [session: ...]}): phoenix-web's session cookie, verified with the endpoint's secret. As in
     * Phoenix, the client must send the page's CSRF token as the {@code _csrf_token} connect param;
     * a connection whose session cookie is valid but whose token does not match is refused.
     */
    boolean session() default false;

    /**
     * Refuse connections whose request carries no authenticated user ({@link ConnectInfo#authenticated()}),
     * before {@code connect} runs; a long-poll session also refuses polls by any other user than the one who opened it.
     */
    boolean authenticated() default false;

    /**
     * Level of the {@code JOINED}/{@code REFUSED JOIN} lines of this socket's channels, unless a
     * channel sets its own (Phoenix's {@code log_join}); {@code DEFAULT} is {@code INFO}.
     */
    LogLevel logJoin() default LogLevel.DEFAULT;

    /**
     * Level of the {@code HANDLED … INCOMING ON} lines of this socket's channels, unless a channel
     * sets its own (Phoenix's {@code log_handle_in}); {@code DEFAULT} is {@code DEBUG}.
     */
    LogLevel logHandleIn() default LogLevel.DEFAULT;
}
