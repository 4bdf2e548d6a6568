package io.phoenixspring.presence;

import java.util.Map;

/**
 * Phoenix.Presence's {@code fetch/2}: extends presences with more data (say, user records)
 * in one batch, before they are listed or broadcast. It gets {@code key → {"metas": [...]}} and
 * returns the same keys, each map still holding {@code "metas"}, with any extra entries.
 *
 * <pre>{@code
 * PresenceFetcher fetcher = (topic, presences) -> {
 *     Map<String, User> users = userRepository.findAllById(presences.keySet());
 *     Map<String, Map<String, Object>> out = new HashMap<>();
 *     presences.forEach((id, p) -> out.put(id, Map.of("metas", p.get("metas"), "user", users.get(id))));
 *     return out;
 * };
 * }</pre>
 *
 * <p>It runs for {@link Presence#list}, {@link Presence#getByKey} and once for the joins and once for
 * the leaves of every {@code presence_diff} (after coalescing, so a burst of joins costs one call).
 */
@FunctionalInterface
public interface PresenceFetcher {

    /** Leaves presences as they are (Phoenix's default). */
    PresenceFetcher NONE = (topic, presences) -> presences;

    Map<String, Map<String, Object>> fetch(String topic, Map<String, Map<String, Object>> presences);
}
