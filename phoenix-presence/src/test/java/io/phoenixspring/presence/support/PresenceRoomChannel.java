package io.phoenixspring.presence.support;

import io.phoenixspring.channels.channel.Event;
import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleInfo;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.channel.UnmatchedEventException;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.presence.Presence;
import java.util.Map;

/**
 * The room contract's channel with presence, written as the Phoenix guide writes it: join, then
 * in after_join track the user with {@code online_at} / {@code status} and push presence_state.
 */
@PhoenixChannel
public class PresenceRoomChannel {

    /** The message a joined channel sends itself, Phoenix's {@code :after_join}. */
    public record AfterJoin(String marker) {
    }

    public record NewMessage(String body) {
    }

    private final Presence presence;

    public PresenceRoomChannel(Presence presence) {
        this.presence = presence;
    }

    @Join
    public JoinResult join(String topic, Socket socket) {
        if (topic.equals("room:secret")) {
            return JoinResult.error(Map.of("reason", "unauthorized"));
        }
        socket.send(new AfterJoin("after_join"));
        return JoinResult.ok();
    }

    @HandleInfo
    public HandleResult afterJoin(AfterJoin message, Socket socket) {
        presence.track(socket, socket.assign("user"), Map.of(
                "online_at", String.valueOf(System.currentTimeMillis()),
                "status", "online"));
        socket.push("presence_state", presence.list(socket));
        return HandleResult.noReply();
    }

    @HandleIn("set_status")
    public HandleResult setStatus(Map<String, Object> payload, Socket socket) {
        Object status = payload.get("status");
        presence.update(socket, (String) socket.assign("user"), meta -> {
            meta.put("status", status);
            return meta;
        });
        return HandleResult.ok();
    }

    @HandleIn("new_msg")
    public HandleResult newMessage(NewMessage message, Socket socket) {
        if (message.body() == null) {
            throw new IllegalArgumentException("new_msg needs a body");
        }
        socket.broadcast("new_msg", Map.of("body", message.body(), "user", socket.assign("user")));
        return HandleResult.noReply();
    }

    @HandleIn("ping")
    public HandleResult ping(Object payload) {
        return HandleResult.ok(payload);
    }

    @HandleIn("crash")
    public HandleResult crash() {
        throw new IllegalStateException("crash requested by the client");
    }

    @HandleIn("stop")
    public HandleResult stop() {
        return HandleResult.stop("normal");
    }

    @HandleIn
    public HandleResult other(@Event String event, Socket socket) {
        throw new UnmatchedEventException(event, socket.topic());
    }
}
