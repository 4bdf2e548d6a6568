package io.phoenixspring.live.js;

import io.phoenixspring.live.html.Html;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * JSON as Jason writes JS's operations: objects with their keys in order (Elixir keeps a map of up
 * to 32 keys sorted: integers before atoms and strings), strings escaped as Jason's default
 * ({@code " \ } and control characters, nothing else), floats as Elixir prints them. Values are
 * already checked and copied by {@link Commands}.
 */
final class Json {

    private static final Comparator<Object> KEY_ORDER = Comparator
            .comparing((Object key) -> key instanceof Number ? 0 : 1)
            .thenComparing((a, b) -> a instanceof Number x && b instanceof Number y
                    ? new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()))
                    : a.toString().compareTo(b.toString()));

    private Json() {
    }

    static String encode(List<JS.Op> ops) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < ops.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('[');
            string(out, ops.get(i).kind());
            out.append(',');
            value(out, ops.get(i).args());
            out.append(']');
        }
        return out.append(']').toString();
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            string(out, text.toString());
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d + " (in a JS command)");
            }
            out.append(Html.text(value));
        } else if (value instanceof BigDecimal decimal) {
            string(out, decimal.toPlainString());           // Jason encodes a Decimal as a string
        } else if (value instanceof Enum<?> atom) {
            string(out, atom.name());
        } else if (value instanceof Map<?, ?> map) {
            List<Object> keys = new ArrayList<>(map.keySet());      // strings, numbers and enums: Commands checked
            keys.sort(KEY_ORDER);
            out.append('{');
            boolean first = true;
            for (Object key : keys) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, key instanceof Enum<?> atom ? atom.name() : Html.text(key));
                out.append(':');
                value(out, map.get(key));
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                value(out, element);
            }
            out.append(']');
        } else {
            throw new IllegalStateException("not a JSON value: " + value.getClass().getName());   // Commands refused it
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
