package io.phoenixspring.presence.support;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.presence.PresenceHandler;
import io.phoenixspring.presence.tracker.Tracker;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The README's guarded example: when a user's last presence on {@code users:lobby} leaves, ONE
 * node (the one with the smallest replica id among those up) broadcasts {@code "user_gone"} to
 * every node.
 */
public final class UserGone implements PresenceHandler<Void> {

    private final Endpoint endpoint;
    private final Supplier<Presence> presence;

    public UserGone(Endpoint endpoint, Supplier<Presence> presence) {
        this.endpoint = endpoint;
        this.presence = presence;
    }

    @Override
    public Void handleMetas(String topic, Map<String, Map<String, Object>> joins,
            Map<String, Map<String, Object>> leaves, Map<String, List<Map<String, Object>>> presences, Void state) {
        if (topic.equals(UserOffline.LOBBY)) {
            for (String user : leaves.keySet()) {
                if (!presences.containsKey(user) && firstNodeUp(presence.get().tracker())) {
                    endpoint.broadcast(UserOffline.LOBBY, "user_gone", Map.of("user", user));
                }
            }
        }
        return state;
    }

    static boolean firstNodeUp(Tracker tracker) {
        return tracker.upReplicas().stream().allMatch(other -> tracker.replica().compareTo(other) < 0);
    }
}
