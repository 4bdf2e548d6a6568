package io.phoenixspring.presence.support;

import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.pubsub.Subscriber;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a JS client's {@code Presence} would hold, applied the way phoenix.js applies it: diffs
 * that arrive before the state are kept and applied after it; a diff's joins are applied before
 * its leaves, metas are told apart by {@code phx_ref}. Thread safe (one lock).
 */
public final class ClientView implements Subscriber {

    private final Map<String, List<Map<String, Object>>> state = new TreeMap<>();
    private final List<Map<?, ?>> pending = new ArrayList<>();
    private boolean synced;
    private int diffs;
    private int diffEntries;

    @Override
    public synchronized void onMessage(String topic, Object message) {
        if (message instanceof Broadcast b && b.event().equals("presence_diff")) {
            Map<?, ?> diff = (Map<?, ?>) b.payload();
            diffs++;
            diffEntries += ((Map<?, ?>) diff.get("joins")).size() + ((Map<?, ?>) diff.get("leaves")).size();
            if (synced) {
                applyDiff(diff);
            } else {
                pending.add(diff);
            }
        }
    }

    /** presence_state: replaces the state, then applies the diffs that came first. */
    public synchronized void syncState(Map<String, Map<String, Object>> presences) {
        state.clear();
        presences.forEach((key, presence) -> state.put(key, new ArrayList<>(metas(presence))));
        synced = true;
        pending.forEach(this::applyDiff);
        pending.clear();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> metas(Object presence) {
        return (List<Map<String, Object>>) ((Map<?, ?>) presence).get("metas");
    }

    private void applyDiff(Map<?, ?> diff) {
        ((Map<?, ?>) diff.get("joins")).forEach((key, presence) -> {
            List<Map<String, Object>> current = state.computeIfAbsent((String) key, k -> new ArrayList<>());
            // a set of the diff's few refs, not of the key's many metas: thousands of views apply every
            // diff on one thread here, and this test measures the server, not this bookkeeping
            Map<Object, Map<String, Object>> joining = new LinkedHashMap<>();
            metas(presence).forEach(meta -> joining.put(meta.get("phx_ref"), meta));
            for (int i = 0; i < current.size() && !joining.isEmpty(); i++) {
                joining.remove(current.get(i).get("phx_ref"));
            }
            current.addAll(joining.values());
        });
        ((Map<?, ?>) diff.get("leaves")).forEach((key, presence) -> {
            List<Map<String, Object>> current = state.get(key);
            if (current == null) {
                return;
            }
            Set<Object> gone = new HashSet<>();
            metas(presence).forEach(m -> gone.add(m.get("phx_ref")));
            current.removeIf(m -> gone.contains(m.get("phx_ref")));
            if (current.isEmpty()) {
                state.remove(key);
            }
        });
    }

    /** key → phx_refs, for comparisons. */
    public synchronized Map<String, Set<Object>> refs() {
        Map<String, Set<Object>> out = new TreeMap<>();
        state.forEach((key, metas) -> {
            Set<Object> refs = new HashSet<>();
            metas.forEach(m -> refs.add(m.get("phx_ref")));
            out.put(key, refs);
        });
        return out;
    }

    public synchronized int size() {
        int n = 0;
        for (List<Map<String, Object>> metas : state.values()) {
            n += metas.size();
        }
        return n;
    }

    public synchronized int diffsReceived() {
        return diffs;
    }

    public synchronized int diffEntriesReceived() {
        return diffEntries;
    }

    /** Presences in tracker form (key → refs) from a list result. */
    public static Map<String, Set<Object>> refsOf(Map<String, Map<String, Object>> presences) {
        Map<String, Set<Object>> out = new TreeMap<>();
        presences.forEach((key, presence) -> {
            Set<Object> refs = new HashSet<>();
            metas(presence).forEach(m -> refs.add(m.get("phx_ref")));
            out.put(key, refs);
        });
        return out;
    }
}
