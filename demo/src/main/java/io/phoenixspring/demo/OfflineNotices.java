package io.phoenixspring.demo;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.presence.PresenceHandler;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "U went offline": when a user's last presence leaves a {@code room:*} topic (the last tab closed,
 * not one of two), {@code user_offline {"user": U, "room": R}} goes to the {@link NoticesChannel}'s
 * {@code notices:lobby}. Phoenix's {@code handle_metas/4}.
 *
 * <p>The handler runs on every node for the same leave, so each node broadcasts to its own
 * subscribers only ({@code localBroadcast}): every page hears a notice once, whichever node it is
 * on and wherever the user's tab was (a crashed node's users included, once the others mark it
 * down). The notices topic is not a {@code room:*} one, so the room contract's frames are untouched.
 */
@Component
public class OfflineNotices implements PresenceHandler<Void> {

    private final Endpoint endpoint;

    public OfflineNotices(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Void handleMetas(String topic, Map<String, Map<String, Object>> joins,
            Map<String, Map<String, Object>> leaves, Map<String, List<Map<String, Object>>> presences, Void state) {
        if (!topic.startsWith("room:")) {
            return state;
        }
        String room = topic.substring("room:".length());
        for (String user : leaves.keySet()) {
            if (!presences.containsKey(user)) {
                endpoint.localBroadcast(NoticesChannel.TOPIC, "user_offline", Map.of("user", user, "room", room));
            }
        }
        return state;
    }
}
