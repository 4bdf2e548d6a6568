package io.phoenixspring.test.app;

import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.token.PhoenixToken;

/**
 * The sample app's socket: the room contract's (phoenix-channels' test fixture: a token signed with salt
 * "user socket", id user_socket:NAME), declared again here because {@code @PhoenixTest} must find it as a
 * {@code @PhoenixSocket} bean in the app's package; room:* goes to this app's {@link RoomChannel} bean.
 */
@PhoenixSocket(path = "/socket")
public class UserSocket extends io.phoenixspring.channels.support.UserSocket {

    public UserSocket(PhoenixToken tokens) {
        super(tokens);
    }

    @Override
    public void channels(ChannelRoutes routes) {
        routes.channel("room:*", RoomChannel.class);
        routes.channel("late:*", OutOfOrderPresenceChannel.class);
    }
}
