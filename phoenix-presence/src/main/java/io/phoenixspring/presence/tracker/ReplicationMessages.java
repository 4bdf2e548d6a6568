package io.phoenixspring.presence.tracker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The replication messages, as plain JSON values so that any PubSub codec carries them. Shapes
 * (all keys short, one letter, to keep heartbeats small):
 *
 * <pre>
 * heartbeat  {"t":"hb",  "r":replica, "n":node, "c":clock, "f":deltaFrom?, "v":[[clock,topic,key,meta],..]?, "x":[removedClock,..]?}
 * transfer request  {"t":"treq", "r":requester, "n":requesterNode, "to":replica}
 * transfer  {"t":"tres", "r":replica, "n":node, "to":requester, "c":clock, "v":[[clock,topic,key,meta],..]}
 * goodbye   {"t":"bye",  "r":replica, "n":node}
 * </pre>
 *
 * A heartbeat without {@code "f"} carries no delta (it was too large): receivers behind its clock
 * ask for a transfer. A presence whose meta cannot be written is left out of both (the receivers
 * see it as absent, as the CRDT allows), so that one bad meta never stops the others from
 * replicating; the shard reported it when it was added. Decoding throws
 * {@link IllegalArgumentException} on any malformed message.
 */
final class ReplicationMessages {

    static final String HEARTBEAT = "hb";
    static final String TRANSFER_REQUEST = "treq";
    static final String TRANSFER = "tres";
    static final String GOODBYE = "bye";

    private ReplicationMessages() {
    }

    static Map<String, Object> heartbeat(String replica, String node, long clock, Delta delta) {
        Map<String, Object> m = base(HEARTBEAT, replica, node);
        m.put("c", clock);
        if (delta != null) {
            m.put("f", delta.from());
            m.put("v", values(delta.values()));
            m.put("x", new ArrayList<>(delta.removed()));
        }
        return m;
    }

    static Map<String, Object> transferRequest(String replica, String node, String to) {
        Map<String, Object> m = base(TRANSFER_REQUEST, replica, node);
        m.put("to", to);
        return m;
    }

    static Map<String, Object> transfer(String replica, String node, String to, long clock, Map<Long, Entry> values) {
        Map<String, Object> m = base(TRANSFER, replica, node);
        m.put("to", to);
        m.put("c", clock);
        m.put("v", values(values));
        return m;
    }

    static Map<String, Object> goodbye(String replica, String node) {
        return base(GOODBYE, replica, node);
    }

    private static Map<String, Object> base(String type, String replica, String node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", type);
        m.put("r", replica);
        m.put("n", node);
        return m;
    }

    private static List<Object> values(Map<Long, Entry> values) {
        List<Object> out = new ArrayList<>(values.size());
        new TreeMap<>(values).forEach((clock, e) -> {
            if (Metas.writable(e.meta())) {
                out.add(List.of(clock, e.topic(), e.key(), e.meta()));
            }
        });
        return out;
    }

    // ---- decoding ----

    static String type(Map<?, ?> m) {
        return string(m, "t");
    }

    static String string(Map<?, ?> m, String field) {
        Object value = m.get(field);
        if (!(value instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty string");
        }
        return s;
    }

    static long number(Map<?, ?> m, String field) {
        return toLong(m.get(field), field);
    }

    static boolean hasDelta(Map<?, ?> m) {
        return m.get("f") != null;
    }

    static Delta delta(String replica, Map<?, ?> m) {
        long from = number(m, "f");
        long to = number(m, "c");
        Map<Long, Entry> values = decodeValues(m.get("v"), from, to);
        Set<Long> removed = new HashSet<>();
        Object x = m.get("x");
        if (x != null) {
            if (!(x instanceof List<?> list)) {
                throw new IllegalArgumentException("field 'x' must be a list");
            }
            for (Object clock : list) {
                removed.add(toLong(clock, "x"));
            }
        }
        return new Delta(replica, from, to, values, removed);
    }

    static Map<Long, Entry> transferValues(Map<?, ?> m) {
        return decodeValues(m.get("v"), 0, number(m, "c"));
    }

    private static Map<Long, Entry> decodeValues(Object raw, long from, long to) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException("field 'v' must be a list");
        }
        Map<Long, Entry> values = new HashMap<>(list.size() * 2);
        for (Object item : list) {
            if (!(item instanceof List<?> tuple) || tuple.size() != 4) {
                throw new IllegalArgumentException("a presence must be [clock, topic, key, meta]");
            }
            long clock = toLong(tuple.get(0), "clock");
            if (clock <= from || clock > to) {
                throw new IllegalArgumentException("presence clock " + clock + " outside (" + from + ", " + to + "]");
            }
            if (!(tuple.get(1) instanceof String topic) || !(tuple.get(2) instanceof String key)) {
                throw new IllegalArgumentException("presence topic and key must be strings");
            }
            values.put(clock, new Entry(topic, key, meta(tuple.get(3))));
        }
        return values;
    }

    /** A meta from the wire, as the same immutable sorted map a local meta is. */
    static Map<String, Object> meta(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a meta must be a JSON object");
        }
        TreeMap<String, Object> meta = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                throw new IllegalArgumentException("meta keys must be strings");
            }
            meta.put(k, e.getValue());
        }
        if (!(meta.get("phx_ref") instanceof String)) {
            throw new IllegalArgumentException("a meta must carry a phx_ref string");
        }
        EncodedMeta encoded = new EncodedMeta(meta);
        // Written now, on the shard's executor and outside its lock: listing and pushing it later
        // only read the kept text (or know at once that it cannot be written).
        encoded.failure();
        return encoded;
    }

    private static long toLong(Object value, String field) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long n = ((Number) value).longValue();
            if (n < 0) {
                throw new IllegalArgumentException("field '" + field + "' must not be negative");
            }
            return n;
        }
        if (value instanceof java.math.BigInteger) {
            throw new IllegalArgumentException("field '" + field + "' is out of range");
        }
        throw new IllegalArgumentException("field '" + field + "' must be an integer");
    }
}
