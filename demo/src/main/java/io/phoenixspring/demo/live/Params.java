package io.phoenixspring.demo.live;

import java.util.regex.Pattern;

/** The pages' parsing of client-given numbers: whole integers only, anything else is the default. */
final class Params {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");

    private Params() {
    }

    /** {@code "5"} → 5, {@code "-3"} → -3; {@code "4x"}, {@code "abc"}, {@code "1.5"}, a number past 18 digits, or no value → {@code otherwise}. */
    static long wholeInteger(Object value, long otherwise) {
        return value instanceof String text && WHOLE.matcher(text).matches() ? Long.parseLong(text) : otherwise;
    }
}
