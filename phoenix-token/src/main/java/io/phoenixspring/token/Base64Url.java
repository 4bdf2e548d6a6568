package io.phoenixspring.token;

import java.util.Base64;

/**
 * Base64url exactly as Elixir's {@code Base.url_decode64(s, padding: false)} reads it, which is
 * what Plug.Crypto uses on every token segment. The JDK decoder differs at the edges (it accepts a
 * lone '=' in odd places), so the decoder is ours; the encoder is the JDK's.
 */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] DECODE = new byte[128];

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            DECODE[alphabet.charAt(i)] = (byte) i;
        }
    }

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes {@code text[from, to)}; returns null when Elixir would return :error. Accepts both
     * unpadded input and input padded correctly to a multiple of four; unused low bits of the last
     * character are ignored, as Elixir does.
     */
    static byte[] decode(CharSequence text, int from, int to) {
        int end = to;
        int length = to - from;
        if (length % 4 == 0 && length > 0) {
            if (text.charAt(end - 1) == '=') {
                end--;
                if (text.charAt(end - 1) == '=') {
                    end--;
                }
            }
        }
        int chars = end - from;
        int tail = chars % 4;
        if (tail == 1) {
            return null;
        }
        // After stripping, padding is only valid if it completed a quartet.
        if (end != to && tail == 0) {
            return null;
        }
        byte[] out = new byte[chars / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
        int o = 0;
        int i = from;
        int fullEnd = from + chars - tail;
        while (i < fullEnd) {
            int a = value(text.charAt(i));
            int b = value(text.charAt(i + 1));
            int c = value(text.charAt(i + 2));
            int d = value(text.charAt(i + 3));
            if ((a | b | c | d) < 0) {
                return null;
            }
            int bits = a << 18 | b << 12 | c << 6 | d;
            out[o++] = (byte) (bits >> 16);
            out[o++] = (byte) (bits >> 8);
            out[o++] = (byte) bits;
            i += 4;
        }
        if (tail == 2) {
            int a = value(text.charAt(i));
            int b = value(text.charAt(i + 1));
            if ((a | b) < 0) {
                return null;
            }
            out[o] = (byte) (a << 2 | b >> 4);
        } else if (tail == 3) {
            int a = value(text.charAt(i));
            int b = value(text.charAt(i + 1));
            int c = value(text.charAt(i + 2));
            if ((a | b | c) < 0) {
                return null;
            }
            int bits = a << 12 | b << 6 | c;
            out[o++] = (byte) (bits >> 10);
            out[o] = (byte) (bits >> 2);
        }
        return out;
    }

    static byte[] decode(CharSequence text) {
        return decode(text, 0, text.length());
    }

    private static int value(char c) {
        return c < 128 ? DECODE[c] : -1;
    }
}
