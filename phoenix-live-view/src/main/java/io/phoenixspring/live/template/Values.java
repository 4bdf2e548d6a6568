package io.phoenixspring.live.template;

import io.phoenixspring.live.html.Html;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Elixir's semantics for the values templates see: truthiness, equality, ordering, arithmetic. */
final class Values {

    private Values() {
    }

    /** Only {@code nil} and {@code false} are falsy. */
    static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    static boolean isNumber(Object value) {
        return value instanceof Number;
    }

    /** Integral numbers as Long, the others as Double. */
    static Object number(Object value, int pos, String op) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new EvalException(pos, "bad argument in arithmetic expression: " + describe(value) + " " + op);
    }

    static Object arithmetic(String op, Object left, Object right, int pos) {
        Object a = number(left, pos, op);
        Object b = number(right, pos, op);
        if (op.equals("/")) {
            double divisor = ((Number) b).doubleValue();
            if (divisor == 0) {
                throw new EvalException(pos, "bad argument in arithmetic expression: division by zero");
            }
            return ((Number) a).doubleValue() / divisor;
        }
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return switch (op) {
                    case "+" -> Math.addExact(x, y);
                    case "-" -> Math.subtractExact(x, y);
                    default -> Math.multiplyExact(x, y);
                };
            } catch (ArithmeticException e) {
                throw new EvalException(pos, "integer overflow in " + x + " " + op + " " + y);
            }
        }
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            default -> x * y;
        };
    }

    /** {@code ==}: numbers by value ({@code 1 == 1.0}), everything else by {@code equals}. */
    static boolean equal(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return compareNumbers(a, b) == 0;
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(left, right);
    }

    private static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        return Double.compare(a.doubleValue(), b.doubleValue());
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object left, Object right, int pos) {
        if (left instanceof Number a && right instanceof Number b) {
            return compareNumbers(a, b);
        }
        if (left instanceof String a && right instanceof String b) {
            return a.compareTo(b);
        }
        if (left != null && right != null && left.getClass() == right.getClass() && left instanceof Comparable c) {
            return c.compareTo(right);
        }
        throw new EvalException(pos, "cannot compare " + describe(left) + " with " + describe(right));
    }

    /** The elements of something a {@code for} or {@code Enum} function walks over. */
    static Collection<?> enumerable(Object value, int pos) {
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet();
        }
        if (value instanceof Object[] array) {
            return List.of(array);
        }
        throw new EvalException(pos, "expected a list, got " + describe(value));
    }

    static List<Object> range(Object from, Object to, int pos) {
        if (!(number(from, pos, "..") instanceof Long a) || !(number(to, pos, "..") instanceof Long b)) {
            throw new EvalException(pos, "ranges need integers");
        }
        long size = Math.abs(b - a) + 1;
        if (size > 1_000_000) {
            throw new EvalException(pos, "range " + a + ".." + b + " is too large to render");
        }
        List<Object> list = new ArrayList<>((int) size);
        long step = a <= b ? 1 : -1;
        for (long i = a; step > 0 ? i <= b : i >= b; i += step) {
            list.add(i);
        }
        return list;
    }

    static String string(Object value, int pos, String what) {
        if (value instanceof String s) {
            return s;
        }
        throw new EvalException(pos, what + " expects strings, got " + describe(value)
                + " (interpolate with \"#{...}\" to convert)");
    }

    static String text(Object value, int pos) {
        try {
            return Html.text(value);
        } catch (IllegalArgumentException e) {
            throw new EvalException(pos, e.getMessage());
        }
    }

    static String describe(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "a " + value.getClass().getSimpleName();
    }
}
