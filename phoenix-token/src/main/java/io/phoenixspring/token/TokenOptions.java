package io.phoenixspring.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Phoenix.Token's options: {@code key_iterations}, {@code key_length}, {@code key_digest},
 * {@code signed_at} and {@code max_age}, with Phoenix's defaults (1000, 32, sha256, now, 86400).
 *
 * <pre>{@code
 * tokens.verify("user auth", token, TokenOptions.maxAge(86400));
 * tokens.sign("user auth", 42, TokenOptions.defaults().withMaxAge(MaxAge.INFINITY));
 * }</pre>
 *
 * <p>For signing, {@code maxAge} is stored in the token (default one day). For verifying and
 * decrypting, a {@code maxAge} replaces the stored one, and when absent the stored one applies.
 * {@code signedAt} only matters when signing; absent means the token's clock.
 *
 * @param keyIterations PBKDF2 iterations
 * @param keyLength derived key length in bytes (encryption needs 32)
 * @param keyDigest PBKDF2 PRF
 * @param signedAtMillis when the token was signed, epoch milliseconds, or null for now
 * @param maxAge lifetime, or null for the default (sign) or the stored one (verify)
 */
public record TokenOptions(int keyIterations, int keyLength, KeyDigest keyDigest, Long signedAtMillis, MaxAge maxAge) {

    public static final int DEFAULT_KEY_ITERATIONS = 1000;
    public static final int DEFAULT_KEY_LENGTH = 32;

    private static final TokenOptions DEFAULTS =
            new TokenOptions(DEFAULT_KEY_ITERATIONS, DEFAULT_KEY_LENGTH, KeyDigest.SHA256, null, null);

    public TokenOptions {
        Objects.requireNonNull(keyDigest, "keyDigest");
        if (keyIterations < 1) {
            throw new IllegalArgumentException("key_iterations must be positive, got " + keyIterations);
        }
        if (keyLength < 1) {
            throw new IllegalArgumentException("key_length must be positive, got " + keyLength);
        }
    }

    public static TokenOptions defaults() {
        return DEFAULTS;
    }

    /** The defaults with {@code max_age} in seconds: the usual verify call. */
    public static TokenOptions maxAge(long seconds) {
        return DEFAULTS.withMaxAge(MaxAge.seconds(seconds));
    }

    public TokenOptions withKeyIterations(int iterations) {
        return new TokenOptions(iterations, keyLength, keyDigest, signedAtMillis, maxAge);
    }

    public TokenOptions withKeyLength(int length) {
        return new TokenOptions(keyIterations, length, keyDigest, signedAtMillis, maxAge);
    }

    public TokenOptions withKeyDigest(KeyDigest digest) {
        return new TokenOptions(keyIterations, keyLength, digest, signedAtMillis, maxAge);
    }

    public TokenOptions withMaxAge(MaxAge age) {
        return new TokenOptions(keyIterations, keyLength, keyDigest, signedAtMillis, age);
    }

    public TokenOptions withMaxAge(Duration age) {
        return withMaxAge(MaxAge.of(age));
    }

    public TokenOptions withSignedAt(Instant instant) {
        return withSignedAtMillis(instant.toEpochMilli());
    }

    /** Whole seconds since the epoch, like Elixir's {@code signed_at: System.system_time(:second)}. */
    public TokenOptions withSignedAtSeconds(long seconds) {
        return withSignedAtMillis(Math.multiplyExact(seconds, 1000L));
    }

    /** Fractional seconds: truncated to milliseconds exactly as Elixir's {@code trunc(signed_at * 1000)}. */
    public TokenOptions withSignedAtSeconds(double seconds) {
        return withSignedAtMillis((long) (seconds * 1000.0));
    }

    public TokenOptions withSignedAtMillis(long millis) {
        return new TokenOptions(keyIterations, keyLength, keyDigest, millis, maxAge);
    }
}
