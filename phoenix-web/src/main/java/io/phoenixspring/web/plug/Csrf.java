package io.phoenixspring.web.plug;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.session.CsrfToken;
import java.util.Set;

/**
 * CSRF protection as Plug.CSRFProtection does it: a random token in the session, handed to
 * forms masked with a fresh one-time pad each time (so it never appears twice in a page, which
 * defeats BREACH), and required on every POST, PUT, PATCH and DELETE as the {@code _csrf_token}
 * param or the {@code x-csrf-token} header. A missing or wrong token is a 403.
 *
 * <pre>{@code
 * router.pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Csrf.protectFromForgery()));
 * // in a template: <input type="hidden" name="_csrf_token" th:value="${csrfToken}">
 * }</pre>
 */
public final class Csrf {

    /** The session key of the unmasked token. */
    public static final String SESSION_KEY = CsrfToken.SESSION_KEY;

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private Csrf() {
    }

    /** @return the plug; it needs the session, so put it after {@link Plugs#fetchSession()} */
    public static Plug protectFromForgery() {
        return conn -> {
            Object stored = conn.getSession(SESSION_KEY);
            Conn out = stored instanceof String ? conn : conn.putSession(SESSION_KEY, CsrfToken.generate());
            if (SAFE.contains(conn.method())) {
                return out;
            }
            String given = conn.params().get("_csrf_token") instanceof String s ? s : conn.reqHeader("x-csrf-token");
            if (!(stored instanceof String token) || !CsrfToken.matches(token, given)) {
                throw StatusException.invalidCsrfToken();
            }
            return out;
        };
    }

    /** @return a masked token for a form or a meta tag; a different string every call, all valid */
    public static String getCsrfToken(Conn conn) {
        Object stored = conn.getSession(SESSION_KEY);
        if (!(stored instanceof String token)) {
            throw new IllegalStateException("no CSRF token in the session: add Csrf.protectFromForgery() to the pipeline");
        }
        return CsrfToken.mask(token);
    }
}
