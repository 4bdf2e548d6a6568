package io.phoenixspring.presence.bench;

import io.phoenixspring.channels.support.TestServer;
import io.phoenixspring.presence.PresenceOptions;
import io.phoenixspring.presence.support.RoomPresence;
import io.phoenixspring.pubsub.PubSub;
import java.time.Duration;

/**
 * The server of the presence load test: the room contract's {@link TestServer} (its socket, a
 * presence-enabled {@code room:*} channel that tracks the user and pushes presence_state after
 * join) with a diff coalescing window, on loopback, until its standard input closes.
 *
 * <pre>
 * PresenceLoadServer [DIFF_WINDOW_MS]     (default 50; prints "listening PORT")
 * </pre>
 */
public final class PresenceLoadServer {

    private PresenceLoadServer() {
    }

    public static void main(String[] args) throws Exception {
        long windowMillis = args.length > 0 ? Long.parseLong(args[0]) : 50;
        PresenceOptions options = PresenceOptions.defaults().withDiffWindow(Duration.ofMillis(windowMillis));
        try (TestServer server = RoomPresence.server(PubSub.builder().build(), options)) {
            System.out.println("diff window " + windowMillis + " ms");
            System.out.println("listening " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // run until the parent closes our input
            }
        }
    }
}
