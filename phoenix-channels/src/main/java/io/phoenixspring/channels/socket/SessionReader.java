package io.phoenixspring.channels.socket;

import java.util.List;
import java.util.Map;

/**
 * Reads the browser session of a connect request for sockets declared with
 * {@code @PhoenixSocket(session = true)} (Phoenix's {@code connect_info: [session: ...]}). The
 * auto-configuration provides one reading phoenix-web's signed or encrypted cookie session with
 * the endpoint's secret; a bean of your own replaces it.
 *
 * <pre>{@code
 * SessionReader reader = SessionReader.of("_app_key", store::get, CsrfToken::matches);
 * }</pre>
 */
public interface SessionReader {

    /**
     * @param cookies the request's cookies by name
     * @return the session the cookies carry, or null when there is none or it is not valid
     */
    Map<String, Object> read(Map<String, List<String>> cookies);

    /**
     * Phoenix's CSRF rule for sockets: the {@code _csrf_token} connect param must be the session's
     * token (masked, as pages get it).
     *
     * @param csrfToken the {@code _csrf_token} connect param, or null
     */
    boolean csrfTokenMatches(Map<String, Object> session, String csrfToken);

    /**
     * A reader of one cookie.
     *
     * @param cookieName the session cookie's name
     * @param decode the cookie value to its session (null or empty when invalid)
     * @param tokenMatches whether a masked token matches the session's stored {@code _csrf_token}
     */
    static SessionReader of(String cookieName, java.util.function.Function<String, Map<String, Object>> decode,
            java.util.function.BiPredicate<String, String> tokenMatches) {
        return new SessionReader() {
            @Override
            public Map<String, Object> read(Map<String, List<String>> cookies) {
                List<String> values = cookies.get(cookieName);
                if (values == null || values.isEmpty()) {
                    return null;
                }
                Map<String, Object> session = decode.apply(values.get(0));
                return session == null || session.isEmpty() ? null : session;
            }

            @Override
            public boolean csrfTokenMatches(Map<String, Object> session, String csrfToken) {
                return csrfToken != null && session.get("_csrf_token") instanceof String stored
                        && tokenMatches.test(stored, csrfToken);
            }
        };
    }
}
