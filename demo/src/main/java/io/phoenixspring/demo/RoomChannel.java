package io.phoenixspring.demo;

import io.phoenixspring.channels.channel.Event;
import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleInfo;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.channel.UnmatchedEventException;
import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.presence.Presence;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contract's {@code room:*} channel: the chat room of the Phoenix channels guide, with
 * presence keyed by the user (one user on two tabs is one key with two metas). Beyond the
 * contract, a joined room also follows {@code user:NAME}, so {@code POST /api/users/NAME/notices}
 * reaches that user's tabs as a {@code notice} push (a new event: no contract frame changes).
 */
@PhoenixChannel
public class RoomChannel {

    /** What a joined channel sends itself to track the user, Phoenix's {@code :after_join}. */
    record AfterJoin() {
    }

    private final Presence presence;

    public RoomChannel(Presence presence) {
        this.presence = presence;
    }

    @Join
    public JoinResult join(String topic, Socket socket) {
        if (topic.equals("room:secret")) {
            return JoinResult.error(Map.of("reason", "unauthorized"));
        }
        socket.subscribe(userTopic(socket.assign("user")));
        socket.send(new AfterJoin());
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

    /** A broadcast on the followed {@code user:NAME}: a {@code notice} goes to this client as it is. */
    @HandleInfo
    public HandleResult followed(Broadcast broadcast, Socket socket) {
        if (broadcast.event().equals("notice")) {
            socket.push("notice", broadcast.payload());
        }
        return HandleResult.noReply();
    }

    /** {@code %{"body" => body}}: any JSON value; a payload without a body crashes the channel. */
    @HandleIn("new_msg")
    public HandleResult newMessage(Map<String, Object> payload, Socket socket) {
        socket.broadcast("new_msg", message(body(payload), socket.assign("user")));
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

    /** Echoes a binary payload as a binary reply (WebSocket, V2). */
    @HandleIn("binary")
    public HandleResult binary(byte[] data) {
        return HandleResult.ok(new Binary(data));
    }

    /** One presence_diff: the new meta in joins, the old one in leaves. */
    @HandleIn("set_status")
    public HandleResult setStatus(Map<String, Object> payload, Socket socket) {
        if (payload == null || !payload.containsKey("status")) {
            throw new IllegalArgumentException("set_status needs a status");
        }
        Object status = payload.get("status");
        presence.update(socket, socket.<String>assign("user"), meta -> {
            meta.put("status", status);
            return meta;
        });
        return HandleResult.ok();
    }

    @HandleIn("crash")
    public HandleResult crash() {
        throw new IllegalStateException("crash requested by the client");
    }

    @HandleIn("stop")
    public HandleResult stop() {
        return HandleResult.stop("normal");
    }

    /** Any other event: the channel fails, as Phoenix does for an unmatched handle_in. */
    @HandleIn
    public HandleResult other(@Event String event, Socket socket) {
        throw new UnmatchedEventException(event, socket.topic());
    }

    /** The topic a user's rooms follow for direct notices. */
    static String userTopic(Object user) {
        return "user:" + user;
    }

    static Object body(Map<String, Object> payload) {
        if (payload == null || !payload.containsKey("body")) {
            throw new IllegalArgumentException("new_msg needs a body");
        }
        return payload.get("body");
    }

    static Map<String, Object> message(Object body, Object user) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("body", body);
        message.put("user", user);
        return message;
    }
}
