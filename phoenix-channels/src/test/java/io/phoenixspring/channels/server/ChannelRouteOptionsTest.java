package io.phoenixspring.channels.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.phoenixspring.channels.channel.Channel;
import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.server.ChannelBehaviourTest.Memory;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.LogLevel;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.channels.support.LogCapture;
import io.phoenixspring.pubsub.PubSub;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a channel route and the socket declare about its channels: route assigns (Phoenix's
 * {@code channel "room:*", RoomChannel, assigns: %{...}}) and the levels of the join and
 * handle_in log lines ({@code log_join}, {@code log_handle_in}) with Phoenix's wording.
 */
class ChannelRouteOptionsTest {

    private static final String LOGGER = ChannelServer.class.getName();

    private final PubSub pubSub = PubSub.builder().build();
    private final SocketRuntime runtime = new SocketRuntime(pubSub, ChannelsMetrics.noop());

    @AfterEach
    void close() {
        runtime.close();
        pubSub.close();
    }

    /** Joins with the socket's assigns as its reply; refuses room:secret; replies to "new_msg". */
    @PhoenixChannel
    static class RoomChannel {
        @Join
        JoinResult join(String topic, Socket socket) {
            return topic.equals("room:secret") ? JoinResult.error(Map.of("reason", "unauthorized"))
                    : JoinResult.ok(new TreeMap<>(socket.assigns()));
        }

        @HandleIn("new_msg")
        HandleResult newMessage(Map<String, Object> payload) {
            return HandleResult.ok();
        }
    }

    @PhoenixChannel(logJoin = LogLevel.OFF, logHandleIn = LogLevel.INFO)
    static class QuietJoinChannel extends RoomChannel {
    }

    /** A socket with the Phoenix defaults, its routes given per test. */
    static class PlainSocket implements SocketHandler {
        private final Consumer<ChannelRoutes> routes;

        PlainSocket(Consumer<ChannelRoutes> routes) {
            this.routes = routes;
        }

        @Override
        public void channels(ChannelRoutes channelRoutes) {
            routes.accept(channelRoutes);
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            socket.assign("user", "ada");
            return ConnectResult.ok();
        }
    }

    @PhoenixSocket(logJoin = LogLevel.DEBUG, logHandleIn = LogLevel.OFF)
    static class TerseSocket extends PlainSocket {
        TerseSocket(Consumer<ChannelRoutes> routes) {
            super(routes);
        }
    }

    private SocketConnection connect(SocketHandler handler, Memory memory) {
        MountedSocket mount = MountedSocket.of("/socket", handler, true, false, Set.of(), TransportOptions.defaults(),
                type -> null);
        return runtime.open(runtime.authorize(mount, Map.of("vsn", "2.0.0"), null, "websocket").block(), memory);
    }

    private static void send(SocketConnection connection, String frame) {
        connection.receive(Frame.text(frame));
    }

    @Test
    void routeAssignsAreMergedIntoTheChannelSocketBeforeJoin() throws Exception {
        Memory memory = new Memory();
        SocketConnection connection = connect(new PlainSocket(routes -> routes
                .channel("admin:*", new RoomChannel(), Map.of("role", "admin", "user", "root"))
                .channel("room:*", new RoomChannel())), memory);
        send(connection, "[\"1\",\"1\",\"admin:1\",\"phx_join\",{}]");
        assertThat(memory.next()).isEqualTo(
                "[\"1\",\"1\",\"admin:1\",\"phx_reply\",{\"response\":{\"role\":\"admin\",\"user\":\"root\"},\"status\":\"ok\"}]");
        send(connection, "[\"2\",\"2\",\"room:1\",\"phx_join\",{}]");
        assertThat(memory.next()).as("other routes and the connection keep their own assigns").isEqualTo(
                "[\"2\",\"2\",\"room:1\",\"phx_reply\",{\"response\":{\"user\":\"ada\"},\"status\":\"ok\"}]");
        assertThat(connection.socket().assigns()).isEqualTo(Map.of("user", "ada"));
    }

    @Test
    void joinAndHandleInAreLoggedAsPhoenixDoesAtItsDefaultLevels() throws Exception {
        Memory memory = new Memory();
        SocketConnection connection = connect(new PlainSocket(routes -> routes.channel("room:*", new RoomChannel())), memory);
        try (LogCapture logs = new LogCapture().level(LOGGER, Level.TRACE)) {
            send(connection, "[\"1\",\"1\",\"room:lobby\",\"phx_join\",{\"password\":\"p\",\"nested\":{\"token\":\"t\",\"n\":1}}]");
            memory.next();
            send(connection, "[\"1\",\"2\",\"room:lobby\",\"new_msg\",{\"body\":\"hi\",\"secret\":\"s\"}]");
            memory.next();
            send(connection, "[\"3\",\"3\",\"room:secret\",\"phx_join\",{}]");
            memory.next();
            List<String> lines = logs.lines(LOGGER);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).matches("INFO JOINED room:lobby in \\d+(µs|ms)\n"
                    + "  Parameters: \\{password=\\[FILTERED], nested=\\{token=\\[FILTERED], n=1}}");
            assertThat(lines.get(1)).matches("DEBUG HANDLED new_msg INCOMING ON room:lobby \\(RoomChannel\\) in \\d+(µs|ms)\n"
                    + "  Parameters: \\{body=\"hi\", secret=\\[FILTERED]}");
            assertThat(lines.get(2)).matches("INFO REFUSED JOIN room:secret in \\d+(µs|ms)\n  Parameters: \\{}");
        }
    }

    @Test
    void aSocketSetsTheLevelsOfItsChannelsAndAChannelOverridesIt() throws Exception {
        Memory memory = new Memory();
        Channel plain = new Channel() {
            @Override
            public Object join(String topic, Object payload, Socket socket) {
                return JoinResult.ok();
            }

            @Override
            public Object handleIn(String event, Object payload, Socket socket) {
                return HandleResult.ok();
            }

            @Override
            public LogLevel logJoin() {
                return LogLevel.WARN;
            }
        };
        SocketConnection connection = connect(new TerseSocket(routes -> routes
                .channel("room:*", new RoomChannel())
                .channel("quiet:*", new QuietJoinChannel())
                .channel("plain:*", plain)), memory);
        try (LogCapture logs = new LogCapture().level(LOGGER, Level.TRACE)) {
            for (String topic : List.of("room:1", "quiet:1", "plain:1")) {
                send(connection, "[\"" + topic + "\",\"1\",\"" + topic + "\",\"phx_join\",{}]");
                memory.next();
                send(connection, "[\"" + topic + "\",\"2\",\"" + topic + "\",\"new_msg\",{}]");
                memory.next();
            }
            assertThat(logs.lines(LOGGER)).map(line -> line.substring(0, line.indexOf(" in ")))
                    .containsExactly("DEBUG JOINED room:1",
                            "INFO HANDLED new_msg INCOMING ON quiet:1 (QuietJoinChannel)",
                            "WARN JOINED plain:1");
        }
    }
}
