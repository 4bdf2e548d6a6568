package io.phoenixspring.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever arrives as a token comes back as a refusal, quickly, without exceptions, without
 * unbounded allocation or recursion, even when the attacker holds the key and signs the payload.
 */
class HostileInputTest {

    private static final String SECRET_KEY_BASE = "pX7mQ2vK9sLr4TzW1nYb8HcE5jUa0GfD3kRt6VwN2qMx9ZeS7oPi4LhB1uCy8AdF";
    private static final Duration QUICKLY = Duration.ofMillis(500);

    private final PhoenixToken tokens = PhoenixToken.of(SECRET_KEY_BASE);
    private final byte[] key = tokens.key("s", TokenOptions.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "...", "SFMyNTY", "SFMyNTY..", "SFMyNTY.g2gD.", "SFMyNTY.!!!.abc",
        "SFMyNTY.g2gDYQFuBgAAaOXPiwFiAAFRgA.0O2NE7zf3P27PRLn2ZVxwzRKxCUWppwxVS2xv7Jue48.extra",
        "sfmyntY.g2gDYQFuBgAAaOXPiwFiAAFRgA.0O2NE7zf3P27PRLn2ZVxwzRKxCUWppwxVS2xv7Jue48",
        "XCP.", "XCP.AAAA", "XCP.%%%", "QTEyOEdDTQ.a.b.c.d", "QTEyOEdDTQ....", "\u0000\u0000", "日本.語.テ"})
    void garbageIsInvalidForVerifyAndDecrypt(String garbage) {
        assertThat(tokens.verify("s", garbage).error()).contains(TokenResult.Reason.INVALID);
        assertThat(tokens.decrypt("s", garbage).error()).contains(TokenResult.Reason.INVALID);
    }

    @Test
    void everyTruncationAndMutationOfARealTokenIsRefusedNeverThrown() {
        String token = tokens.sign("s", java.util.Map.of("user_id", 1, "roles", java.util.List.of("admin")));
        String encrypted = tokens.encrypt("s", "secret");
        Random random = new Random(7);
        for (String original : new String[] {token, encrypted}) {
            for (int cut = 0; cut < original.length() - 1; cut++) {
                String truncated = original.substring(0, cut);
                assertThat(tokens.verify("s", truncated).isOk()).isFalse();
                assertThat(tokens.decrypt("s", truncated).isOk()).isFalse();
            }
            for (int i = 0; i < 2000; i++) {
                char[] chars = original.toCharArray();
                int at = random.nextInt(chars.length);
                chars[at] = (char) random.nextInt(0x80);
                String mutated = new String(chars);
                if (mutated.equals(original)) {
                    continue;
                }
                assertThatCode(() -> {
                    tokens.verify("s", mutated);
                    tokens.decrypt("s", mutated);
                }).doesNotThrowAnyException();
            }
        }
    }

    static Object[][] maliciousPayloads() {
        return new Object[][] {
            {"list claiming 4 billion elements", bytes(131, 108, 0xFF, 0xFF, 0xFF, 0xFF, 97, 1)},
            {"binary claiming 4 GiB", bytes(131, 109, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3)},
            {"bignum claiming 4 GiB of digits", bytes(131, 111, 0xFF, 0xFF, 0xFF, 0xFF, 0, 1)},
            {"map claiming 4 billion pairs", bytes(131, 116, 0x7F, 0xFF, 0xFF, 0xFF, 97, 1, 97, 2)},
            {"tuple claiming 4 billion elements", bytes(131, 105, 0xFF, 0xFF, 0xFF, 0xFF)},
            {"string claiming 65535 bytes", bytes(131, 107, 0xFF, 0xFF, 1, 2)},
            {"atom longer than 255 characters", concat(bytes(131, 100, 0x01, 0x00), new byte[256])},
            {"utf-8 atom that is not utf-8", bytes(131, 119, 2, 0xC3, 0x28)},
            {"compressed term declaring 4 GiB", concat(bytes(131, 80, 0xFF, 0xFF, 0xFF, 0xFF), deflate(new byte[100]))},
            {"compressed term shorter than declared", concat(bytes(131, 80, 0, 0, 0, 100), deflate(bytes(104, 0)))},
            {"compressed garbage", bytes(131, 80, 0, 0, 0, 10, 1, 2, 3, 4, 5)},
            {"anonymous function", bytes(131, 112, 0, 0, 0, 10, 0, 1, 2, 3, 4, 5)},
            {"external function", bytes(131, 113, 100, 0, 1, 'm', 100, 0, 1, 'f', 97, 1)},
            {"pid", bytes(131, 88, 100, 0, 1, 'n', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0)},
            {"duplicate map keys", bytes(131, 116, 0, 0, 0, 2, 97, 1, 97, 1, 97, 1, 97, 2)},
            {"trailing bytes", bytes(131, 97, 1, 0)},
            {"wrong version byte", bytes(130, 97, 1)},
            {"unknown tag", bytes(131, 1)},
            {"nothing after the version", bytes(131)},
            {"deep nesting", deepList(100_000)},
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maliciousPayloads")
    void authenticButMaliciousPayloadIsInvalidQuickly(String description, byte[] payload) {
        String signed = MessageVerifier.sign(payload, key);
        String encrypted = MessageEncryptor.encrypt(payload, key);

        long started = System.nanoTime();
        assertThat(tokens.verify("s", signed).error()).contains(TokenResult.Reason.INVALID);
        assertThat(tokens.decrypt("s", encrypted).error()).contains(TokenResult.Reason.INVALID);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
    }

    @Test
    void authenticPayloadOfTheWrongShapeIsInvalid() {
        byte[] fourTuple = bytes(131, 104, 4, 97, 1, 97, 2, 97, 3, 97, 4);
        byte[] textSignedAt = concat(bytes(131, 104, 3, 97, 1, 109, 0, 0, 0, 1, 'x'), bytes(98, 0, 1, 0x51, 0x80));
        byte[] atomMaxAge = bytes(131, 104, 3, 97, 1, 97, 1, 100, 0, 3, 'n', 'i', 'l');

        for (byte[] payload : new byte[][] {fourTuple, textSignedAt, atomMaxAge}) {
            assertThat(tokens.verify("s", MessageVerifier.sign(payload, key)).error())
                    .contains(TokenResult.Reason.INVALID);
        }
    }

    @Test
    void compressedPayloadsWithinBoundsAreAccepted() {
        byte[] plain = TermEncoder.encodePayload("x".repeat(10_000), System.currentTimeMillis(), MaxAge.DEFAULT,
                AtomEncoding.UTF8);
        byte[] body = java.util.Arrays.copyOfRange(plain, 1, plain.length);
        byte[] compressed = concat(bytes(131, 80), ByteBuffer.allocate(4).putInt(body.length).array(), deflate(body));

        assertThat(tokens.verify("s", MessageVerifier.sign(compressed, key))).isEqualTo(new TokenResult.Ok("x".repeat(10_000)));
    }

    private static byte[] deepList(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(131);
        for (int i = 0; i < depth; i++) {
            out.writeBytes(bytes(108, 0, 0, 0, 1));
        }
        out.write(106);
        for (int i = 0; i < depth; i++) {
            out.write(106);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater();
        deflater.setInput(input);
        deflater.finish();
        byte[] buffer = new byte[input.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, n);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
