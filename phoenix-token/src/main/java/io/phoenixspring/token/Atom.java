package io.phoenixspring.token;

import java.util.Objects;

/**
 * An Erlang atom other than {@code nil}, {@code true} and {@code false} (those map to
 * {@code null} and {@link Boolean}). Elixir's {@code :admin} is {@code Atom.of("admin")}; a module
 * name such as {@code Date} is the atom {@code "Elixir.Date"}.
 *
 * <pre>{@code
 * String token = tokens.sign("user auth", Map.of(Atom.of("role"), Atom.of("admin")));
 * }</pre>
 *
 * @param name the atom's text, at most 255 characters as in Erlang
 */
public record Atom(String name) implements Comparable<Atom> {

    /** Elixir's {@code :infinity}, which a token's max_age may hold. */
    public static final Atom INFINITY = new Atom("infinity");

    public Atom {
        Objects.requireNonNull(name, "name");
        if (name.codePointCount(0, name.length()) > 255) {
            throw new IllegalArgumentException("an atom has at most 255 characters");
        }
    }

    public static Atom of(String name) {
        return new Atom(name);
    }

    @Override
    public int compareTo(Atom other) {
        return TermOrder.compareCodePoints(name, other.name);
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
