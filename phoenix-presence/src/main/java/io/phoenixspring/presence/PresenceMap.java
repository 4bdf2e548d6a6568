package io.phoenixspring.presence;

import io.phoenixspring.presence.tracker.EncodedMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonGeneratorBase;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * What {@link Presence#list(String)} and the diffs give: {@code key → {"metas": [...]}}, an
 * ordinary mutable map that writes itself as Jackson would write it, except that the metas the
 * tracker holds go out as their kept JSON text ({@link EncodedMeta#json()}) instead of being
 * encoded again for every joiner. Anything else in it (a value the caller put or changed) is
 * written by the serializer as usual.
 */
final class PresenceMap extends LinkedHashMap<String, Map<String, Object>> implements JacksonSerializable {

    private static final long serialVersionUID = 1L;
    private static final String METAS = "metas";

    PresenceMap(int initialCapacity) {
        super(initialCapacity);
    }

    @Override
    public void serialize(JsonGenerator generator, SerializationContext context) {
        boolean raw = writesAsKept(generator, context);
        generator.writeStartObject(this);
        if (context.isEnabled(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS) && size() > 1) {
            List<String> keys = new ArrayList<>(keySet());
            keys.sort(null);
            for (String key : keys) {
                writeEntry(generator, context, raw, key, get(key));
            }
        } else {
            forEach((key, value) -> writeEntry(generator, context, raw, key, value));
        }
        generator.writeEndObject();
    }

    /**
     * Kept JSON text only goes where the same values would be written the same way: into JSON text
     * (a conversion, such as a TokenBuffer, gets the values), with sorted map keys, no pretty
     * printer or custom escapes, and every write feature at its default, as the text was written.
     */
    private static boolean writesAsKept(JsonGenerator generator, SerializationContext context) {
        if (!(generator instanceof JsonGeneratorBase json) || json.getPrettyPrinter() != null
                || json.getCharacterEscapes() != null
                || !context.isEnabled(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)) {
            return false;
        }
        for (JsonWriteFeature feature : JsonWriteFeature.values()) {
            if (json.isEnabled(feature) != feature.enabledByDefault()) {
                return false;
            }
        }
        for (StreamWriteFeature feature : StreamWriteFeature.values()) {
            if (json.isEnabled(feature) != feature.enabledByDefault()) {
                return false;
            }
        }
        return true;
    }

    private static void writeEntry(JsonGenerator generator, SerializationContext context, boolean raw, String key,
            Object value) {
        generator.writeName(key);
        if (raw && value instanceof Map<?, ?> presence && presence.size() == 1 && presence.get(METAS) instanceof List<?> metas) {
            generator.writeStartObject(presence);
            generator.writeName(METAS);
            generator.writeStartArray(metas, metas.size());
            for (Object meta : metas) {
                if (meta instanceof EncodedMeta encoded) {
                    generator.writeRawValue(encoded.json());
                } else {
                    context.writeValue(generator, meta);
                }
            }
            generator.writeEndArray();
            generator.writeEndObject();
        } else {
            context.writeValue(generator, value);
        }
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer typeSerializer) {
        serialize(generator, context);
    }
}
