package io.phoenixspring.token;

import static io.phoenixspring.token.Vectors.comparable;
import static io.phoenixspring.token.Vectors.describe;
import static io.phoenixspring.token.Vectors.hex;
import static io.phoenixspring.token.Vectors.options;
import static io.phoenixspring.token.Vectors.term;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every vector that Elixir's plug_crypto produced must come out of our code identically: derived
 * keys, payload bytes, token strings, decryptions, and each verification outcome.
 */
class PhoenixTokenVectorsTest {

    private static PhoenixToken tokens(JsonNode vector, long nowMs) {
        return PhoenixToken.of(vector.path("secret_key_base").asString())
                .withClock(Clock.fixed(Instant.ofEpochMilli(nowMs), ZoneOffset.UTC));
    }

    @TestFactory
    Stream<DynamicTest> keyDerivationMatchesPlugCryptoKeyGenerator() {
        return Vectors.section("key_derivation").map(v -> dynamicTest(describe(v), () -> {
            byte[] key = KeyGenerator.generate(v.path("secret").asString(), v.path("salt").asString(),
                    v.path("iterations").asInt(), v.path("length").asInt(), KeyDigest.parse(v.path("digest").asString()));
            assertThat(HexFormat.of().formatHex(key)).isEqualTo(v.path("key_hex").asString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> signProducesElixirsExactTokens() {
        return Stream.concat(Vectors.section("sign"), Vectors.section("sign_key_options"))
                .map(v -> dynamicTest(describe(v), () -> {
                    Object data = term(v.path("data"));
                    TokenOptions options = options(v.path("opts"));
                    PhoenixToken otp25 = tokens(v, Vectors.NOW_MS).withAtomEncoding(AtomEncoding.LATIN1);
                    String salt = v.path("salt").asString();

                    assertThat(HexFormat.of().formatHex(otp25.key(salt, options)))
                            .isEqualTo(v.path("key").path("derived_key_hex").asString());
                    long signedAt = options.signedAtMillis() == null ? Vectors.NOW_MS : options.signedAtMillis();
                    MaxAge maxAge = options.maxAge() == null ? MaxAge.DEFAULT : options.maxAge();
                    assertThat(HexFormat.of().formatHex(TermEncoder.encodePayload(data, signedAt, maxAge, AtomEncoding.LATIN1)))
                            .isEqualTo(v.path("payload_hex").asString());
                    assertThat(otp25.sign(salt, data, options)).isEqualTo(v.path("token").asString());

                    // The default is today's Erlang: UTF-8 atoms (the vectors' minor_version_2 form).
                    JsonNode current = v.has("minor_version_2") ? v.path("minor_version_2") : v;
                    PhoenixToken otp26 = tokens(v, Vectors.NOW_MS);
                    assertThat(HexFormat.of().formatHex(TermEncoder.encodePayload(data, signedAt, maxAge, AtomEncoding.UTF8)))
                            .isEqualTo(current.path("payload_hex").asString());
                    assertThat(otp26.sign(salt, data, options)).isEqualTo(current.path("token").asString());

                    // Both forms verify to the same data.
                    for (String token : new String[] {v.path("token").asString(), current.path("token").asString()}) {
                        TokenResult result = otp26.verify(salt, token, options.withMaxAge(MaxAge.INFINITY));
                        assertThat(result).isInstanceOf(TokenResult.Ok.class);
                        assertThat(comparable(((TokenResult.Ok) result).data())).isEqualTo(comparable(data));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> verifyReturnsWhatElixirReturned() {
        return Vectors.section("verify").map(v -> dynamicTest(describe(v), () -> {
            PhoenixToken tokens = tokens(v, v.path("now_ms").asLong());
            String token = v.path("token").isNull() ? null : v.path("token").asString();
            TokenResult result = tokens.verify(v.path("salt").asString(), token, options(v.path("opts")));
            assertOutcome(result, v.path("expected"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> encryptAndDecryptMatchPlugCrypto() {
        return Vectors.section("encrypt").map(v -> dynamicTest(describe(v), () -> {
            String salt = v.path("salt").asString();
            if (v.path("kind").asString().equals("decrypt")) {
                PhoenixToken tokens = tokens(v, v.path("now_ms").asLong());
                String token = v.path("token").isNull() ? null : v.path("token").asString();
                assertOutcome(tokens.decrypt(salt, token, options(v.path("opts"))), v.path("expected"));
                return;
            }
            TokenOptions options = options(v.path("opts"));
            PhoenixToken tokens = tokens(v, Vectors.NOW_MS);
            byte[] key = tokens.key(salt, options);
            assertThat(HexFormat.of().formatHex(key)).isEqualTo(v.path("key").path("derived_key_hex").asString());

            JsonNode parts = v.path("parts");
            byte[] nonce = hex(parts.path("iv_hex").asString());
            assertThat(HexFormat.of().formatHex(HChaCha20.subkey(key, nonce)))
                    .isEqualTo(parts.path("hchacha20_subkey_hex").asString());
            byte[] payload = hex(v.path("payload_hex").asString());
            long signedAt = options.signedAtMillis() == null ? Vectors.NOW_MS : options.signedAtMillis();
            MaxAge maxAge = options.maxAge() == null ? MaxAge.DEFAULT : options.maxAge();
            assertThat(TermEncoder.encodePayload(term(v.path("data")), signedAt, maxAge, AtomEncoding.LATIN1))
                    .isEqualTo(payload);
            assertThat(MessageEncryptor.encrypt(payload, key, nonce)).isEqualTo(v.path("token").asString());

            JsonNode decrypt = v.path("decrypt");
            PhoenixToken atDecrypt = tokens(v, decrypt.path("now_ms").asLong());
            assertOutcome(atDecrypt.decrypt(salt, v.path("token").asString(), options(decrypt.path("opts"))),
                    decrypt.path("expected"));

            // Our own random-nonce encryption opens the same way.
            String ours = tokens.encrypt(salt, term(v.path("data")), options);
            assertThat(ours).startsWith("XCP.").isNotEqualTo(tokens.encrypt(salt, term(v.path("data")), options));
            assertOutcome(atDecrypt.decrypt(salt, ours, options(decrypt.path("opts"))), decrypt.path("expected"));
        }));
    }

    @Test
    void bundledVectorsAreTheSharedOnes() throws Exception {
        // Tests read a copy so that a clone builds alone; when the shared originals sit beside the
        // clone, the copy must not have drifted from them.
        Path shared = Path.of("..", "..", "shared", "vectors", "phoenix-token-vectors.json");
        if (Files.exists(shared)) {
            try (var bundled = getClass().getResourceAsStream(Vectors.RESOURCE)) {
                assertThat(bundled.readAllBytes()).isEqualTo(Files.readAllBytes(shared));
            }
        }
        assertThat(Vectors.section("sign").count() + Vectors.section("sign_key_options").count()
                + Vectors.section("encrypt").count() + Vectors.section("verify").count()
                + Vectors.section("key_derivation").count()).isEqualTo(185);
    }

    private static void assertOutcome(TokenResult result, JsonNode expected) {
        switch (expected.path("result").asString()) {
            case "ok":
                assertThat(result).isInstanceOf(TokenResult.Ok.class);
                assertThat(comparable(((TokenResult.Ok) result).data())).isEqualTo(comparable(term(expected.path("data"))));
                break;
            case "error":
                assertThat(result.error()).hasValueSatisfying(reason ->
                        assertThat(reason.atom()).isEqualTo(expected.path("reason").asString()));
                break;
            case "raise":
                // Elixir raises on these; failing closed means refusing the token as invalid.
                assertThat(result.error()).contains(TokenResult.Reason.INVALID);
                break;
            default:
                throw new IllegalStateException("unknown expectation " + expected);
        }
    }
}
