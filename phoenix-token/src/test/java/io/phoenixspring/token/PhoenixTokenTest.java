package io.phoenixspring.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Phoenix.Token's documented behaviour, in Java. */
class PhoenixTokenTest {

    private static final String SECRET_KEY_BASE = "kjoy3o1zeidquwy1398juxzldjlksahdk3kjoy3o1zeidquwy1398juxzldjlks";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));
    private final PhoenixToken tokens = PhoenixToken.of(SECRET_KEY_BASE).withClock(clock);

    @Test
    void userIdSignedIntoATokenVerifiesWithinMaxAge() {
        // As in the Phoenix.Token docs: sign the user id, verify it back with max_age one day.
        String token = tokens.sign("user auth", 42);

        TokenResult result = tokens.verify("user auth", token, TokenOptions.maxAge(86400));

        assertThat(result).isEqualTo(new TokenResult.Ok(42L));
        assertThat(result.isOk()).isTrue();
        assertThat(result.dataAs(Long.class)).isEqualTo(42L);
    }

    @Test
    void tokenOlderThanMaxAgeIsExpired() {
        String token = tokens.sign("user auth", 42);

        clock.advance(Duration.ofSeconds(86400));
        assertThat(tokens.verify("user auth", token, TokenOptions.maxAge(86400)).isOk()).isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.verify("user auth", token, TokenOptions.maxAge(86400)).error())
                .contains(TokenResult.Reason.EXPIRED);
    }

    @Test
    void storedMaxAgeAppliesWhenVerifyGivesNone() {
        String token = tokens.sign("user auth", "x", TokenOptions.defaults().withMaxAge(Duration.ofMinutes(1)));

        clock.advance(Duration.ofSeconds(61));

        assertThat(tokens.verify("user auth", token).error()).contains(TokenResult.Reason.EXPIRED);
        assertThat(tokens.verify("user auth", token, TokenOptions.maxAge(3600)).isOk()).isTrue();
    }

    @Test
    void infiniteMaxAgeNeverExpires() {
        String token = tokens.sign("user auth", "forever", TokenOptions.defaults().withMaxAge(MaxAge.INFINITY));

        clock.advance(Duration.ofDays(365 * 30));

        assertThat(tokens.verify("user auth", token)).isEqualTo(new TokenResult.Ok("forever"));
    }

    @Test
    void wrongSaltOrSecretIsInvalidAndNullIsMissing() {
        String token = tokens.sign("user auth", 1);

        assertThat(tokens.verify("other salt", token).error()).contains(TokenResult.Reason.INVALID);
        assertThat(PhoenixToken.of(SECRET_KEY_BASE + "x").verify("user auth", token).error())
                .contains(TokenResult.Reason.INVALID);
        assertThat(tokens.verify("user auth", null).error()).contains(TokenResult.Reason.MISSING);
        assertThat(tokens.decrypt("user auth", null).error()).contains(TokenResult.Reason.MISSING);
    }

    @Test
    void encryptedTokensHideTheirDataAndDecryptBack() {
        Map<String, Object> claims = Map.of("user_id", 7, "email", "ada@example.com");

        String token = tokens.encrypt("user data", claims);

        assertThat(token).startsWith("XCP.").doesNotContain("ada");
        assertThat(tokens.decrypt("user data", token).value())
                .hasValue(Map.of("user_id", 7L, "email", "ada@example.com"));
        assertThat(tokens.verify("user data", token).error()).contains(TokenResult.Reason.INVALID);
    }

    @Test
    void encryptionNeedsA32ByteKey() {
        assertThatThrownBy(() -> tokens.encrypt("s", 1, TokenOptions.defaults().withKeyLength(16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32-byte key");
        String token = tokens.encrypt("s", 1);
        assertThat(tokens.decrypt("s", token, TokenOptions.defaults().withKeyLength(16)).error())
                .contains(TokenResult.Reason.INVALID);
    }

    @Test
    void recordsAreSignedAsMapsOfBinaryKeysAndReadBackAsRecords() {
        record Claims(long userId, String name, List<String> roles) {
        }

        String token = tokens.sign("user auth", new Claims(1, "Ada", List.of("admin")));
        TokenResult result = tokens.verify("user auth", token);

        assertThat(result.value()).hasValue(Map.of("userId", 1L, "name", "Ada", "roles", List.of("admin")));
        assertThat(result.dataAs(Claims.class)).isEqualTo(new Claims(1, "Ada", List.of("admin")));
    }

    @Test
    void atomAndBinaryKeysReadAlikeThroughDataAs() {
        record User(long id, String role) {
        }
        String token = tokens.sign("s", Map.of(Atom.of("id"), 5, "role", Atom.of("admin")));

        assertThat(tokens.verify("s", token).dataAs(User.class)).isEqualTo(new User(5, "admin"));
    }

    @Test
    void dataAsOnARefusedTokenNamesTheReason() {
        assertThatThrownBy(() -> tokens.verify("s", "garbage").dataAs(String.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid");
    }

    @Test
    void shortSecretKeyBaseIsRefusedWithAHint() {
        assertThatThrownBy(() -> PhoenixToken.of("too short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 20 bytes")
                .hasMessageContaining("SecretKeyBase.generate()");
    }

    @Test
    void derivedKeysAreCachedPerSaltAndOptions() {
        byte[] first = tokens.key("user auth", TokenOptions.defaults());

        assertThat(tokens.key("user auth", TokenOptions.defaults())).isSameAs(first);
        assertThat(tokens.withClock(Clock.systemUTC()).key("user auth", TokenOptions.defaults())).isSameAs(first);
        assertThat(tokens.key("user auth", TokenOptions.defaults().withKeyIterations(2))).isNotEqualTo(first);
    }

    @Test
    void signedAtOptionBackdatesTheToken() {
        String token = tokens.sign("s", 1, TokenOptions.defaults()
                .withSignedAt(clock.instant().minus(Duration.ofHours(2))));

        assertThat(tokens.verify("s", token, TokenOptions.maxAge(3600)).error()).contains(TokenResult.Reason.EXPIRED);
        assertThat(tokens.verify("s", token, TokenOptions.maxAge(7200)).isOk()).isTrue();
    }

    @Test
    void secretKeyBaseGeneratorMakes64RandomCharacters() {
        String secret = SecretKeyBase.generate();

        assertThat(secret).hasSize(64).matches("[A-Za-z0-9+/]{64}").isNotEqualTo(SecretKeyBase.generate());
        assertThat(SecretKeyBase.generate(32)).hasSize(32);
        assertThatThrownBy(() -> SecretKeyBase.generate(31)).hasMessageContaining("at least 32");
        assertThat(PhoenixToken.of(secret).verify("s", PhoenixToken.of(secret).sign("s", "ok")).isOk()).isTrue();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
