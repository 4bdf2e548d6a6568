package io.phoenixspring.test;

import io.phoenixspring.channels.message.Binary;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Expected payloads (maps, records, lists, JSON text, Binary) compared with received ones as JSON. */
final class Payloads {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Payloads() {
    }

    /** A JSON tree for anything JSON-like; Binary stays Binary. */
    static Object normalize(Object value) {
        if (value instanceof Binary) {
            return value;
        }
        if (value instanceof String text && looksLikeJson(text)) {
            return MAPPER.readTree(text);
        }
        return MAPPER.valueToTree(value);
    }

    /** JSON trees as plain Java values (Map, List, String, Number, Boolean, null); Binary stays Binary. */
    static Object plain(Object value) {
        if (value instanceof tools.jackson.databind.JsonNode node) {
            return MAPPER.convertValue(node, Object.class);
        }
        return value;
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.trim();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    static boolean matches(Object expected, Object actual) {
        Object left = normalize(expected);
        Object right = actual instanceof JsonNode || actual instanceof Binary ? actual : normalize(actual);
        return left.equals(right);
    }

    static void assertEqual(String what, Object expected, Object actual) {
        if (!matches(expected, actual)) {
            throw new AssertionError("expected " + what + " to be " + normalize(expected) + " but was " + actual);
        }
    }

    /** A V2 binary push (kind 0) as the JS client sends an ArrayBuffer payload. */
    static byte[] v2BinaryPush(String joinRef, String ref, String topic, String event, byte[] data) {
        byte[][] fields = {utf8(joinRef), utf8(ref), utf8(topic), utf8(event)};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0);
        for (byte[] field : fields) {
            out.write(field.length);
        }
        for (byte[] field : fields) {
            out.writeBytes(field);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A V2 text frame as a client would send it. */
    static String v2Frame(String joinRef, String ref, String topic, String event, Object payload) {
        List<Object> frame = new ArrayList<>(5);
        frame.add(joinRef);
        frame.add(ref);
        frame.add(topic);
        frame.add(event);
        frame.add(payload instanceof String text && looksLikeJson(text) ? MAPPER.readTree(text) : payload);
        return MAPPER.writeValueAsString(frame);
    }
}
