package io.phoenixspring.live.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * phoenix_html's safe semantics: everything is escaped ({@code & < > " '}) unless it is {@link Safe},
 * and {@link #raw} is the only way to make a {@code Safe} from an arbitrary string. Attribute lists
 * render as Phoenix.HTML's {@code attributes_escape}: {@code nil}/{@code false} omitted, {@code true}
 * bare, {@code class} lists joined without {@code nil}/{@code false}, nested {@code data}/{@code aria}/{@code phx} maps.
 *
 * <pre>{@code
 * Html.escape("Tom & \"Jerry\"");                         // Tom &amp; &quot;Jerry&quot;
 * Html.attributes(Map.of("disabled", true)).html();       //  disabled
 * Html.attributes(Map.of("class", List.of("btn", false))) //  class="btn"
 * }</pre>
 */
public final class Html {

    private Html() {
    }

    /** Trusted markup, output without escaping. Never call it with user input. */
    public static Safe raw(String html) {
        return new Safe(html == null ? "" : html);
    }

    /** The escaped text of {@code value} ({@code Safe} verbatim, {@code null} empty, lists concatenated). */
    public static String escape(Object value) {
        if (value instanceof Safe safe) {
            return safe.html();
        }
        if (value instanceof Collection<?> list) {
            StringBuilder out = new StringBuilder();
            for (Object element : list) {
                out.append(escape(element));
            }
            return out.toString();
        }
        return escapeText(text(value));
    }

    /** Escapes the five characters HTML gives meaning to, in text and in quoted attribute values. */
    public static String escapeText(String text) {
        int i = 0;
        int length = text.length();
        while (i < length && !special(text.charAt(i))) {
            i++;
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length + 16).append(text, 0, i);
        for (; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean special(char c) {
        return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
    }

    /**
     * Elixir's {@code to_string}: {@code null} is empty, numbers and booleans as Elixir prints them
     * ({@code 2.0}, {@code 1.0e10}), other values their {@code toString()}.
     *
     * @throws IllegalArgumentException for maps, which have no text
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof Safe safe) {
            return safe.html();
        }
        if (value instanceof Double || value instanceof Float) {
            return floatText(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Map<?, ?>) {
            throw new IllegalArgumentException("a map has no text: render its fields");
        }
        if (value instanceof Collection<?> list) {
            StringBuilder out = new StringBuilder();
            for (Object element : list) {
                out.append(text(element));
            }
            return out.toString();
        }
        return value.toString();
    }

    private static String floatText(double value) {
        String text = Double.toString(value);
        return text.replace("E", "e");
    }

    /**
     * Renders attributes as Phoenix.HTML's {@code attributes_escape}: each entry ` name="value"`,
     * in iteration order; {@code true} renders the bare name; {@code null} and {@code false} nothing.
     *
     * @param attributes a {@code Map}, or a list of {@code Map.Entry} / two-element lists
     */
    public static Safe attributes(Object attributes) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Object> entry : entries(attributes)) {
            attribute(out, entry.getKey(), entry.getValue());
        }
        return new Safe(out.toString());
    }

    /** One attribute as {@link #attributes} renders it. */
    public static String attribute(String name, Object value) {
        StringBuilder out = new StringBuilder();
        attribute(out, name, value);
        return out.toString();
    }

    private static void attribute(StringBuilder out, String name, Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return;
        }
        if (Boolean.TRUE.equals(value)) {
            out.append(' ').append(escapeText(name));
            return;
        }
        if ((name.equals("data") || name.equals("aria") || name.equals("phx")) && value instanceof Map<?, ?> nested) {
            for (Map.Entry<String, Object> entry : entries(nested)) {
                attribute(out, name + "-" + entry.getKey(), entry.getValue());
            }
            return;
        }
        if (name.equals("id") && value instanceof Number) {
            throw new IllegalArgumentException("attempting to set id attribute to " + value
                    + ", but a DOM id that is a number leads to unpredictable behaviour: prefix it");
        }
        String text = name.equals("class") ? classValue(value) : escape(value);
        out.append(' ').append(escapeText(name)).append("=\"").append(text).append('"');
    }

    /**
     * A {@code class} value: a list is joined with spaces, leaving out {@code null} and {@code false}
     * (nested lists flattened); {@code nil}, {@code false} and {@code true} alone are empty.
     */
    public static String classValue(Object value) {
        if (value instanceof Collection<?> list) {
            List<String> names = new ArrayList<>();
            classNames(list, names);
            return escapeText(String.join(" ", names));
        }
        return emptyValue(value);
    }

    private static void classNames(Collection<?> list, List<String> names) {
        for (Object element : list) {
            if (element == null || Boolean.FALSE.equals(element)) {
                continue;
            }
            if (element instanceof Collection<?> nested) {
                List<String> inner = new ArrayList<>();
                classNames(nested, inner);
                names.add(String.join(" ", inner));
            } else {
                names.add(element instanceof Safe safe ? safe.html() : text(element));
            }
        }
    }

    /** A value of an attribute that is always written ({@code style}): {@code nil}/{@code false}/{@code true} are empty. */
    public static String emptyValue(Object value) {
        if (value == null || value instanceof Boolean) {
            return "";
        }
        return escape(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, Object>> entries(Object attributes) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        if (attributes == null) {
            return entries;
        }
        if (attributes instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                entries.add(Map.entry(text(entry.getKey()), nullable(entry.getValue())));
            }
            return entries;
        }
        if (attributes instanceof Collection<?> list) {
            for (Object element : list) {
                if (element instanceof Map.Entry<?, ?> entry) {
                    entries.add(Map.entry(text(entry.getKey()), nullable(entry.getValue())));
                } else if (element instanceof List<?> pair && pair.size() == 2) {
                    entries.add(Map.entry(text(pair.get(0)), nullable(pair.get(1))));
                } else {
                    throw new IllegalArgumentException("an attribute list holds name/value pairs, got " + element);
                }
            }
            return entries;
        }
        throw new IllegalArgumentException("attributes are a map or a list of pairs, got "
                + attributes.getClass().getSimpleName());
    }

    /** Map.entry refuses null values: a marker keeps the entry (null means "omit"). */
    private static Object nullable(Object value) {
        return value == null ? Boolean.FALSE : value;
    }
}
