package io.phoenixspring.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plug.Crypto.MessageVerifier: signs bytes into {@code header.payload.signature} with HMAC and
 * verifies such tokens. Phoenix.Token and signed cookies are built on it.
 *
 * <pre>{@code
 * String signed = MessageVerifier.sign(bytes, key);
 * byte[] back = MessageVerifier.verify(signed, key); // null when tampered
 * }</pre>
 */
public final class MessageVerifier {

    private MessageVerifier() {
    }

    /** Signs with HMAC-SHA256 under the header {@code HS256}, as Phoenix.Token always does. */
    public static String sign(byte[] payload, byte[] key) {
        return sign(payload, key, KeyDigest.SHA256);
    }

    /** Signs with the HMAC of {@code digest}; the header names it so that verify picks the same. */
    public static String sign(byte[] payload, byte[] key, KeyDigest digest) {
        String signedPart = digest.protectedHeader() + "." + Base64Url.encode(payload);
        byte[] mac = hmac(digest, key, signedPart);
        return signedPart + "." + Base64Url.encode(mac);
    }

    /**
     * Returns the signed payload, or null when the token is malformed, names an unknown algorithm
     * or its signature does not match. Never throws for any input.
     */
    public static byte[] verify(String token, byte[] key) {
        if (token == null) {
            return null;
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            return null;
        }
        KeyDigest digest = KeyDigest.fromProtectedHeader(token.substring(0, firstDot));
        if (digest == null) {
            return null;
        }
        byte[] payload = Base64Url.decode(token, firstDot + 1, secondDot);
        byte[] signature = Base64Url.decode(token, secondDot + 1, token.length());
        if (payload == null || signature == null) {
            return null;
        }
        byte[] expected = hmac(digest, key, token.substring(0, secondDot));
        // MessageDigest.isEqual is constant-time for equal lengths; length itself is not secret.
        return MessageDigest.isEqual(expected, signature) ? payload : null;
    }

    private static byte[] hmac(KeyDigest digest, byte[] key, String signedPart) {
        try {
            Mac mac = Mac.getInstance(digest.macAlgorithm());
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, digest.macAlgorithm()));
            return mac.doFinal(signedPart.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC is unavailable in this JVM: " + digest.macAlgorithm(), e);
        }
    }
}
