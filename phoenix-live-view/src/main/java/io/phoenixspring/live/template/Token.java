package io.phoenixspring.live.template;

import java.util.List;

/** A token of the expression language; {@code start} is its offset in the template's source. */
record Token(Kind kind, String text, Object value, int start, int end) {

    enum Kind {
        /** {@code count}, {@code empty?}: a variable or a function's name. */
        IDENT,
        /** {@code Enum}: the qualifier of a built-in function. */
        ALIAS,
        /** {@code @count}: value is the assign's name. */
        ASSIGN,
        /** {@code do:}, {@code class:}: a keyword key, value is the key. */
        KEY,
        /** Integers (Long), floats (Double), atoms (String), value is the literal. */
        LITERAL,
        /** A string; value is a {@code List} of String parts and {@link Interpolation}s. */
        STRING,
        /** {@code ~p"/users/#{id}"}: a verified route; value is a {@code List} of String parts and {@link Interpolation}s. */
        SIGIL,
        /** Operators and punctuation; text is the symbol. */
        SYMBOL,
        EOF
    }

    /** {@code #{...}} inside a string: the expression's source range. */
    record Interpolation(int start, int end) {
    }

    boolean is(String symbol) {
        return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbol);
    }

    static List<Object> parts(Token token) {
        @SuppressWarnings("unchecked")
        List<Object> parts = (List<Object>) token.value;
        return parts;
    }
}
