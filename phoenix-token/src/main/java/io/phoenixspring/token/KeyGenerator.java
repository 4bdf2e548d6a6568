package io.phoenixspring.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 key derivation as Plug.Crypto.KeyGenerator does it: the secret key base is the password,
 * the salt is the salt, and the PRF is HMAC with the chosen digest.
 *
 * <pre>{@code
 * byte[] key = KeyGenerator.generate(secretKeyBase, "user auth", 1000, 32, KeyDigest.SHA256);
 * }</pre>
 *
 * <p>The JDK's {@code PBKDF2WithHmacSHA256} cannot serve: it takes the password as {@code char[]}
 * (so a key base that is not text cannot be expressed) and refuses an empty salt or password, all
 * of which Plug.Crypto accepts. PBKDF2 itself is a few lines over {@link Mac}.
 */
public final class KeyGenerator {

    private KeyGenerator() {
    }

    /** Derives {@code length} bytes from a key base and salt given as UTF-8 text. */
    public static byte[] generate(String secret, String salt, int iterations, int length, KeyDigest digest) {
        return generate(secret.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.UTF_8),
                iterations, length, digest);
    }

    /** Derives {@code length} bytes; {@code iterations} and {@code length} must be positive. */
    public static byte[] generate(byte[] secret, byte[] salt, int iterations, int length, KeyDigest digest) {
        if (iterations < 1) {
            throw new IllegalArgumentException("key_iterations must be positive, got " + iterations);
        }
        if (length < 1) {
            throw new IllegalArgumentException("key_length must be positive, got " + length);
        }
        try {
            Mac prf = Mac.getInstance(digest.macAlgorithm());
            // SecretKeySpec refuses an empty key; HMAC pads an empty key with zeros exactly like a
            // one-byte zero key, so that substitution is the same function.
            prf.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, digest.macAlgorithm()));
            int blockLength = prf.getMacLength();
            byte[] derived = new byte[length];
            byte[] block = new byte[blockLength];
            byte[] u = new byte[blockLength];
            int blocks = (length + blockLength - 1) / blockLength;
            for (int index = 1; index <= blocks; index++) {
                prf.update(salt);
                prf.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
                prf.doFinal(u, 0);
                System.arraycopy(u, 0, block, 0, blockLength);
                for (int i = 1; i < iterations; i++) {
                    prf.update(u);
                    prf.doFinal(u, 0);
                    for (int j = 0; j < blockLength; j++) {
                        block[j] ^= u[j];
                    }
                }
                int offset = (index - 1) * blockLength;
                System.arraycopy(block, 0, derived, offset, Math.min(blockLength, length - offset));
            }
            return derived;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC is unavailable in this JVM: " + digest.macAlgorithm(), e);
        }
    }
}
