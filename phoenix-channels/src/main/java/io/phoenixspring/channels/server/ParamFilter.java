package io.phoenixspring.channels.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Phoenix's filter_parameters for logs: values of secret-looking keys become [FILTERED]. */
final class ParamFilter {

    private ParamFilter() {
    }

    static Map<String, Object> filter(Map<String, ?> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            boolean secret = lower.contains("password") || lower.contains("token") || lower.contains("secret");
            out.put(key, secret ? "[FILTERED]" : value);
        });
        return out;
    }
}
