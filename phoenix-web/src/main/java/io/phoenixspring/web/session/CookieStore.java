package io.phoenixspring.web.session;

import io.phoenixspring.token.KeyDigest;
import io.phoenixspring.token.KeyGenerator;
import io.phoenixspring.token.MessageEncryptor;
import io.phoenixspring.token.MessageVerifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plug.Session's cookie store: the whole session lives in one cookie, signed with
 * HMAC-SHA256 (Plug.Crypto.MessageVerifier) or encrypted with XChaCha20-Poly1305
 * (Plug.Crypto.MessageEncryptor), under keys derived from {@code secret_key_base} and the salts
 * with PBKDF2 (1000 iterations, 32 bytes) exactly as Plug derives them.
 *
 * <p>The payload is the session map as JSON, not Erlang's term format, so a cookie made by an
 * Elixir application cannot be read here (nor the other way round); it is rejected like a forged one.
 *
 * <pre>{@code
 * CookieStore store = new CookieStore(secretKeyBase, SessionOptions.defaults("_app_key", "salt"));
 * String cookie = store.put(Map.of("user_id", 42));
 * Map<String, Object> back = store.get(cookie); // empty when forged
 * }</pre>
 */
public final class CookieStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

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
        byte[] payload = JSON.writeValueAsBytes(session);
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
            return Collections.unmodifiableMap(JSON.readValue(payload, MAP));
        } catch (JacksonException e) {
            return Map.of();
        }
    }
}
