package io.phoenixspring.live.channel;

import io.phoenixspring.web.conn.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form event's value: the URL-encoded form decoded as Plug decodes a query ({@code user[name]=A} →
 * {@code {"user": {"name": "A"}}}), the event's {@code meta} merged in, and {@code _target} turned
 * into the path of the input that changed ({@code ["user", "name"]}), as Phoenix.LiveView.Channel does.
 */
final class FormParams {

    private static final String TARGET = "_target";

    private FormParams() {
    }

    /** @throws RuntimeException on a malformed escape */
    static Map<String, Object> decode(String encoded, Map<String, Object> meta) {
        Map<String, Object> params = new LinkedHashMap<>(Params.parseQuery(encoded == null ? "" : encoded).asMap());
        params.putAll(meta);
        if (params.get(TARGET) instanceof String target) {
            params.put(TARGET, path(Params.parseQuery(target + "=").asMap()));
        }
        return params;
    }

    /** The keys from the root to the one leaf of a decoded single-input query. */
    private static List<String> path(Map<String, Object> decoded) {
        List<String> keys = new ArrayList<>();
        Object node = decoded;
        while (node instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            keys.add(String.valueOf(entry.getKey()));
            node = entry.getValue();
        }
        return keys;
    }
}
