package io.phoenixspring.token;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates a {@code secret_key_base} the way {@code mix phx.gen.secret} does: random bytes,
 * base64-encoded, cut to the requested length (64 characters by default).
 *
 * <pre>{@code
 * String secretKeyBase = SecretKeyBase.generate();
 * // or from a shell: java -cp phoenix-token.jar io.phoenixspring.token.SecretKeyBase
 * }</pre>
 */
public final class SecretKeyBase {

    public static final int DEFAULT_LENGTH = 64;
    /** mix phx.gen.secret refuses shorter secrets. */
    public static final int MIN_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKeyBase() {
    }

    public static String generate() {
        return generate(DEFAULT_LENGTH);
    }

    public static String generate(int length) {
        if (length < MIN_LENGTH) {
            throw new IllegalArgumentException("The secret should be at least " + MIN_LENGTH + " characters long");
        }
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }

    /** Prints a new secret; an optional argument gives its length, as {@code mix phx.gen.secret 32}. */
    public static void main(String[] args) {
        int length = DEFAULT_LENGTH;
        if (args.length > 0) {
            try {
                length = Integer.parseInt(args[0]);
            } catch (NumberFormatException e) {
                System.err.println("usage: SecretKeyBase [length]  (length is a number, at least " + MIN_LENGTH + ")");
                System.exit(2);
            }
        }
        try {
            System.out.println(generate(length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
