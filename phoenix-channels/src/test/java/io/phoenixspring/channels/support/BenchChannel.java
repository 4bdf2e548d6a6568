package io.phoenixspring.channels.support;

import io.phoenixspring.channels.channel.Channel;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.UnmatchedEventException;
import io.phoenixspring.channels.socket.Socket;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The contract's bench channel, written against the plain {@link Channel} interface. */
public class BenchChannel implements Channel {

    @Override
    public Object join(String topic, Object payload, Socket socket) {
        return JoinResult.ok();
    }

    @Override
    public Object handleIn(String event, Object payload, Socket socket) {
        switch (event) {
            case "new_msg" -> {
                JsonNode body = ((JsonNode) payload).get("body");
                socket.broadcast("new_msg", Map.of("body", body, "user", socket.assign("user")));
                return HandleResult.noReply();
            }
            case "ping" -> {
                return HandleResult.ok(payload);
            }
            default -> throw new UnmatchedEventException(event, socket.topic());
        }
    }
}
