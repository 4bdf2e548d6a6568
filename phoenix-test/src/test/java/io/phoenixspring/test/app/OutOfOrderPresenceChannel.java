package io.phoenixspring.test.app;

import io.phoenixspring.channels.channel.HandleInfo;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.socket.Socket;
import java.util.List;
import java.util.Map;

/**
 * {@code late:*}: what a real room's client can see when another user is tracked between the channel's
 * {@code presence.list} and its {@code presence_state} push: that user's {@code presence_diff} first, then a
 * state without them. The official client keeps the diff (applied after the state); so must ChannelTest.
 */
@PhoenixChannel
public class OutOfOrderPresenceChannel {

    record AfterJoin() {
    }

    @Join
    public JoinResult join(String topic, Socket socket) {
        socket.send(new AfterJoin());
        return JoinResult.ok();
    }

    @HandleInfo
    public HandleResult afterJoin(AfterJoin message, Socket socket) {
        socket.push("presence_diff", Map.of("joins", Map.of("bob", Map.of("metas", List.of(Map.of("phx_ref", "b1")))),
                "leaves", Map.of()));
        socket.push("presence_state", Map.of("ada", Map.of("metas", List.of(Map.of("phx_ref", "a1")))));
        return HandleResult.noReply();
    }
}
