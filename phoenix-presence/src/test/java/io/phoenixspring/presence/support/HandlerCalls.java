package io.phoenixspring.presence.support;

import io.phoenixspring.presence.PresenceHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A handler that records every call (copies of its arguments, its state, its thread); its state counts the calls. */
public final class HandlerCalls implements PresenceHandler<Integer> {

    /** One {@code handleMetas} call: joins and leaves as key → refs, presences as key → refs. */
    public record Call(String topic, Map<String, Map<String, Object>> joins, Map<String, Map<String, Object>> leaves,
            Map<String, List<Map<String, Object>>> presences, Integer state, String thread) {

        public Map<String, Set<Object>> joinRefs() {
            return refsOfPresences(joins);
        }

        public Map<String, Set<Object>> leaveRefs() {
            return refsOfPresences(leaves);
        }

        public Map<String, Set<Object>> presenceRefs() {
            Map<String, Set<Object>> refs = new LinkedHashMap<>();
            presences.forEach((key, metas) -> refs.put(key, metas.stream().map(m -> m.get("phx_ref")).collect(Collectors.toSet())));
            return refs;
        }

        private static Map<String, Set<Object>> refsOfPresences(Map<String, Map<String, Object>> presences) {
            return ClientView.refsOf(presences);
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public Integer init() {
        return 0;
    }

    @Override
    public Integer handleMetas(String topic, Map<String, Map<String, Object>> joins,
            Map<String, Map<String, Object>> leaves, Map<String, List<Map<String, Object>>> presences, Integer state) {
        calls.add(new Call(topic, new LinkedHashMap<>(joins), new LinkedHashMap<>(leaves), new LinkedHashMap<>(presences),
                state, Thread.currentThread().getName()));
        return state + 1;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The latest call. */
    public Call last() {
        List<Call> all = calls();
        return all.get(all.size() - 1);
    }

    /** Every ref this handler has seen leave. */
    public Set<Object> leftRefs() {
        return calls.stream().flatMap(c -> c.leaveRefs().values().stream()).flatMap(Set::stream).collect(Collectors.toSet());
    }

    /** Every ref this handler has seen join. */
    public Set<Object> joinedRefs() {
        return calls.stream().flatMap(c -> c.joinRefs().values().stream()).flatMap(Set::stream).collect(Collectors.toSet());
    }
}
