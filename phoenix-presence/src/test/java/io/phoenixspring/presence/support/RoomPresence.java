package io.phoenixspring.presence.support;

import io.phoenixspring.channels.server.ChannelsMetrics;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.support.RoomChannel;
import io.phoenixspring.channels.support.TestServer;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.presence.PresenceOptions;
import io.phoenixspring.pubsub.PubSub;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A {@link Presence} for the room contract's channel: phoenix-channels' test server and room (its test-jar)
 * with the room tracking its users here, so presence's wire tests run the one contract fixture, not a copy.
 *
 * <pre>
 * try (TestServer server = RoomPresence.server(PubSub.builder().build(), PresenceOptions.defaults())) {
 *     Presence presence = RoomPresence.of(server);
 * }
 * </pre>
 */
public final class RoomPresence implements RoomChannel.Tracking, AutoCloseable {

    public final Presence presence;

    private RoomPresence(Presence presence) {
        this.presence = presence;
    }

    public static TestServer server() {
        return server(PubSub.builder().build(), PresenceOptions.defaults());
    }

    public static TestServer server(PubSub pubSub, PresenceOptions options) {
        return server(pubSub, options, ChannelsMetrics.noop());
    }

    /** The contract's server on {@code pubSub}, its room tracking users with a Presence of {@code options}. */
    public static TestServer server(PubSub pubSub, PresenceOptions options, ChannelsMetrics metrics) {
        return TestServer.builder().pubSub(pubSub).metrics(metrics)
                .presence((ps, endpoint) -> new RoomPresence(Presence.builder(ps, endpoint).options(options).build()))
                .build();
    }

    /** The Presence of a server made here. */
    public static Presence of(TestServer server) {
        return ((RoomPresence) server.presence).presence;
    }

    @Override
    public void track(Socket socket, String key, Map<String, ?> meta) {
        presence.track(socket, key, meta);
    }

    @Override
    public void update(Socket socket, String key, UnaryOperator<Map<String, Object>> change) {
        presence.update(socket, key, change);
    }

    @Override
    public Object list(Socket socket) {
        return presence.list(socket);
    }

    @Override
    public void close() {
        presence.close();
    }
}
