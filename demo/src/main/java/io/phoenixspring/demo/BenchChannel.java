package io.phoenixspring.demo;

import io.phoenixspring.channels.channel.Event;
import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.channel.UnmatchedEventException;
import io.phoenixspring.channels.socket.Socket;
import java.util.Map;

/** The contract's {@code bench:*} channel: plain fan-out for load tests, no presence. */
@PhoenixChannel
public class BenchChannel {

    @Join
    public JoinResult join(String topic, Socket socket) {
        return JoinResult.ok();
    }

    @HandleIn("new_msg")
    public HandleResult newMessage(Map<String, Object> payload, Socket socket) {
        socket.broadcast("new_msg", RoomChannel.message(RoomChannel.body(payload), socket.assign("user")));
        return HandleResult.noReply();
    }

    @HandleIn("ping")
    public HandleResult ping(Object payload) {
        return HandleResult.ok(payload);
    }

    @HandleIn
    public HandleResult other(@Event String event, Socket socket) {
        throw new UnmatchedEventException(event, socket.topic());
    }
}
