package io.phoenixspring.presence.support;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.presence.PresenceHandler;
import java.util.List;
import java.util.Map;

/**
 * The README's example handler: on {@code users:lobby}, when a user's last presence leaves, this
 * node's subscribers get {@code "user_offline"} {@code {"user": key}}.
 */
public final class UserOffline implements PresenceHandler<Void> {

    public static final String LOBBY = "users:lobby";

    private final Endpoint endpoint;

    public UserOffline(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Void handleMetas(String topic, Map<String, Map<String, Object>> joins,
            Map<String, Map<String, Object>> leaves, Map<String, List<Map<String, Object>>> presences, Void state) {
        if (topic.equals(LOBBY)) {
            for (String user : leaves.keySet()) {
                if (!presences.containsKey(user)) {
                    endpoint.localBroadcast(LOBBY, "user_offline", Map.of("user", user));
                }
            }
        }
        return state;
    }
}
