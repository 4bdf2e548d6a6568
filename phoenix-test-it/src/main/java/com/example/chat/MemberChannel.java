package com.example.chat;

import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.socket.Socket;
import java.util.Map;

/** {@code member:*}: the join reply says who the socket belongs to and which page session it came from. */
@PhoenixChannel
public class MemberChannel {

    @Join
    public JoinResult join(String topic, Socket socket) {
        return JoinResult.ok(Map.of("user", socket.assign("user"), "visit", socket.assign("visit")));
    }
}
