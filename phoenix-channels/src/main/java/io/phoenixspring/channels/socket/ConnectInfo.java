package io.phoenixspring.channels.socket;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.util.ClassUtils;

/**
 * What the transport knows about the connecting client (Phoenix's {@code connect_info}): peer
 * address, request URI, {@code x-} headers, user agent, the headers the socket allows, the JS
 * client's {@code authToken} (sent in {@code Sec-WebSocket-Protocol}), the request's authenticated
 * user (Spring Security's {@code Authentication}, or any principal the server put on the request),
 * and, for a socket declared with {@code @PhoenixSocket(session = true)}, the browser session.
 *
 * <pre>{@code
 * public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
 *     if (info.session() == null || !(info.session().get("user_id") instanceof Integer userId)) {
 *         return ConnectResult.error("no session");
 *     }
 *     socket.assign("user_id", userId);
 *     socket.assign("login", info.principal() == null ? null : info.principal().getName());
 *     return ConnectResult.ok();
 * }
 * }</pre>
 *
 * @param peerAddress the client's address, if known
 * @param uri the connect request's URI
 * @param xHeaders every request header starting with {@code x-}, lower-cased names
 * @param userAgent the user-agent header, or null
 * @param headers the request headers the socket was configured to expose, lower-cased names
 * @param authToken the token given to the JS client as {@code authToken}, or null
 * @param principal the request's principal (for Spring Security, its {@code Authentication}), or null
 * @param session the session in the signed (or encrypted) session cookie, when the socket asked for
 *     it, the cookie is valid and the {@code _csrf_token} connect param matches the session's token;
 *     otherwise null, as Phoenix gives {@code nil}
 */
public record ConnectInfo(InetSocketAddress peerAddress, URI uri, Map<String, String> xHeaders, String userAgent,
        Map<String, String> headers, String authToken, Principal principal, Map<String, Object> session) {

    private static final boolean SPRING_SECURITY = ClassUtils.isPresent(
            "org.springframework.security.core.Authentication", ConnectInfo.class.getClassLoader());

    /** Connect info without a principal or session (non-browser clients, unit tests). */
    public ConnectInfo(InetSocketAddress peerAddress, URI uri, Map<String, String> xHeaders, String userAgent,
            Map<String, String> headers, String authToken) {
        this(peerAddress, uri, xHeaders, userAgent, headers, authToken, null, null);
    }

    private static final ConnectInfo NONE = new ConnectInfo(null, null, Map.of(), null, Map.of(), null);

    /**
     * Connect info that knows nothing (no request): for connecting in tests, e.g.
     * {@code ConnectInfo.none().withPrincipal(user).withSession(Map.of("user_id", 42))}.
     */
    public static ConnectInfo none() {
        return NONE;
    }

    /** This info with another principal (tests: a signed-in user). */
    public ConnectInfo withPrincipal(Principal value) {
        return new ConnectInfo(peerAddress, uri, xHeaders, userAgent, headers, authToken, value, session);
    }

    /** This info with another session (tests: a browser session). */
    public ConnectInfo withSession(Map<String, Object> value) {
        return new ConnectInfo(peerAddress, uri, xHeaders, userAgent, headers, authToken, principal,
                value == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(value)));
    }

    /**
     * Whether the request carries an authenticated user: a principal that, under Spring Security,
     * is an authenticated, non-anonymous {@code Authentication}.
     */
    public boolean authenticated() {
        return authenticated(principal);
    }

    /** Whether {@code principal} is an authenticated user (see {@link #authenticated()}). */
    public static boolean authenticated(Principal principal) {
        if (principal == null) {
            return false;
        }
        return !SPRING_SECURITY || SpringSecurity.authenticated(principal);
    }

    /** Only loaded when Spring Security is on the class path. */
    private static final class SpringSecurity {
        static boolean authenticated(Principal principal) {
            if (principal instanceof org.springframework.security.core.Authentication authentication) {
                return authentication.isAuthenticated()
                        && !(authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
            }
            return true;
        }
    }
}
