package io.phoenixspring.web.session;

import java.time.Duration;

/**
 * Options of the cookie session store, as given to {@code plug Plug.Session, store: :cookie}.
 * The secret comes from the endpoint's {@code secret_key_base}; the salts only separate keys.
 *
 * <pre>{@code
 * SessionOptions opts = SessionOptions.defaults("_my_app_key", "k3Ys4lt").withEncryptionSalt("3ncr");
 * }</pre>
 *
 * @param key the cookie name
 * @param signingSalt salt of the signing key
 * @param encryptionSalt salt of the encryption key; null for signed-only cookies
 * @param maxAge cookie max-age; null for a browser-session cookie
 * @param sameSite SameSite attribute (Lax by default, as in Phoenix's generated endpoint)
 * @param secure whether the cookie is sent over https only
 * @param httpOnly whether scripts cannot read the cookie
 * @param path cookie path
 */
public record SessionOptions(String key, String signingSalt, String encryptionSalt, Duration maxAge,
        String sameSite, boolean secure, boolean httpOnly, String path) {

    public SessionOptions {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("session cookie key must not be blank");
        }
        if (signingSalt == null || signingSalt.isEmpty()) {
            throw new IllegalArgumentException("session signing salt must not be empty");
        }
        if (encryptionSalt != null && encryptionSalt.isEmpty()) {
            encryptionSalt = null;
        }
    }

    /** @return a signed (not encrypted), Lax, http-only browser-session cookie at path / */
    public static SessionOptions defaults(String key, String signingSalt) {
        return new SessionOptions(key, signingSalt, null, null, "Lax", false, true, "/");
    }

    public SessionOptions withEncryptionSalt(String salt) {
        return new SessionOptions(key, signingSalt, salt, maxAge, sameSite, secure, httpOnly, path);
    }

    public SessionOptions withMaxAge(Duration value) {
        return new SessionOptions(key, signingSalt, encryptionSalt, value, sameSite, secure, httpOnly, path);
    }

    public SessionOptions withSameSite(String value) {
        return new SessionOptions(key, signingSalt, encryptionSalt, maxAge, value, secure, httpOnly, path);
    }

    public SessionOptions withSecure(boolean value) {
        return new SessionOptions(key, signingSalt, encryptionSalt, maxAge, sameSite, value, httpOnly, path);
    }
}
