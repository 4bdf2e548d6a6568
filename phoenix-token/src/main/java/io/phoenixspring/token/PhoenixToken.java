package io.phoenixspring.token;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phoenix.Token for Java: signed (and optionally encrypted) tokens that an Elixir/Phoenix
 * application sharing the same {@code secret_key_base} accepts and produces byte for byte.
 *
 * <pre>{@code
 * PhoenixToken tokens = PhoenixToken.of(secretKeyBase);
 * String token = tokens.sign("user auth", user.id());
 * TokenResult result = tokens.verify("user auth", token, TokenOptions.maxAge(86400));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; derived keys are cached per salt and key options
 * (as Plug.Crypto caches them), so only the first use of a salt pays for PBKDF2.
 */
public final class PhoenixToken {

    /** Phoenix refuses shorter literal key bases, since they make the HMAC key guessable. */
    public static final int MIN_SECRET_KEY_BASE_BYTES = 20;

    private static final System.Logger LOG = System.getLogger(PhoenixToken.class.getName());
    private static final MaxAge LEGACY_MAX_AGE = MaxAge.DEFAULT;
    private static final Atom DATA = Atom.of("data");
    private static final Atom SIGNED = Atom.of("signed");
    /** Salts are application constants; the bound only matters if one is built from input. */
    private static final int KEY_CACHE_LIMIT = 1024;

    private final byte[] secretKeyBase;
    private final Clock clock;
    private final AtomEncoding atomEncoding;
    private final Map<KeyId, byte[]> keys;

    private record KeyId(String salt, int iterations, int length, KeyDigest digest) {
    }

    private PhoenixToken(byte[] secretKeyBase, Clock clock, AtomEncoding atomEncoding, Map<KeyId, byte[]> keys) {
        this.secretKeyBase = secretKeyBase;
        this.clock = clock;
        this.atomEncoding = atomEncoding;
        this.keys = keys;
    }

    /** A token service over the endpoint's {@code secret_key_base} (at least 20 bytes). */
    public static PhoenixToken of(String secretKeyBase) {
        Objects.requireNonNull(secretKeyBase, "secretKeyBase");
        return of(secretKeyBase.getBytes(StandardCharsets.UTF_8));
    }

    public static PhoenixToken of(byte[] secretKeyBase) {
        Objects.requireNonNull(secretKeyBase, "secretKeyBase");
        if (secretKeyBase.length < MIN_SECRET_KEY_BASE_BYTES) {
            throw new IllegalArgumentException("secret_key_base must be at least " + MIN_SECRET_KEY_BASE_BYTES
                    + " bytes long; generate one with SecretKeyBase.generate() (like mix phx.gen.secret)");
        }
        return new PhoenixToken(secretKeyBase.clone(), Clock.systemUTC(), AtomEncoding.UTF8, new ConcurrentHashMap<>());
    }

    /** The same service reading time from {@code clock}: for tests, and for signed_at defaults. */
    public PhoenixToken withClock(Clock clock) {
        return new PhoenixToken(secretKeyBase, Objects.requireNonNull(clock, "clock"), atomEncoding, keys);
    }

    /**
     * The same service writing atoms in {@code encoding}; {@link AtomEncoding#UTF8} (the default)
     * matches OTP 26+, {@link AtomEncoding#LATIN1} matches OTP 25 and older. Both verify anywhere.
     */
    public PhoenixToken withAtomEncoding(AtomEncoding encoding) {
        return new PhoenixToken(secretKeyBase, clock, Objects.requireNonNull(encoding, "encoding"), keys);
    }

    /** Signs {@code data} with Phoenix's defaults. */
    public String sign(String salt, Object data) {
        return sign(salt, data, TokenOptions.defaults());
    }

    /** {@code Phoenix.Token.sign(context, salt, data, opts)}. */
    public String sign(String salt, Object data, TokenOptions options) {
        return MessageVerifier.sign(payload(data, options), key(salt, options));
    }

    /** Verifies with the max_age stored in the token. */
    public TokenResult verify(String salt, String token) {
        return verify(salt, token, TokenOptions.defaults());
    }

    /** {@code Phoenix.Token.verify(context, salt, token, opts)}; never throws for any token. */
    public TokenResult verify(String salt, String token, TokenOptions options) {
        if (token == null) {
            return TokenResult.Failed.MISSING;
        }
        byte[] payload = MessageVerifier.verify(token, key(salt, options));
        return payload == null ? TokenResult.Failed.INVALID : open(payload, options);
    }

    /** Encrypts {@code data} with Phoenix's defaults. */
    public String encrypt(String secret, Object data) {
        return encrypt(secret, data, TokenOptions.defaults());
    }

    /**
     * {@code Phoenix.Token.encrypt(context, secret, data, opts)}: XChaCha20-Poly1305, so the
     * options' key length must be 32.
     */
    public String encrypt(String secret, Object data, TokenOptions options) {
        return MessageEncryptor.encrypt(payload(data, options), key(secret, options));
    }

    public TokenResult decrypt(String secret, String token) {
        return decrypt(secret, token, TokenOptions.defaults());
    }

    /** {@code Phoenix.Token.decrypt(context, secret, token, opts)}; never throws for any token. */
    public TokenResult decrypt(String secret, String token, TokenOptions options) {
        if (token == null) {
            return TokenResult.Failed.MISSING;
        }
        byte[] payload = MessageEncryptor.decrypt(token, key(secret, options));
        return payload == null ? TokenResult.Failed.INVALID : open(payload, options);
    }

    private byte[] payload(Object data, TokenOptions options) {
        long signedAt = options.signedAtMillis() != null ? options.signedAtMillis() : clock.millis();
        MaxAge maxAge = options.maxAge() != null ? options.maxAge() : MaxAge.DEFAULT;
        return TermEncoder.encodePayload(data, signedAt, maxAge, atomEncoding);
    }

    byte[] key(String salt, TokenOptions options) {
        Objects.requireNonNull(salt, "salt");
        KeyId id = new KeyId(salt, options.keyIterations(), options.keyLength(), options.keyDigest());
        byte[] key = keys.get(id);
        if (key == null) {
            if (keys.size() >= KEY_CACHE_LIMIT) {
                keys.clear();
            }
            key = keys.computeIfAbsent(id, k -> KeyGenerator.generate(secretKeyBase,
                    k.salt().getBytes(StandardCharsets.UTF_8), k.iterations(), k.length(), k.digest()));
        }
        return key;
    }

    /** Decodes an authentic payload and applies Plug.Crypto's expiry rule. */
    private TokenResult open(byte[] payload, TokenOptions options) {
        try {
            Object term = TermDecoder.decode(payload);
            Object data;
            Object signed;
            Object maxAge;
            if (term instanceof Tuple tuple && tuple.size() == 3) {
                data = tuple.get(0);
                signed = tuple.get(1);
                maxAge = tuple.get(2);
            } else if (term instanceof Tuple tuple && tuple.size() == 2) {
                data = tuple.get(0);
                signed = tuple.get(1);
                maxAge = LEGACY_MAX_AGE.toTerm();
            } else if (term instanceof Map<?, ?> map && map.containsKey(DATA) && map.containsKey(SIGNED)) {
                data = map.get(DATA);
                signed = map.get(SIGNED);
                maxAge = LEGACY_MAX_AGE.toTerm();
            } else {
                throw new InvalidTermException("payload is not {data, signed_at, max_age}");
            }
            if (options.maxAge() != null) {
                maxAge = options.maxAge().toTerm();
            }
            return expired(signed, maxAge, clock.millis()) ? TokenResult.Failed.EXPIRED : new TokenResult.Ok(data);
        } catch (InvalidTermException e) {
            // The MAC was valid, so whoever made this holds the key: worth a line, never a crash.
            LOG.log(System.Logger.Level.WARNING, "Refusing an authentic token whose payload cannot be used: {0}",
                    e.getMessage());
            return TokenResult.Failed.INVALID;
        }
    }

    /** {@code signed + trunc(max_age * 1000) < now}, with infinity never and max_age <= 0 always expired. */
    static boolean expired(Object signed, Object maxAge, long nowMillis) {
        if (Atom.INFINITY.equals(maxAge)) {
            return false;
        }
        if (!(maxAge instanceof Number age) || !(signed instanceof Number signedAt)) {
            throw new InvalidTermException("signed_at and max_age must be numbers");
        }
        if (signedAt instanceof Long at && age instanceof Long seconds) {
            if (seconds <= 0) {
                return true;
            }
            if (seconds < Long.MAX_VALUE / 2000 && Math.abs(at) < Long.MAX_VALUE / 4) {
                return at + seconds * 1000 < nowMillis;
            }
        }
        BigDecimal ageSeconds = decimal(age);
        if (ageSeconds.signum() <= 0) {
            return true;
        }
        BigDecimal lifetime = age instanceof Double d
                ? new BigDecimal(d * 1000.0).setScale(0, RoundingMode.DOWN)
                : ageSeconds.multiply(BigDecimal.valueOf(1000));
        return decimal(signedAt).add(lifetime).compareTo(BigDecimal.valueOf(nowMillis)) < 0;
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (number instanceof Double d) {
            return new BigDecimal(d);
        }
        return BigDecimal.valueOf(number.longValue());
    }
}
