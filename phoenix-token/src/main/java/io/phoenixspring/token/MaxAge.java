package io.phoenixspring.token;

import java.time.Duration;

/**
 * A token's {@code max_age}: whole seconds, fractional seconds, or infinity, stored in the
 * payload exactly as given (so an integer stays an integer and 90.5 stays a float, as in Elixir).
 *
 * <pre>{@code
 * TokenOptions.defaults().withMaxAge(MaxAge.seconds(3600));
 * TokenOptions.defaults().withMaxAge(MaxAge.INFINITY);
 * }</pre>
 */
public final class MaxAge {

    /** Never expires: the atom {@code :infinity}. */
    public static final MaxAge INFINITY = new MaxAge(null);

    /** Phoenix's default, one day. */
    public static final MaxAge DEFAULT = new MaxAge(86400L);

    private final Number seconds;

    private MaxAge(Number seconds) {
        this.seconds = seconds;
    }

    public static MaxAge seconds(long seconds) {
        return new MaxAge(seconds);
    }

    /** Fractional seconds, written as an Erlang float. */
    public static MaxAge seconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException("max_age must be finite; use MaxAge.INFINITY");
        }
        return new MaxAge(seconds);
    }

    /** Whole seconds of the duration (sub-second parts are dropped, as Phoenix takes seconds). */
    public static MaxAge of(Duration duration) {
        return seconds(duration.getSeconds());
    }

    public boolean isInfinite() {
        return seconds == null;
    }

    /** The term stored in the payload: a Long, a Double or the atom infinity. */
    Object toTerm() {
        return seconds == null ? Atom.INFINITY : seconds;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MaxAge that && java.util.Objects.equals(seconds, that.seconds);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(seconds);
    }

    @Override
    public String toString() {
        return seconds == null ? "infinity" : seconds.toString();
    }
}
