package io.phoenixspring.test;

import io.phoenixspring.channels.channel.Channel;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.server.SocketConnection;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.LogLevel;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.channels.socket.TransportOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One browser tab's {@code /live} socket, in-process (its {@code lv:} views and their {@code lvu:} uploads): the application's own LiveView socket handler
 * (its connect reads the session cookie and checks the CSRF token) on the application's socket runtime,
 * with the test as the transport — frames go through the real V2 serializer to the real LiveView channel
 * and back into an inbox. The channel's {@link Socket} of each join is kept, so that a test can send the
 * view a message as {@code send(view.pid, msg)} does.
 *
 * <pre>{@code
 * LiveConnection tab = LiveConnection.open(runtime, liveSocket, beans, Map.of("_csrf_token", csrf), "session=…", timeout);
 * tab.own("lv:phx-1", "1", view::handle);
 * tab.sendJoin("lv:phx-1", "1", joinPayload);
 * tab.pump(timeout);                       // the join's reply goes to view::handle
 * }</pre>
 */
final class LiveConnection {

    private final SocketConnection connection;
    private final ChannelTest.Inbox inbox;
    private final Map<String, Socket> channelSockets;
    private final AtomicInteger refs = new AtomicInteger();
    /** Who handles the frames of each join (a view), by join ref; and each topic's latest join. */
    private final Map<String, Consumer<ReceivedMessage>> owners = new ConcurrentHashMap<>();
    private final Map<String, String> latestJoins = new ConcurrentHashMap<>();

    private LiveConnection(SocketConnection connection, ChannelTest.Inbox inbox, Map<String, Socket> channelSockets) {
        this.connection = connection;
        this.inbox = inbox;
        this.channelSockets = channelSockets;
    }

    /**
     * Connects as the JS client does ({@code /live/websocket?_csrf_token=…&vsn=2.0.0} with the browser's
     * cookies).
     *
     * @throws AssertionError when the socket refuses the connection
     */
    static LiveConnection open(SocketRuntime runtime, SocketHandler liveSocket, Function<Class<?>, Object> beans,
            Map<String, String> params, String cookieHeader, Duration timeout) {
        Map<String, Socket> sockets = new ConcurrentHashMap<>();
        TestLiveSocket tapped = new TestLiveSocket(liveSocket, sockets);
        MountedSocket mount = MountedSocket.of("/live", tapped, true, true, Set.of("cookie"), TransportOptions.defaults(), beans)
                .withConnectInfo(false, false);
        Map<String, String> connectParams = new java.util.HashMap<>(params);
        connectParams.putIfAbsent("vsn", "2.0.0");
        ConnectInfo info = new ConnectInfo(null, URI.create("ws://www.example.com/live/websocket"), Map.of(), "phoenix-test",
                cookieHeader == null ? Map.of() : Map.of("cookie", cookieHeader), null);
        SocketRuntime.Connected connected = runtime.authorize(mount, connectParams, info, "test").block(timeout);
        if (connected == null || !connected.accepted()) {
            throw new AssertionError("the /live socket refused the connection: " + (connected == null ? "timeout" : connected.refusal()));
        }
        ChannelTest.Inbox inbox = new ChannelTest.Inbox();
        return new LiveConnection(runtime.open(connected, inbox), inbox, sockets);
    }

    String nextRef() {
        return String.valueOf(refs.incrementAndGet());
    }

    /** Sends a frame as the client; returns its ref. */
    String send(String topic, String joinRef, String event, Object payload) {
        String ref = nextRef();
        connection.receive(Frame.text(Payloads.v2Frame(joinRef, ref, topic, event, payload)));
        return ref;
    }

    /** Sends a binary push as the client sends an ArrayBuffer (an upload's {@code chunk}); returns its ref. */
    String sendBinary(String topic, String joinRef, String event, byte[] data) {
        String ref = nextRef();
        connection.receive(Frame.binary(Payloads.v2BinaryPush(joinRef, ref, topic, event, data)));
        return ref;
    }

    /** Sends a {@code phx_join} whose ref is its join ref, as the client does. */
    void sendJoin(String topic, String joinRef, Object payload) {
        connection.receive(Frame.text(Payloads.v2Frame(joinRef, joinRef, topic, "phx_join", payload)));
    }

    /** Frames of this join (the server's pushes and replies) go to {@code owner}. */
    void own(String topic, String joinRef, Consumer<ReceivedMessage> owner) {
        owners.put(joinRef, owner);
        latestJoins.put(topic, joinRef);
    }

    /**
     * Hands the next frame the server sent, in order, to the view it is for.
     *
     * @return false when none came within {@code timeout}
     */
    boolean pump(Duration timeout) {
        ReceivedMessage message = inbox.poll(m -> true, timeout);
        if (message == null) {
            return false;
        }
        String joinRef = message.joinRef() != null ? message.joinRef() : latestJoins.get(message.topic());
        Consumer<ReceivedMessage> owner = joinRef == null ? null : owners.get(joinRef);
        if (owner != null) {
            owner.accept(message);
        }
        return true;
    }

    /** The channel socket of the join with this join ref (to send the view messages), or null. */
    Socket channelSocket(String joinRef) {
        return channelSockets.get(joinRef);
    }

    void close() {
        connection.closed();
    }

    boolean isClosed() {
        return connection.isClosed();
    }

    /** The LiveView socket handler, with each channel wrapped to keep its {@link Socket}. */
    private static final class TestLiveSocket implements SocketHandler {
        private final SocketHandler live;
        private final Map<String, Socket> sockets;

        TestLiveSocket(SocketHandler live, Map<String, Socket> sockets) {
            this.live = live;
            this.sockets = sockets;
        }

        @Override
        public void channels(ChannelRoutes routes) {
            ChannelRoutes own = new ChannelRoutes();
            live.channels(own);
            for (ChannelRoutes.Route route : own.routes()) {
                Object channel = route.channel() instanceof Channel c ? new LiveChannelTap(c, sockets) : route.channel();
                routes.channel(route.pattern(), channel, route.assigns());
            }
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            return live.connect(params, socket, info);
        }

        @Override
        public String id(Socket socket) {
            return live.id(socket);
        }
    }

    /** A channel as it is, remembering the socket of each join. */
    private record LiveChannelTap(Channel channel, Map<String, Socket> sockets) implements Channel {
        @Override
        public Object join(String topic, Object payload, Socket socket) {
            sockets.put(socket.joinRef(), socket);
            return channel.join(topic, payload, socket);
        }

        @Override
        public Object handleIn(String event, Object payload, Socket socket) {
            return channel.handleIn(event, payload, socket);
        }

        @Override
        public Set<String> intercepts() {
            return channel.intercepts();
        }

        @Override
        public Object handleOut(String event, Object payload, Socket socket) {
            return channel.handleOut(event, payload, socket);
        }

        @Override
        public Object handleInfo(Object message, Socket socket) {
            return channel.handleInfo(message, socket);
        }

        @Override
        public void terminate(String reason, Socket socket) {
            sockets.remove(socket.joinRef(), socket);
            channel.terminate(reason, socket);
        }

        @Override
        public LogLevel logJoin() {
            return channel.logJoin();
        }

        @Override
        public LogLevel logHandleIn() {
            return channel.logHandleIn();
        }
    }
}
