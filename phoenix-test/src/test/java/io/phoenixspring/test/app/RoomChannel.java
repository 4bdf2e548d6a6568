package io.phoenixspring.test.app;

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
 * room:* with presence, as the channels and presence guides write it. Not the room contract's channel
 * (phoenix-channels' test fixture) on purpose: this is the sample app's own bean, with Presence injected by
 * Spring, that {@code @PhoenixTest} must find by scanning, and its events (a join reply naming the user,
 * {@code shout}, {@code away}) are the ones the testing guide's examples use.
 */
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
        if (topic.equals("room:secret")) {
            return JoinResult.error(Map.of("reason", "unauthorized"));
        }
        socket.send(new AfterJoin());
        return JoinResult.ok(Map.of("user", String.valueOf(socket.assigns().get("user"))));
    }

    @HandleInfo
    public HandleResult afterJoin(AfterJoin message, Socket socket) {
        presence.track(socket, String.valueOf(socket.assigns().get("user")), Map.of("status", "online"));
        socket.push("presence_state", presence.list(socket));
        return HandleResult.noReply();
    }

    @HandleIn("ping")
    public HandleResult ping(Object payload) {
        return HandleResult.ok(payload);
    }

    @HandleIn("shout")
    public HandleResult shout(Map<String, Object> payload, Socket socket) {
        socket.broadcast("shout", payload);
        return HandleResult.noReply();
    }

    @HandleIn("away")
    public HandleResult away(Socket socket) {
        presence.update(socket, String.valueOf(socket.assigns().get("user")), Map.of("status", "away"));
        return HandleResult.ok();
    }
}
