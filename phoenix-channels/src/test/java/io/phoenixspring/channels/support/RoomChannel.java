package io.phoenixspring.channels.support;

import io.phoenixspring.channels.channel.Event;
import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.channel.UnmatchedEventException;
import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.socket.Socket;
import java.util.Map;

/** The room channel of the room contract, without presence (that is phoenix-presence's). */
@PhoenixChannel
public class RoomChannel {

    public record NewMessage(String body) {
    }

    @Join
    public JoinResult join(String topic, Socket socket) {
        if (topic.equals("room:secret")) {
            return JoinResult.error(Map.of("reason", "unauthorized"));
        }
        return JoinResult.ok();
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
        socket.assign("status", payload.get("status"));
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
