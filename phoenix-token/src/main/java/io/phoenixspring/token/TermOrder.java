package io.phoenixspring.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Erlang's term order over the Java values {@link TermEncoder} writes, in the flavour the VM uses
 * to lay out small maps (up to 32 keys): number &lt; atom &lt; tuple &lt; map &lt; list &lt;
 * binary, with every integer before every float. Reproducing it is what makes a signed map the
 * same bytes, and so the same token, as Elixir's.
 */
final class TermOrder implements Comparator<Object> {

    static final TermOrder INSTANCE = new TermOrder();

    private static final int INTEGER = 0;
    private static final int FLOAT = 1;
    private static final int ATOM = 2;
    private static final int TUPLE = 7;
    private static final int MAP = 8;
    private static final int LIST = 9;
    private static final int BINARY = 10;

    @Override
    public int compare(Object a, Object b) {
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        switch (rankA) {
            case INTEGER:
                if (a instanceof BigInteger || b instanceof BigInteger) {
                    return toBig((Number) a).compareTo(toBig((Number) b));
                }
                return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            case FLOAT:
                return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
            case ATOM:
                return compareCodePoints(atomName(a), atomName(b));
            case TUPLE: {
                List<Object> x = ((Tuple) a).elements();
                List<Object> y = ((Tuple) b).elements();
                if (x.size() != y.size()) {
                    return Integer.compare(x.size(), y.size());
                }
                return compareElements(x, y);
            }
            case MAP:
                return compareMaps((Map<?, ?>) a, (Map<?, ?>) b);
            case LIST:
                return compareLists(a, b);
            default:
                return compareBinaries(binary(a), binary(b));
        }
    }

    static int rank(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Atom) {
            return ATOM;
        }
        if (value instanceof Double || value instanceof Float) {
            return FLOAT;
        }
        if (value instanceof Number) {
            return INTEGER;
        }
        if (value instanceof Tuple) {
            return TUPLE;
        }
        if (value instanceof Map<?, ?>) {
            return MAP;
        }
        if (value instanceof Collection<?> || value instanceof ImproperList) {
            return LIST;
        }
        return BINARY;
    }

    static String atomName(Object atom) {
        if (atom == null) {
            return "nil";
        }
        if (atom instanceof Boolean bool) {
            return bool ? "true" : "false";
        }
        return ((Atom) atom).name();
    }

    /** UTF-16 order differs from code point order above U+D7FF; Erlang compares code points. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static BigInteger toBig(Number number) {
        return number instanceof BigInteger big ? big : BigInteger.valueOf(number.longValue());
    }

    private int compareElements(List<?> x, List<?> y) {
        int shared = Math.min(x.size(), y.size());
        for (int i = 0; i < shared; i++) {
            int c = compare(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private int compareMaps(Map<?, ?> a, Map<?, ?> b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        List<Object> keysA = new ArrayList<>(a.keySet());
        List<Object> keysB = new ArrayList<>(b.keySet());
        keysA.sort(this);
        keysB.sort(this);
        int c = compareElements(keysA, keysB);
        if (c != 0) {
            return c;
        }
        for (int i = 0; i < keysA.size(); i++) {
            c = compare(a.get(keysA.get(i)), b.get(keysB.get(i)));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private int compareLists(Object a, Object b) {
        List<Object> itemsA = items(a);
        List<Object> itemsB = items(b);
        int shared = Math.min(itemsA.size(), itemsB.size());
        for (int i = 0; i < shared; i++) {
            int c = compare(itemsA.get(i), itemsB.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (itemsA.size() != itemsB.size()) {
            return Integer.compare(itemsA.size(), itemsB.size());
        }
        Object tailA = a instanceof ImproperList list ? list.tail() : List.of();
        Object tailB = b instanceof ImproperList list ? list.tail() : List.of();
        if (tailA instanceof List<?> && tailB instanceof List<?>) {
            return 0;
        }
        return compare(tailA, tailB);
    }

    private static List<Object> items(Object list) {
        return list instanceof ImproperList improper ? improper.items() : new ArrayList<>((Collection<?>) list);
    }

    private static byte[] binary(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int compareBinaries(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }
}
