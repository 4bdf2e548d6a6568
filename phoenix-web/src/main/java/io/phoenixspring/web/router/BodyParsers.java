package io.phoenixspring.web.router;

import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.endpoint.WebEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;

/** Plug.Parsers' json and urlencoded parsers; a body that does not parse is a 400. */
final class BodyParsers {

    private BodyParsers() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(MediaType type, byte[] body, WebEndpoint endpoint) {
        if (body.length == 0) {
            return Map.of();
        }
        if (MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
            return Params.parseQuery(new String(body, StandardCharsets.UTF_8)).asMap();
        }
        Object value;
        try {
            value = endpoint.json().readValue(body, Object.class);
        } catch (JacksonException e) {
            throw StatusException.badRequest("malformed JSON body: " + e.getOriginalMessage(), e);
        }
        if (value instanceof Map<?, ?> map) {
            return Collections.unmodifiableMap((Map<String, Object>) map);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("_json", value);
        return Collections.unmodifiableMap(wrapped);
    }
}
