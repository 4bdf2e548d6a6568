package io.phoenixspring.channels.server;

import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.message.Broadcast;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Broadcast} as plain JSON values, the form it takes inside PubSub so that any node's
 * codec carries it without registering our types: {@code {"phx_broadcast":1, "topic", "event",
 * "payload"}} or {@code "binary"} (base64) instead of {@code "payload"}.
 */
final class BroadcastEnvelope {

    static final String MARKER = "phx_broadcast";

    private BroadcastEnvelope() {
    }

    /** @param mapper turns the payload into plain values: the application's JSON configuration */
    static Map<String, Object> wrap(String topic, String event, Object payload, JsonMapper mapper) {
        Map<String, Object> envelope = new LinkedHashMap<>(8);
        envelope.put(MARKER, 1);
        envelope.put("topic", topic);
        envelope.put("event", event);
        if (payload instanceof Binary binary) {
            envelope.put("binary", Base64.getEncoder().encodeToString(binary.bytes()));
        } else {
            envelope.put("payload", plain(payload, mapper));
        }
        return envelope;
    }

    /** JSON values as Map/List/String/Number/Boolean/null, which every codec carries. */
    static Object plain(Object payload, JsonMapper mapper) {
        if (payload == null || payload instanceof String || payload instanceof Number || payload instanceof Boolean) {
            return payload;
        }
        return mapper.convertValue(payload, Object.class);
    }

    /** The broadcast inside {@code message}, or null when it is not an envelope. */
    static Broadcast unwrap(Object message) {
        if (message instanceof Broadcast broadcast) {
            return broadcast;
        }
        if (!(message instanceof Map<?, ?> map) || !map.containsKey(MARKER)) {
            return null;
        }
        Object binary = map.get("binary");
        Object payload = binary instanceof String base64 ? new Binary(Base64.getDecoder().decode(base64)) : map.get("payload");
        return new Broadcast((String) map.get("topic"), (String) map.get("event"), payload);
    }
}
