package io.phoenixspring.token;

/**
 * Erlang's external term format, as {@code :erlang.term_to_binary/1} and
 * {@code :erlang.binary_to_term/1} (with Plug.Crypto's refusal of executable terms) use it, with
 * the Java mapping described in the README. Useful for anything that shares bytes with Elixir
 * beyond tokens, such as Plug's signed session cookies.
 *
 * <pre>{@code
 * byte[] bytes = Terms.encode(Map.of("user_id", 42));
 * Object back = Terms.decode(bytes); // {user_id=42}
 * }</pre>
 */
public final class Terms {

    private Terms() {
    }

    /** {@code term_to_binary} with UTF-8 atoms, as OTP 26 and later write them. */
    public static byte[] encode(Object term) {
        return TermEncoder.encode(term, AtomEncoding.UTF8);
    }

    public static byte[] encode(Object term, AtomEncoding atoms) {
        return TermEncoder.encode(term, atoms);
    }

    /**
     * {@code binary_to_term}, refusing functions, pids, ports and references, with the bounds
     * described in the README (nesting, inflated size, length prefixes checked).
     *
     * @throws IllegalArgumentException when the bytes are not exactly one acceptable term
     */
    public static Object decode(byte[] bytes) {
        try {
            return TermDecoder.decode(bytes);
        } catch (InvalidTermException e) {
            throw new IllegalArgumentException("not an acceptable Erlang term: " + e.getMessage());
        }
    }
}
