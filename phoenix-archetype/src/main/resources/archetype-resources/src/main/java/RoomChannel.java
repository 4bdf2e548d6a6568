package ${package};

import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleInfo;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.presence.Presence;
import java.util.Map;

/**
 * {@code room:*}: the chat room of Phoenix's channels guide. {@code new_msg {"body": B}} is
 * broadcast to the room with the sender's name; {@code ping} replies with its payload; who is in
 * the room is tracked with presence (one user on two tabs is one key with two metas), so every
 * member gets {@code presence_state} on join and {@code presence_diff} as others come and go.
 */
@PhoenixChannel
public class RoomChannel {

    /** What a joined channel sends itself to track the user, Phoenix's {@code :after_join}. */
    record AfterJoin() {
    }

    /** {@code new_msg}'s payload. */
    record NewMessage(String body) {
    }

    private final Presence presence;

    public RoomChannel(Presence presence) {
        this.presence = presence;
    }

    @Join
    public JoinResult join(String topic, Socket socket) {
        // Tracking waits for the join to be acknowledged, so the client sees presence_state after its join reply.
        socket.send(new AfterJoin());
        return JoinResult.ok();
    }

    @HandleInfo
    public HandleResult afterJoin(AfterJoin message, Socket socket) {
        presence.track(socket, socket.assign("user"), Map.of("online_at", String.valueOf(System.currentTimeMillis())));
        socket.push("presence_state", presence.list(socket));
        return HandleResult.noReply();
    }

    @HandleIn("new_msg")
    public HandleResult newMessage(NewMessage message, Socket socket) {
        socket.broadcast("new_msg", Map.of("body", String.valueOf(message.body()), "user", socket.assign("user")));
        return HandleResult.noReply();
    }

    @HandleIn("ping")
    public HandleResult ping(Map<String, Object> payload) {
        return HandleResult.ok(payload);
    }
}
