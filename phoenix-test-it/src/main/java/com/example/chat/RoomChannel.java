package com.example.chat;

import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleInfo;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.presence.Presence;
import java.util.Map;

/** {@code room:*}: ping replies, {@code new_msg} broadcasts, members tracked with presence. */
@PhoenixChannel
public class RoomChannel {

    record AfterJoin() {
    }

    private final Presence presence;

    public RoomChannel(Presence presence) {
        this.presence = presence;
    }

    @Join
    public JoinResult join(String topic, Socket socket) {
        if (topic.equals("room:private")) {
            return JoinResult.error(Map.of("reason", "unauthorized"));
        }
        socket.send(new AfterJoin());
        return JoinResult.ok();
    }

    @HandleInfo
    public HandleResult afterJoin(AfterJoin message, Socket socket) {
        presence.track(socket, user(socket), Map.of("online_at", String.valueOf(System.currentTimeMillis())));
        socket.push("presence_state", presence.list(socket));
        return HandleResult.noReply();
    }

    @HandleIn("ping")
    public HandleResult ping(Map<String, Object> payload) {
        return HandleResult.ok(payload);
    }

    @HandleIn("new_msg")
    public HandleResult newMessage(Map<String, Object> payload, Socket socket) {
        socket.broadcast("new_msg", Map.of("user", user(socket), "body", String.valueOf(payload.get("body"))));
        return HandleResult.noReply();
    }

    private static String user(Socket socket) {
        return String.valueOf(socket.assigns().get("user"));
    }
}
