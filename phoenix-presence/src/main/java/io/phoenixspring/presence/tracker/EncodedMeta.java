package io.phoenixspring.presence.tracker;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
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
 *
 * <p>A meta is written at most {@value Metas#MAX_META_DEPTH} levels deep, so that whatever wraps
 * it still fits in the {@value Metas#MAX_JSON_DEPTH} levels every writer allows. The tracker
 * refuses to track a meta that cannot be written, and leaves out of what it lists, reports and
 * replicates any that cannot (one from another node, say).
 */
public final class EncodedMeta extends AbstractMap<String, Object> {

    private static final JsonMapper MAPPER = JsonMapper.builder(Metas.jsonFactory(Metas.MAX_META_DEPTH))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Map<String, Object> entries;
    private volatile SerializedString json;
    /** Why this meta cannot be written, once that is known (it is tried once). */
    private volatile String failure;
    /** Guarded by this. */
    private boolean reported;

    EncodedMeta(TreeMap<String, Object> sorted) {
        this.entries = Collections.unmodifiableSortedMap(sorted);
    }

    /**
     * This meta as JSON, computed on first use (its UTF-8 bytes are kept too, once asked for).
     *
     * @throws IllegalStateException if this meta cannot be written (the tracker never hands out such a meta)
     */
    public SerializableString json() {
        SerializedString text = json;
        if (text == null) {
            String why = failure();
            if (why != null) {
                throw new IllegalStateException("this presence meta cannot be written: " + why);
            }
            text = json;
        }
        return text;
    }

    /** Null when this meta can be written (its text is then kept), or why it cannot, on one line. */
    String failure() {
        if (json != null) {
            return null;
        }
        String why = failure;
        if (why != null) {
            return why;
        }
        synchronized (this) {
            if (json == null && failure == null) {
                try {
                    json = new SerializedString(MAPPER.writeValueAsString(entries));
                } catch (JacksonException e) {
                    failure = Metas.why(Metas.failingField(entries, MAPPER::writeValueAsString), e);
                }
            }
            return failure;
        }
    }

    /** True the first time it is called for a meta that cannot be written: report it once. */
    boolean firstReport() {
        if (failure() == null) {
            return false;
        }
        synchronized (this) {
            boolean first = !reported;
            reported = true;
            return first;
        }
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
