package io.phoenixspring.presence.tracker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Metas are kept as immutable maps with sorted keys holding plain JSON values only (maps, lists,
 * strings, numbers, booleans, null), so that a meta listed on the node that tracked it is the
 * same value another node decodes from the wire.
 */
final class Metas {

    static final String PHX_REF = "phx_ref";
    static final String PHX_REF_PREV = "phx_ref_prev";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Metas() {
    }

    /** A user's meta as plain JSON values; fails if it cannot be written as a JSON object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> normalize(Map<String, ?> meta) {
        if (meta == null) {
            return Map.of();
        }
        try {
            Map<String, Object> plain = MAPPER.convertValue(meta, LinkedHashMap.class);
            return plain == null ? Map.of() : plain;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a presence meta must be writable as a JSON object: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> withRefs(Map<String, Object> plainMeta, String ref, String previous) {
        TreeMap<String, Object> meta = new TreeMap<>(plainMeta);
        meta.remove(PHX_REF_PREV);
        meta.put(PHX_REF, ref);
        if (previous != null) {
            meta.put(PHX_REF_PREV, previous);
        }
        return new EncodedMeta(meta);
    }

    /** The meta without the tracker's refs, as given to an update function. */
    static Map<String, Object> userMeta(Map<String, Object> meta) {
        Map<String, Object> user = new LinkedHashMap<>(meta);
        user.remove(PHX_REF);
        user.remove(PHX_REF_PREV);
        return user;
    }
}
