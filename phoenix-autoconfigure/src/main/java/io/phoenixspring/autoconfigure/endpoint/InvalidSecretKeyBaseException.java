package io.phoenixspring.autoconfigure.endpoint;

import io.phoenixspring.token.PhoenixToken;
import java.nio.charset.StandardCharsets;

/**
 * Start-up fails with this when {@code phoenix.endpoint.secret-key-base} is not set or is
 * shorter than {@value PhoenixToken#MIN_SECRET_KEY_BASE_BYTES} bytes: Phoenix signs tokens,
 * long-poll sessions and cookies with it. Boot's failure report says how to generate one.
 */
public class InvalidSecretKeyBaseException extends IllegalStateException {

    /** How to make one, shared by the message and the failure report. */
    static final String HOW_TO_GENERATE = "Generate one (like mix phx.gen.secret) with\n"
            + "    java -cp phoenix-token.jar io.phoenixspring.token.SecretKeyBase\n"
            + "or SecretKeyBase.generate(), and set it, e.g. in application.yml:\n"
            + "    phoenix.endpoint.secret-key-base: ${SECRET_KEY_BASE}";

    private final int length;

    /** @param length the configured secret's length in bytes; 0 when it is not set */
    public InvalidSecretKeyBaseException(int length) {
        super(problem(length) + " Phoenix signs tokens, long-poll sessions and cookies with it. " + HOW_TO_GENERATE);
        this.length = length;
    }

    /**
     * @return {@code secret}, when it is set and long enough
     * @throws InvalidSecretKeyBaseException otherwise
     */
    public static String check(String secret) {
        int length = secret == null || secret.isBlank() ? 0 : secret.getBytes(StandardCharsets.UTF_8).length;
        if (length < PhoenixToken.MIN_SECRET_KEY_BASE_BYTES) {
            throw new InvalidSecretKeyBaseException(length);
        }
        return secret;
    }

    /** The configured secret's length in bytes; 0 when it is not set. */
    public int length() {
        return length;
    }

    /** Whether the secret is not set at all (rather than too short). */
    public boolean missing() {
        return length == 0;
    }

    static String problem(int length) {
        return length == 0 ? "phoenix.endpoint.secret-key-base is not set."
                : "phoenix.endpoint.secret-key-base is " + length + " bytes long; it must be at least "
                        + PhoenixToken.MIN_SECRET_KEY_BASE_BYTES + " (64 random characters are usual).";
    }
}
