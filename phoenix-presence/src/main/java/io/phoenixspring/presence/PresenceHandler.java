package io.phoenixspring.presence;

import java.util.List;
import java.util.Map;

/**
 * Phoenix.Presence's server-side callbacks, {@code init/1} and {@code handle_metas/4}: the server
 * reacts to presences joining and leaving, say to tell a lobby that a user went offline when the
 * last of their tabs left.
 *
 * <pre>{@code
 * @Bean
 * PresenceHandler<Void> userOffline(Endpoint endpoint) {
 *     return (topic, joins, leaves, presences, state) -> {
 *         if (!topic.equals("users:lobby")) {
 *             return state;
 *         }
 *         for (String user : leaves.keySet()) {
 *             if (!presences.containsKey(user)) {      // that was the user's last presence on the topic
 *                 endpoint.localBroadcast("users:lobby", "user_offline", Map.of("user", user));
 *             }
 *         }
 *         return state;
 *     };
 * }
 * }</pre>
 *
 * <p>It is called after every {@code presence_diff} this node sends, with the same joins and leaves
 * (coalesced as the diff is, after the {@link PresenceFetcher}), for changes made on this node and
 * on the others, and for the presences of a node that went down or left. So it runs on
 * <em>every</em> node for the same change: do node-local work in it (a {@code localBroadcast} to
 * this node's subscribers, as Phoenix's docs do, a cache, a metric), and make any effect that must
 * happen once in the cluster idempotent.
 *
 * <p>Calls are serialized, in the order of the diffs, on one thread of their own: never on the
 * tracker's or the network's threads, so a slow handler delays other handlers but never tracking,
 * replication or {@code presence_diff}s. A handler that throws is logged (with a stack trace the
 * first time, one line after that), keeps its previous state, and is called for the next diff as
 * usual. Give it to {@link Presence.Builder#handler}, or declare it as a bean with Spring Boot.
 *
 * @param <S> the handler's state, threaded from {@link #init()} through every call (Phoenix's
 *        "user-land state"); a stateless handler uses {@code Void} and returns {@code state}
 */
@FunctionalInterface
public interface PresenceHandler<S> {

    /**
     * Phoenix's {@code init/1}: the first state, called once when the {@link Presence} is built;
     * an exception fails the build. {@code null} unless overridden.
     */
    default S init() {
        return null;
    }

    /**
     * Phoenix's {@code handle_metas/4}: the changes of one {@code presence_diff} of {@code topic}.
     * The maps are read-only and valid during the call (copy what you keep).
     *
     * @param topic the topic of the diff
     * @param joins the presences that joined, {@code key → {"metas": [...]}} (and whatever the fetcher adds)
     * @param leaves the presences that left, in the same form
     * @param presences every presence of the topic after this diff, {@code key → metas}: a key of
     *        {@code leaves} missing here has no presence left
     * @param state what {@link #init()} or the previous call returned
     * @return the state for the next call
     */
    S handleMetas(String topic, Map<String, Map<String, Object>> joins, Map<String, Map<String, Object>> leaves,
            Map<String, List<Map<String, Object>>> presences, S state);
}
