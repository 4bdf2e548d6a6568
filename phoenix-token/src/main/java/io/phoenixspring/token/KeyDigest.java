package io.phoenixspring.token;

/**
 * The digest that Phoenix's {@code :key_digest} option names: the PRF of the PBKDF2 key
 * derivation (and, for {@link MessageVerifier}, the HMAC of a token whose header names it).
 *
 * <pre>{@code
 * TokenOptions opts = TokenOptions.defaults().withKeyDigest(KeyDigest.SHA512);
 * }</pre>
 */
public enum KeyDigest {
    SHA256("HmacSHA256", "HS256", "SFMyNTY"),
    SHA384("HmacSHA384", "HS384", "SFMzODQ"),
    SHA512("HmacSHA512", "HS512", "SFM1MTI");

    private final String macAlgorithm;
    private final String jwsName;
    private final String protectedHeader;

    KeyDigest(String macAlgorithm, String jwsName, String protectedHeader) {
        this.macAlgorithm = macAlgorithm;
        this.jwsName = jwsName;
        this.protectedHeader = protectedHeader;
    }

    /** The JCA name of the HMAC with this digest, e.g. {@code HmacSHA256}. */
    public String macAlgorithm() {
        return macAlgorithm;
    }

    /** The JWS algorithm name Plug.Crypto puts in a signed token's header, e.g. {@code HS256}. */
    public String jwsName() {
        return jwsName;
    }

    /** The header segment as it stands in a signed token: unpadded base64url of {@link #jwsName()}. */
    String protectedHeader() {
        return protectedHeader;
    }

    /** Parses {@code sha256}, {@code sha384} or {@code sha512} (case-insensitive), as in Elixir config. */
    public static KeyDigest parse(String name) {
        for (KeyDigest digest : values()) {
            if (digest.name().equalsIgnoreCase(name)) {
                return digest;
            }
        }
        throw new IllegalArgumentException("key_digest must be sha256, sha384 or sha512, got: " + name);
    }

    static KeyDigest fromProtectedHeader(String header) {
        for (KeyDigest digest : values()) {
            if (digest.protectedHeader.equals(header)) {
                return digest;
            }
        }
        return null;
    }
}
