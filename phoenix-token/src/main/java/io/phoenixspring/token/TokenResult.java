package io.phoenixspring.token;

import java.util.Optional;

/**
 * The outcome of verify or decrypt, Phoenix's {@code {:ok, data}} or {@code {:error, reason}}.
 * Never an exception: a bad token is an expected input.
 *
 * <pre>{@code
 * TokenResult result = tokens.verify("user auth", token, TokenOptions.maxAge(86400));
 * if (result instanceof TokenResult.Ok ok) { long userId = (Long) ok.data(); }
 * else if (result.error().orElseThrow() == TokenResult.Reason.EXPIRED) { ... }
 * }</pre>
 */
public sealed interface TokenResult permits TokenResult.Ok, TokenResult.Failed {

    /** Why a token was refused, named as Phoenix names it. */
    enum Reason {
        /** Authentic, but older than its max_age. */
        EXPIRED,
        /** Malformed, forged, for another key or salt, or a payload we refuse to decode. */
        INVALID,
        /** No token at all (null). */
        MISSING;

        /** The atom Phoenix uses: {@code expired}, {@code invalid}, {@code missing}. */
        public String atom() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param data the decoded term; see the README's term mapping */
    record Ok(Object data) implements TokenResult {
    }

    record Failed(Reason reason) implements TokenResult {
        static final Failed EXPIRED = new Failed(Reason.EXPIRED);
        static final Failed INVALID = new Failed(Reason.INVALID);
        static final Failed MISSING = new Failed(Reason.MISSING);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default Optional<Reason> error() {
        return this instanceof Failed failed ? Optional.of(failed.reason()) : Optional.empty();
    }

    /** The data, or empty when the token was refused. */
    default Optional<Object> value() {
        return this instanceof Ok ok ? Optional.ofNullable(ok.data()) : Optional.empty();
    }

    /**
     * The data converted with Jackson into {@code type} (atoms become their names, so atom and
     * binary map keys read alike).
     *
     * @throws IllegalStateException naming the reason when the token was refused
     */
    default <T> T dataAs(Class<T> type) {
        if (this instanceof Ok ok) {
            return TermConversion.MAPPER.convertValue(ok.data(), type);
        }
        throw new IllegalStateException("token refused: " + ((Failed) this).reason().atom());
    }
}
