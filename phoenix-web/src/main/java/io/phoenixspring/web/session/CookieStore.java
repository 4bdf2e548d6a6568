package io.phoenixspring.web.session;

import io.phoenixspring.token.KeyDigest;
import io.phoenixspring.token.KeyGenerator;
import io.phoenixspring.token.MessageEncryptor;
import io.phoenixspring.token.MessageVerifier;
import io.phoenixspring.token.Atom;
import io.phoenixspring.token.Terms;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plug.Session's cookie store: the whole session lives in one cookie, signed with
 * HMAC-SHA256 (Plug.Crypto.MessageVerifier) or encrypted with XChaCha20-Poly1305
 * (Plug.Crypto.MessageEncryptor), under keys derived from {@code secret_key_base} and the salts
 * with PBKDF2 (1000 iterations, 32 bytes) exactly as Plug derives them.
 *
 * <p>The payload is the session map in Erlang's term format ({@code :erlang.term_to_binary/1}), as
 * Plug writes it, so with the same secret_key_base and salts a session cookie is shared with an
 * Elixir application. Atom keys written by Elixir read as their names; integers read as
 * {@code Long}.
 *
 * <pre>{@code
 * CookieStore store = new CookieStore(secretKeyBase, SessionOptions.defaults("_app_key", "salt"));
 * String cookie = store.put(Map.of("user_id", 42));
 * Map<String, Object> back = store.get(cookie); // empty when forged
 * }</pre>
 */
public final class CookieStore {

    private final SessionOptions options;
    // PBKDF2 is deliberately slow: derive each key once per store, not per request.
    private final byte[] signingKey;
    private final byte[] encryptionKey;

    public CookieStore(String secretKeyBase, SessionOptions options) {
        if (secretKeyBase == null || secretKeyBase.length() < 20) {
            throw new IllegalArgumentException("the cookie session store needs a secret_key_base of at least 20 bytes "
                    + "(phoenix.endpoint.secret-key-base)");
        }
        this.options = options;
        this.signingKey = KeyGenerator.generate(secretKeyBase, options.signingSalt(), 1000, 32, KeyDigest.SHA256);
        this.encryptionKey = options.encryptionSalt() == null ? null
                : KeyGenerator.generate(secretKeyBase, options.encryptionSalt(), 1000, 32, KeyDigest.SHA256);
    }

    /** @return the options this store writes cookies with */
    public SessionOptions options() {
        return options;
    }

    /** @return the cookie value holding the session */
    public String put(Map<String, Object> session) {
        byte[] payload = Terms.encode(session);
        return encryptionKey == null ? MessageVerifier.sign(payload, signingKey)
                : MessageEncryptor.encrypt(payload, encryptionKey);
    }

    /** @return the session in the cookie; empty when absent, forged, tampered or unreadable */
    public Map<String, Object> get(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 8192) {
            return Map.of();
        }
        byte[] payload = encryptionKey == null ? MessageVerifier.verify(cookie, signingKey)
                : MessageEncryptor.decrypt(cookie, encryptionKey);
        if (payload == null) {
            return Map.of();
        }
        try {
            if (!(Terms.decode(payload) instanceof Map<?, ?> map)) {
                return Map.of();
            }
            Map<String, Object> session = new LinkedHashMap<>();
            map.forEach((key, value) -> session.put(key instanceof Atom atom ? atom.name() : String.valueOf(key), value));
            return Collections.unmodifiableMap(session);
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }
}
