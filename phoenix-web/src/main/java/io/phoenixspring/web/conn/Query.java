package io.phoenixspring.web.conn;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Plug.Conn.Query's {@code encode}: params as a query string, nested maps as {@code key[sub]=v},
 * lists as {@code key[]=v}, in the map's order, escaped as {@code URI.encode_www_form} does; what
 * Phoenix writes for {@code ~p"/posts?#{params}"}, and what the query parser reads back.
 *
 * <pre>{@code
 * Query.encode(Map.of("filter", Map.of("name", "Ann Lee")));  // "filter[name]=Ann+Lee"
 * Query.encode(Map.of("ids", List.of(1, 2)));                  // "ids[]=1&ids[]=2"
 * }</pre>
 */
public final class Query {

    private Query() {
    }

    /**
     * A null value is {@code key=}; an empty map or list is left out, as Plug leaves it; any other
     * value is its {@code toString()}.
     *
     * @return the query string, without the {@code ?}; "" for no params
     */
    public static String encode(Map<?, ?> params) {
        StringBuilder out = new StringBuilder();
        encodeMap(out, "", params);
        return out.toString();
    }

    private static void encodeMap(StringBuilder out, String parent, Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object value = e.getValue();
            if (value instanceof Map<?, ?> m && m.isEmpty() || value instanceof Iterable<?> i && !i.iterator().hasNext()) {
                continue;
            }
            String key = encodeWwwForm(String.valueOf(e.getKey()));
            encodePair(out, parent.isEmpty() ? key : parent + "[" + key + "]", value);
        }
    }

    private static void encodePair(StringBuilder out, String field, Object value) {
        if (value instanceof Map<?, ?> map) {
            encodeMap(out, field, map);
        } else if (value instanceof Iterable<?> list) {
            for (Object item : list) {
                encodePair(out, field + "[]", item);
            }
        } else {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(field).append('=');
            if (value != null) {
                out.append(encodeWwwForm(value.toString()));
            }
        }
    }

    /** @return the text as {@code URI.encode_www_form}: unreserved characters kept, space as +, the rest %XX (UTF-8) */
    public static String encodeWwwForm(String text) {
        return escape(text, true);
    }

    /**
     * @return the text as a path segment, {@code URI.encode(text, &URI.char_unreserved?/1)} (what Phoenix's {@code ~p}
     *     does to an interpolated segment): unreserved characters kept, the rest %XX (UTF-8), a space too
     */
    public static String encodeSegment(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean spaceAsPlus) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unreserved(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (c == ' ' && spaceAsPlus) {
                out.append('+');
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out == null ? text : out.toString();
    }

    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~';
    }
}
