package io.phoenixspring.demo;

import io.phoenixspring.channels.channel.Event;
import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.channel.UnmatchedEventException;
import io.phoenixspring.channels.socket.Socket;

/**
 * {@code notices:lobby}, outside the room contract: the page listens here for
 * {@code user_offline {"user": U, "room": R}} ({@link OfflineNotices}). Listen only: it takes no
 * events from clients.
 */
@PhoenixChannel
public class NoticesChannel {

    /** The one notices topic; {@link UserSocket} routes exactly this topic here. */
    public static final String TOPIC = "notices:lobby";

    @Join
    public JoinResult join(String topic, Socket socket) {
        return JoinResult.ok();
    }

    @HandleIn
    public HandleResult other(@Event String event, Socket socket) {
        throw new UnmatchedEventException(event, socket.topic());
    }
}
