package io.phoenixspring.token;

/**
 * How atoms are written into a token's payload. Both forms decode everywhere; only the bytes,
 * and so the token string, differ.
 *
 * <pre>{@code
 * PhoenixToken otp25 = PhoenixToken.of(secretKeyBase).withAtomEncoding(AtomEncoding.LATIN1);
 * }</pre>
 */
public enum AtomEncoding {
    /** Every atom as UTF-8 ({@code SMALL_ATOM_UTF8_EXT}), as {@code term_to_binary} does from OTP 26 on. */
    UTF8,
    /** Atoms of Latin-1 characters as {@code ATOM_EXT}, others as UTF-8: OTP 25 and older. */
    LATIN1
}
