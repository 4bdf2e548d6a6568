package io.phoenixspring.presence.tracker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Metas are kept as immutable maps with sorted keys holding plain JSON values only (maps, lists,
 * strings, numbers, booleans, null), so that a meta listed on the node that tracked it is the
 * same value another node decodes from the wire.
 *
 * <p>The depth rule: clients' JSON is read with Jackson's default limit of 500 levels, and every
 * writer and every node-to-node reader allows {@value #MAX_JSON_DEPTH}. A meta itself may nest
 * {@value #MAX_META_DEPTH} levels, which leaves room for what wraps it: the tracker's message in
 * the PubSub codec ({@code {"value":{"v":[[clock,topic,key,META]]}}}, 4 levels) or a
 * {@code presence_diff} frame ({@code [.., {"joins":{key:{"metas":[META]}}}]}, 5 levels). So
 * anything a client can send fits, and a meta that does not is refused when it is tracked.
 */
final class Metas {

    static final String PHX_REF = "phx_ref";
    static final String PHX_REF_PREV = "phx_ref_prev";

    /** The deepest JSON every writer and every node-to-node reader of the project takes. */
    static final int MAX_JSON_DEPTH = io.phoenixspring.pubsub.PhoenixJson.SERVER_DEPTH;
    /** How deep a meta may nest: {@link #MAX_JSON_DEPTH} less room for the messages around it. */
    static final int MAX_META_DEPTH = MAX_JSON_DEPTH - 10;


    private Metas() {
    }

    /** A JSON factory that reads and writes up to {@code maxDepth} levels. */
    static JsonFactory jsonFactory(int maxDepth) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(maxDepth).build())
                .build();
    }

    /**
     * A user's meta as plain JSON values.
     *
     * @throws InvalidMetaException if it cannot be written as a JSON object
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> normalize(JsonMapper mapper, String topic, String key, Map<String, ?> meta) {
        if (meta == null) {
            return Map.of();
        }
        try {
            Map<String, Object> plain = mapper.convertValue(meta, LinkedHashMap.class);
            return plain == null ? Map.of() : plain;
        } catch (JacksonException e) {
            String field = failingField(meta, one -> mapper.convertValue(one, LinkedHashMap.class));
            throw new InvalidMetaException(topic, key, why(field, e));
        } catch (StackOverflowError e) {
            // a map that contains itself, or one nested far deeper than any meta may be
            throw new InvalidMetaException(topic, key, "it refers to itself or nests too deep to be written as JSON");
        }
    }

    /**
     * The meta to track: the user's plain meta with its refs, written once now (the text is kept).
     *
     * @throws InvalidMetaException if it cannot be written within {@link #MAX_META_DEPTH} levels
     */
    static EncodedMeta replicable(String topic, String key, Map<String, Object> plainMeta, String ref, String previous) {
        EncodedMeta meta = withRefs(plainMeta, ref, previous);
        String failure = meta.failure();
        if (failure != null) {
            throw new InvalidMetaException(topic, key, failure);
        }
        return meta;
    }

    static EncodedMeta withRefs(Map<String, Object> plainMeta, String ref, String previous) {
        TreeMap<String, Object> meta = new TreeMap<>(plainMeta);
        meta.remove(PHX_REF_PREV);
        meta.put(PHX_REF, ref);
        if (previous != null) {
            meta.put(PHX_REF_PREV, previous);
        }
        return new EncodedMeta(meta);
    }

    /** Whether a meta of the state can be sent (one that cannot is left out of every message). */
    static boolean writable(Map<String, Object> meta) {
        return !(meta instanceof EncodedMeta encoded) || encoded.failure() == null;
    }

    /** The meta without the tracker's refs, as given to an update function. */
    static Map<String, Object> userMeta(Map<String, Object> meta) {
        Map<String, Object> user = new LinkedHashMap<>(meta);
        user.remove(PHX_REF);
        user.remove(PHX_REF_PREV);
        return user;
    }

    /**
     * The first field of a meta that cannot be written on its own, found after the whole meta
     * failed (Jackson's own path stops at 500 references, too short for a deep one); null if none.
     */
    static String failingField(Map<String, ?> meta, Consumer<Map<String, ?>> write) {
        for (Map.Entry<String, ?> e : meta.entrySet()) {
            try {
                write.accept(Collections.singletonMap(e.getKey(), e.getValue()));
            } catch (RuntimeException | StackOverflowError failed) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Why Jackson could not write a meta, on one line, naming the failing field when known. */
    static String why(String field, JacksonException e) {
        String where = field == null ? "it" : "field '" + field + "'";
        if (e instanceof StreamConstraintsException && String.valueOf(e.getOriginalMessage()).contains("nesting depth")) {
            return where + " nests deeper than " + MAX_META_DEPTH + " levels (a meta may nest " + MAX_META_DEPTH
                    + " levels, so that the messages around it stay within the " + MAX_JSON_DEPTH
                    + " levels nodes and clients are written with)";
        }
        return where + " cannot be written as JSON (" + oneLine(e.getOriginalMessage()) + ")";
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\s*\\R\\s*", " ");
    }
}
