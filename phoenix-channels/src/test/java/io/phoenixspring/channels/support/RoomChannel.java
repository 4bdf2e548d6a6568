package io.phoenixspring.channels.support;

import io.phoenixspring.channels.channel.Event;
import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleInfo;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.channel.UnmatchedEventException;
import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.socket.Socket;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The room channel of the room contract (the demo implements it in full), the one copy the modules' tests use.
 * Presence is phoenix-presence's, which depends on this module, so it comes in through {@link Tracking}: without
 * it ({@code new RoomChannel()}) the room tracks nobody; with it, the room does what the Phoenix guide writes:
 * after join it tracks the user and pushes presence_state, and set_status updates the user's meta.
 */
@PhoenixChannel
public class RoomChannel {

    /** Presence as the room uses it (phoenix-presence adapts its {@code Presence} to this). */
    public interface Tracking {

        void track(Socket socket, String key, Map<String, ?> meta);

        void update(Socket socket, String key, UnaryOperator<Map<String, Object>> change);

        Object list(Socket socket);
    }

    /** The message a joined channel sends itself, Phoenix's {@code :after_join}. */
    public record AfterJoin() {
    }

    public record NewMessage(String body) {
    }

    private final Tracking presence;

    public RoomChannel() {
        this(null);
    }

    /** A room that tracks its users with {@code presence} ({@code null}: none). */
    public RoomChannel(Tracking presence) {
        this.presence = presence;
    }

    @Join
    public JoinResult join(String topic, Socket socket) {
        if (topic.equals("room:secret")) {
            return JoinResult.error(Map.of("reason", "unauthorized"));
        }
        if (presence != null) {
            socket.send(new AfterJoin());
        }
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

    @HandleIn("error_reply")
    public HandleResult errorReply() {
        return HandleResult.error(Map.of("reason", "bad"));
    }

    @HandleIn("binary")
    public HandleResult binary(byte[] data) {
        return HandleResult.ok(new Binary(data));
    }

    @HandleIn("set_status")
    public HandleResult setStatus(Map<String, Object> payload, Socket socket) {
        Object status = payload.get("status");
        socket.assign("status", status);
        if (presence != null) {
            presence.update(socket, socket.assign("user"), meta -> {
                meta.put("status", status);
                return meta;
            });
        }
        return HandleResult.ok();
    }

    @HandleIn("connect_info")
    public HandleResult connectInfo(Socket socket) {
        Map<String, Object> info = new java.util.TreeMap<>();
        info.put("peer", socket.assign("peer"));
        info.put("x_headers", socket.assign("x_headers"));
        info.put("user_agent", String.valueOf((Object) socket.assign("user_agent")));
        info.put("uri_path", socket.assign("uri_path"));
        return HandleResult.ok(info);
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
