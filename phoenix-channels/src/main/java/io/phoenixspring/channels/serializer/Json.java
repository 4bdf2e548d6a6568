package io.phoenixspring.channels.serializer;

import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.pubsub.PhoenixJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire's JSON, from Phoenix's one JSON configuration ({@link PhoenixJson}): frames are
 * parsed with the client-facing limits and written with the server's, map keys sorted.
 */
final class Json {

    private final JsonMapper writer;
    private final JsonMapper reader;

    Json(PhoenixJson json) {
        this.writer = json.server();
        this.reader = json.clientFacing();
    }

    interface Body {
        void write(JsonGenerator generator);
    }

    /**
     * Jackson's segmented builder, not a ByteArrayOutputStream: a large frame (a presence_state
     * of thousands of metas) grows by adding segments instead of re-copying itself at each doubling.
     */
    byte[] write(Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator generator = writer.createGenerator(out)) {
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

    JsonNode parse(byte[] bytes) {
        try {
            return reader.readTree(bytes);
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
