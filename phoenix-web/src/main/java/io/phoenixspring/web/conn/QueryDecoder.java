package io.phoenixspring.web.conn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code a=1&user[name]=jo&tags[]=x&tags[]=y} into nested maps and lists, as
 * Plug.Conn.Query does for query strings and urlencoded bodies. Malformed escapes are a 400.
 */
final class QueryDecoder {

    private static final int MAX_DEPTH = 32;

    private QueryDecoder() {
    }

    static Map<String, Object> decode(String query) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            if (end > start) {
                String pair = query.substring(start, end);
                int eq = pair.indexOf('=');
                String key = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
                String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1), true);
                if (!key.isEmpty()) {
                    put(out, key, value);
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return out;
    }

    /** Pairs already split (multipart fields and files), nested by their names as the query's are. */
    static Map<String, Object> decodePairs(List<? extends Map.Entry<String, ?>> pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> pair : pairs) {
            if (!pair.getKey().isEmpty()) {
                put(out, pair.getKey(), pair.getValue());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String key, Object value) {
        int bracket = key.indexOf('[');
        if (bracket <= 0 || !key.endsWith("]")) {
            root.put(key, value);
            return;
        }
        List<String> path = new ArrayList<>();
        path.add(key.substring(0, bracket));
        int i = bracket;
        while (i < key.length() && key.charAt(i) == '[') {
            int close = key.indexOf(']', i);
            if (close < 0) {
                root.put(key, value);
                return;
            }
            path.add(key.substring(i + 1, close));
            i = close + 1;
        }
        if (i != key.length() || path.size() > MAX_DEPTH) {
            root.put(key, value);
            return;
        }
        Map<String, Object> current = root;
        for (int p = 0; p < path.size() - 1; p++) {
            String segment = path.get(p);
            String next = path.get(p + 1);
            if (next.isEmpty()) {
                // "tags[]" appends to a list; a list cannot nest further in this encoding.
                Object existing = current.get(segment);
                List<Object> list = existing instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
                list.add(value);
                current.put(segment, list);
                return;
            }
            Object existing = current.get(segment);
            Map<String, Object> child;
            if (existing instanceof Map<?, ?> m) {
                child = (Map<String, Object>) m;
            } else {
                child = new LinkedHashMap<>();
                current.put(segment, child);
            }
            current = child;
        }
        current.put(path.get(path.size() - 1), value);
    }

    /** Path segments keep '+' (URI.decode); query strings and forms read it as a space. */
    static String percentDecode(String s, boolean plusAsSpace) {
        if (s.indexOf('%') < 0 && (!plusAsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' && plusAsSpace) {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new StatusException(400, "invalid percent-encoding, got %" + s.substring(i + 1));
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new StatusException(400, "invalid percent-encoding, got %" + s.substring(i + 1, i + 3));
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    utf8 = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
