package io.phoenixspring.token;

/**
 * HChaCha20 (draft-irtf-cfrg-xchacha): derives XChaCha20's subkey from the key and the first 16
 * bytes of the 24-byte nonce. The JDK ships ChaCha20-Poly1305 but not this one step, so it is here.
 */
final class HChaCha20 {

    private HChaCha20() {
    }

    static byte[] subkey(byte[] key, byte[] nonce) {
        if (key.length != 32 || nonce.length < 16) {
            throw new IllegalArgumentException("HChaCha20 takes a 32-byte key and a 16-byte nonce");
        }
        int[] x = new int[16];
        x[0] = 0x61707865;
        x[1] = 0x3320646e;
        x[2] = 0x79622d32;
        x[3] = 0x6b206574;
        for (int i = 0; i < 8; i++) {
            x[4 + i] = littleEndian(key, i * 4);
        }
        for (int i = 0; i < 4; i++) {
            x[12 + i] = littleEndian(nonce, i * 4);
        }
        for (int round = 0; round < 10; round++) {
            quarterRound(x, 0, 4, 8, 12);
            quarterRound(x, 1, 5, 9, 13);
            quarterRound(x, 2, 6, 10, 14);
            quarterRound(x, 3, 7, 11, 15);
            quarterRound(x, 0, 5, 10, 15);
            quarterRound(x, 1, 6, 11, 12);
            quarterRound(x, 2, 7, 8, 13);
            quarterRound(x, 3, 4, 9, 14);
        }
        byte[] out = new byte[32];
        int[] words = {x[0], x[1], x[2], x[3], x[12], x[13], x[14], x[15]};
        for (int i = 0; i < 8; i++) {
            out[i * 4] = (byte) words[i];
            out[i * 4 + 1] = (byte) (words[i] >>> 8);
            out[i * 4 + 2] = (byte) (words[i] >>> 16);
            out[i * 4 + 3] = (byte) (words[i] >>> 24);
        }
        return out;
    }

    private static void quarterRound(int[] x, int a, int b, int c, int d) {
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
    }

    private static int littleEndian(byte[] bytes, int offset) {
        return bytes[offset] & 0xFF | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
    }
}
