package io.phoenixspring.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plug.Crypto.MessageEncryptor (plug_crypto 2.x): authenticated encryption with
 * XChaCha20-Poly1305 into {@code XCP.<base64url(nonce || tag || ciphertext)>}, and decryption of
 * both that and the legacy AES-GCM tokens of plug_crypto 1.x ({@code QTEyOEdDTQ.…}).
 *
 * <pre>{@code
 * String sealed = MessageEncryptor.encrypt(bytes, key32);
 * byte[] opened = MessageEncryptor.decrypt(sealed, key32); // null when tampered
 * }</pre>
 */
public final class MessageEncryptor {

    private static final byte[] AAD = "A128GCM".getBytes(StandardCharsets.US_ASCII);
    private static final String XCP_PREFIX = "XCP.";
    private static final String LEGACY_HEADER = "QTEyOEdDTQ";
    private static final int NONCE_LENGTH = 24;
    private static final int TAG_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageEncryptor() {
    }

    /** Encrypts with a fresh random nonce; the key must be exactly 32 bytes, as in plug_crypto. */
    public static String encrypt(byte[] plaintext, byte[] key) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return encrypt(plaintext, key, nonce);
    }

    /** With a given nonce: only for reproducing known vectors; never reuse a nonce. */
    static String encrypt(byte[] plaintext, byte[] key, byte[] nonce) {
        if (key.length != 32) {
            throw new IllegalArgumentException("encryption needs a 32-byte key (key_length 32), got " + key.length);
        }
        try {
            Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(HChaCha20.subkey(key, nonce), "ChaCha20"),
                    new IvParameterSpec(chachaNonce(nonce)));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plaintext);
            int ciphertextLength = sealed.length - TAG_LENGTH;
            byte[] out = new byte[NONCE_LENGTH + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
            System.arraycopy(sealed, ciphertextLength, out, NONCE_LENGTH, TAG_LENGTH);
            System.arraycopy(sealed, 0, out, NONCE_LENGTH + TAG_LENGTH, ciphertextLength);
            return XCP_PREFIX + Base64Url.encode(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 is unavailable in this JVM", e);
        }
    }

    /** Returns the plaintext, or null when the token is malformed, forged or for another key. */
    public static byte[] decrypt(String token, byte[] key) {
        if (token == null) {
            return null;
        }
        if (token.startsWith(XCP_PREFIX)) {
            return key.length == 32 ? decryptXcp(token, key) : null;
        }
        return decryptLegacy(token, key);
    }

    private static byte[] decryptXcp(String token, byte[] key) {
        byte[] raw = Base64Url.decode(token, XCP_PREFIX.length(), token.length());
        if (raw == null || raw.length < NONCE_LENGTH + TAG_LENGTH) {
            return null;
        }
        byte[] nonce = Arrays.copyOfRange(raw, 0, NONCE_LENGTH);
        // The JDK expects ciphertext || tag; the token stores tag || ciphertext.
        byte[] sealed = new byte[raw.length - NONCE_LENGTH];
        int ciphertextLength = sealed.length - TAG_LENGTH;
        System.arraycopy(raw, NONCE_LENGTH + TAG_LENGTH, sealed, 0, ciphertextLength);
        System.arraycopy(raw, NONCE_LENGTH, sealed, ciphertextLength, TAG_LENGTH);
        try {
            Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(HChaCha20.subkey(key, nonce), "ChaCha20"),
                    new IvParameterSpec(chachaNonce(nonce)));
            cipher.updateAAD(AAD);
            return cipher.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static byte[] chachaNonce(byte[] nonce) {
        byte[] twelve = new byte[12];
        System.arraycopy(nonce, 16, twelve, 4, 8);
        return twelve;
    }

    /**
     * plug_crypto 1.x: {@code header.wrappedKey.iv.ciphertext.tag}; the content key is wrapped with
     * AES-GCM under the derived key (cut to 32 bytes) and empty AAD, the message is AES-GCM under
     * the content key with AAD "A128GCM".
     */
    private static byte[] decryptLegacy(String token, byte[] key) {
        byte[] secret = key.length > 32 ? Arrays.copyOf(key, 32) : key;
        if (secret.length != 16 && secret.length != 24 && secret.length != 32) {
            return null;
        }
        String[] parts = token.split("\\.", 5);
        if (parts.length != 5) {
            return null;
        }
        byte[][] decoded = new byte[5][];
        for (int i = 0; i < 5; i++) {
            decoded[i] = Base64Url.decode(parts[i]);
            if (decoded[i] == null) {
                return null;
            }
        }
        byte[] wrappedKey = decoded[1];
        byte[] iv = decoded[2];
        byte[] ciphertext = decoded[3];
        byte[] tag = decoded[4];
        if (!Arrays.equals(decoded[0], AAD) || iv.length != 12 || tag.length != 16) {
            return null;
        }
        int contentKeyLength = wrappedKey.length - 16 - 12;
        if (contentKeyLength != 16 && contentKeyLength != 24 && contentKeyLength != 32) {
            return null;
        }
        byte[] wrapIv = Arrays.copyOfRange(wrappedKey, contentKeyLength + 16, wrappedKey.length);
        byte[] wrapped = Arrays.copyOfRange(wrappedKey, 0, contentKeyLength + 16);
        byte[] contentKey = aesGcmDecrypt(secret, wrapIv, new byte[0], wrapped);
        if (contentKey == null) {
            return null;
        }
        byte[] sealed = new byte[ciphertext.length + tag.length];
        System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
        System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
        return aesGcmDecrypt(contentKey, iv, AAD, sealed);
    }

    private static byte[] aesGcmDecrypt(byte[] key, byte[] iv, byte[] aad, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }
}
