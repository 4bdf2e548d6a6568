package io.phoenixspring.web.conn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's parameters, merged as Phoenix merges them: body, then query, then path parameters
 * (a path parameter wins). Values are strings, lists, nested maps, or any JSON value from a JSON body
 * (a JSON body that is not an object is under {@code "_json"}). A missing required key is a 400.
 *
 * <pre>{@code
 * Conn show(Conn conn, Params params) {
 *     return Controller.json(conn, Map.of("id", params.string("id"), "page", params.get("page", "1")));
 * }
 * }</pre>
 */
public final class Params {

    static final Params EMPTY = new Params(Map.of());

    private final Map<String, Object> values;

    Params(Map<String, Object> values) {
        this.values = values;
    }

    /** @return params over a copy of the map, for tests and for building conns by hand */
    public static Params of(Map<String, ?> values) {
        return new Params(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** @return the params of a query string or urlencoded body; a malformed escape is a 400 */
    public static Params parseQuery(String query) {
        return new Params(Collections.unmodifiableMap(QueryDecoder.decode(query)));
    }

    /**
     * @return the params of name/value pairs already split, nested by name as a query's are
     *     ({@code user[photo]} → {@code {"user": {"photo": …}}}): the fields and {@link Upload}s of a multipart body
     */
    public static Params ofPairs(java.util.List<? extends Map.Entry<String, ?>> pairs) {
        return new Params(Collections.unmodifiableMap(QueryDecoder.decodePairs(pairs)));
    }

    /** @return whether the key is present (even with a JSON null value) */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** @return the value, or null when absent */
    public Object get(String key) {
        return values.get(key);
    }

    /** @return the value as a string, or the fallback when absent or null */
    public String get(String key, String fallback) {
        Object value = values.get(key);
        return value == null ? fallback : scalar(key, value);
    }

    /**
     * The value of a key that must be present: a missing key is answered 400 Bad Request, as
     * Phoenix answers a failed pattern match on params. A JSON null counts as present.
     *
     * @return the value, of any JSON type
     */
    public Object required(String key) {
        if (!values.containsKey(key)) {
            throw StatusException.missingParam(key);
        }
        return values.get(key);
    }

    /** @return the required value as a string: numbers and booleans are stringified; a map or list is a 400 */
    public String string(String key) {
        Object value = required(key);
        if (value == null) {
            throw new StatusException(400, "expected \"" + key + "\" to be a string, got null");
        }
        return scalar(key, value);
    }

    /** @return the required nested map, e.g. {@code user} for {@code user[name]=jo} */
    @SuppressWarnings("unchecked")
    public Params map(String key) {
        Object value = required(key);
        if (value instanceof Map<?, ?> map) {
            return new Params((Map<String, Object>) map);
        }
        throw new StatusException(400, "expected \"" + key + "\" to be a map");
    }

    /** @return the params as an unmodifiable map */
    public Map<String, Object> asMap() {
        return values;
    }

    /** @return the params with the values of sensitive keys replaced by [FILTERED], for logs */
    public Map<String, Object> filtered(List<String> sensitive) {
        return filter(values, sensitive);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> filter(Map<String, Object> map, List<String> sensitive) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (sensitive.stream().anyMatch(s -> k.toLowerCase(java.util.Locale.ROOT).contains(s))) {
                out.put(k, "[FILTERED]");
            } else if (v instanceof Map<?, ?> nested) {
                out.put(k, filter((Map<String, Object>) nested, sensitive));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String scalar(String key, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new StatusException(400, "expected \"" + key + "\" to be a string");
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
