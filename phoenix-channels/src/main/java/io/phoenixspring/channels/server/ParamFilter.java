package io.phoenixspring.channels.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Phoenix's filter_parameters for logs: values of secret-looking keys become [FILTERED], at any
 * depth (Phoenix's filter_values walks nested maps and lists too).
 */
final class ParamFilter {

    private ParamFilter() {
    }

    static Map<String, Object> filter(Map<String, ?> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((key, value) -> out.put(key, secret(key) ? "[FILTERED]" : value(value)));
        return out;
    }

    /** A payload for a log line: maps, lists and JSON objects/arrays filtered all the way down. */
    static Object value(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isObject()) {
                Map<String, Object> map = new LinkedHashMap<>();
                node.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
                return filter(map);
            }
            if (node.isArray()) {
                List<Object> list = new ArrayList<>(node.size());
                node.values().forEach(element -> list.add(value(element)));
                return list;
            }
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> named = new LinkedHashMap<>();
            map.forEach((key, v) -> named.put(String.valueOf(key), v));
            return filter(named);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(element -> out.add(value(element)));
            return out;
        }
        return value;
    }

    private static boolean secret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("token") || lower.contains("secret");
    }
}
