package io.phoenixspring.web.plug;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.error.StatusException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
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
    public static final String SESSION_KEY = "_csrf_token";

    private static final int TOKEN_BYTES = 18;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Csrf() {
    }

    /** @return the plug; it needs the session, so put it after {@link Plugs#fetchSession()} */
    public static Plug protectFromForgery() {
        return conn -> {
            Object stored = conn.getSession(SESSION_KEY);
            Conn out = stored instanceof String ? conn : conn.putSession(SESSION_KEY, newToken());
            if (SAFE.contains(conn.method())) {
                return out;
            }
            String given = conn.params().get("_csrf_token") instanceof String s ? s : conn.reqHeader("x-csrf-token");
            if (!(stored instanceof String token) || !valid(token, given)) {
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
        byte[] plain = token.getBytes(StandardCharsets.US_ASCII);
        byte[] mask = new byte[plain.length];
        RANDOM.nextBytes(mask);
        byte[] out = new byte[plain.length * 2];
        for (int i = 0; i < plain.length; i++) {
            out[i] = (byte) (plain[i] ^ mask[i]);
            out[plain.length + i] = mask[i];
        }
        return ENCODER.encodeToString(out);
    }

    static boolean valid(String token, String given) {
        if (given == null || given.length() > 256) {
            return false;
        }
        byte[] raw;
        try {
            raw = DECODER.decode(given);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = token.getBytes(StandardCharsets.US_ASCII);
        if (raw.length != expected.length * 2) {
            return false;
        }
        byte[] plain = new byte[expected.length];
        for (int i = 0; i < expected.length; i++) {
            plain[i] = (byte) (raw[i] ^ raw[expected.length + i]);
        }
        return MessageDigest.isEqual(plain, expected);
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
