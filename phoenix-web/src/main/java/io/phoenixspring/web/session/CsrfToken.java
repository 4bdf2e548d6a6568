package io.phoenixspring.web.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token kept in the session, as Plug.CSRFProtection keeps it: a random value under
 * {@link #SESSION_KEY}, handed out masked with a fresh one-time pad each time (so it never appears
 * twice in a page, which defeats BREACH). It lives here, beside the session, because both the
 * protecting plug and {@code Controller.render} (which puts {@code csrfToken} in the model) need it.
 *
 * <pre>{@code
 * String stored = CsrfToken.generate();          // put in the session once
 * String inForm = CsrfToken.mask(stored);        // a different string every call
 * CsrfToken.matches(stored, inForm);             // true
 * }</pre>
 */
public final class CsrfToken {

    /** The session key of the unmasked token. */
    public static final String SESSION_KEY = "_csrf_token";

    private static final int TOKEN_BYTES = 18;
    // A masked token is twice the stored one (24 characters, 48 bytes, 64 characters encoded): far below this.
    private static final int MAX_GIVEN_LENGTH = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private CsrfToken() {
    }

    /** @return a new random token to store in the session */
    public static String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** @return the stored token masked with a fresh pad: a different string every call, all valid */
    public static String mask(String token) {
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

    /** @return whether a masked token a client sent unmasks to the stored one (constant time) */
    public static boolean matches(String token, String given) {
        if (given == null || given.length() > MAX_GIVEN_LENGTH) {
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
}
