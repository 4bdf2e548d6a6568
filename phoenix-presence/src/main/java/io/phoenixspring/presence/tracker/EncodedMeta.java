package io.phoenixspring.presence.tracker;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tracked meta: an immutable map with sorted keys (plain JSON values, {@code phx_ref} included)
 * that keeps its own JSON text once it has been written, so that a meta sent in thousands of
 * {@code presence_state}s and diffs is encoded once. The text is what the channels' serializer
 * writes for the same map (sorted keys, Jackson's defaults otherwise).
 *
 * <pre>{@code
 * if (meta instanceof EncodedMeta encoded) {
 *     generator.writeRawValue(encoded.json());
 * }
 * }</pre>
 */
public final class EncodedMeta extends AbstractMap<String, Object> {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Map<String, Object> entries;
    private volatile SerializedString json;

    EncodedMeta(TreeMap<String, Object> sorted) {
        this.entries = Collections.unmodifiableSortedMap(sorted);
    }

    /** This meta as JSON, computed on first use (its UTF-8 bytes are kept too, once asked for). */
    public SerializableString json() {
        SerializedString text = json;
        if (text == null) {
            text = new SerializedString(MAPPER.writeValueAsString(entries));
            json = text;
        }
        return text;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return entries.entrySet();
    }

    @Override
    public Object get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public int size() {
        return entries.size();
    }
}
