package io.phoenixspring.channels.serializer;

import io.phoenixspring.channels.socket.Binary;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the wire protocol, and small helpers to write frames with it. */
final class Json {

    /** Maps are written with sorted keys, as Phoenix's JSON library writes Elixir maps. */
    static final JsonMapper MAPPER = JsonLimits.clientFacingMapper()
            .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Json() {
    }

    interface Body {
        void write(JsonGenerator generator);
    }

    /**
     * Jackson's segmented builder, not a ByteArrayOutputStream: a large frame (a presence_state
     * of thousands of metas) grows by adding segments instead of re-copying itself at each doubling.
     */
    static byte[] write(Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            body.write(generator);
        }
        byte[] bytes = out.toByteArray();
        out.release();
        return bytes;
    }

    static void writeValue(JsonGenerator generator, Object value) {
        if (value instanceof Binary) {
            throw new IllegalArgumentException("binary payloads need the V2 serializer's binary frames");
        }
        if (value instanceof JsonNode node) {
            generator.writeTree(node);
        } else {
            generator.writePOJO(value);
        }
    }

    static void writeStringOrNull(JsonGenerator generator, String value) {
        if (value == null) {
            generator.writeNull();
        } else {
            generator.writeString(value);
        }
    }

    static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new InvalidMessageException("frame is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A ref or join_ref: strings as they are, null as null, other JSON values as their text. */
    static String refText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }
}
