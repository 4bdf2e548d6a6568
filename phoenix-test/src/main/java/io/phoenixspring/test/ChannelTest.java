package io.phoenixspring.test;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.server.SocketConnection;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.Outbound;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.pubsub.Subscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Phoenix.ChannelTest for Java: connect sockets and join channels in-process, with no network,
 * then assert what the channel replied, pushed and broadcast. The test itself is the transport.
 *
 * <pre>{@code
 * ChannelTest.Joined room = channels.socket(userSocket, "user_id", Map.of("user", "ada"))
 *         .subscribeAndJoin("room:lobby");
 * room.assertReply(room.push("ping", Map.of("hello", "there")), "ok", Map.of("hello", "there"));
 * channels.socket(userSocket, null, Map.of()).subscribeAndJoin(RoomChannel.class, "room:lobby", Map.of());
 * }</pre>
 *
 * <p>Payloads go through the real V2 serializer, so an assertion compares exactly what a client
 * would receive; expected payloads may be maps, lists, records or JSON text.
 */
public final class ChannelTest {

    /**
     * How long assert_* waits by default (ExUnit's assert_receive_timeout is 100 ms; channels run on
     * other threads); {@link #assertTimeout(Duration)} changes it for this helper.
     */
    public static final Duration ASSERT_TIMEOUT = Duration.ofSeconds(2);
    /** How long refute_* waits for something that must not arrive. */
    public static final Duration REFUTE_TIMEOUT = Duration.ofMillis(100);

    private final SocketRuntime runtime;
    private final Endpoint endpoint;
    private final Function<Class<?>, Object> beans;
    private volatile Duration assertTimeout = ASSERT_TIMEOUT;

    /**
     * @param beans resolves channel classes named in socket routes (the application context's getBean)
     */
    public ChannelTest(SocketRuntime runtime, Function<Class<?>, Object> beans) {
        this.runtime = runtime;
        this.endpoint = new Endpoint(runtime);
        this.beans = beans;
    }

    /**
     * How long assert_* (and joins, which wait for their reply) wait from now on, ExUnit's
     * {@code assert_receive_timeout}: longer for slow channels, shorter for fast failures.
     *
     * <pre>{@code
     * channels.assertTimeout(Duration.ofSeconds(10));
     * }</pre>
     */
    public ChannelTest assertTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the assert timeout must be positive, was " + timeout);
        }
        this.assertTimeout = timeout;
        return this;
    }

    /** How long assert_* waits. */
    public Duration assertTimeout() {
        return assertTimeout;
    }

    /**
     * {@code connect(UserSocket, params, connect_info)}: runs the socket's connect.
     *
     * @return the connected socket, or empty when connect refused
     */
    public Optional<TestSocket> connect(SocketHandler handler, Map<String, String> params, ConnectInfo info) {
        return connect(handler, params, info, handler);
    }

    /** {@code connect(UserSocket, params)} with the socket bean of this class. */
    public Optional<TestSocket> connect(Class<? extends SocketHandler> socket, Map<String, String> params) {
        return connect((SocketHandler) beans.apply(socket), params);
    }

    /**
     * {@code connect(UserSocket, params, connect_info: ...)} with the socket bean of this class, e.g.
     * a signed-in user with a session: {@code ConnectInfo.none().withPrincipal(auth).withSession(session)}.
     * A socket declared {@code authenticated = true} refuses an info without an authenticated
     * principal, as over the network; a session given here counts as read from a valid cookie with
     * a matching {@code _csrf_token}.
     */
    public Optional<TestSocket> connect(Class<? extends SocketHandler> socket, Map<String, String> params, ConnectInfo info) {
        return connect((SocketHandler) beans.apply(socket), params, info);
    }

    /** {@code socket(UserSocket, id, assigns)} with the socket bean of this class. */
    public TestSocket socket(Class<? extends SocketHandler> socket, String id, Map<String, Object> assigns) {
        return socket((SocketHandler) beans.apply(socket), id, assigns);
    }

    public Optional<TestSocket> connect(SocketHandler handler, Map<String, String> params) {
        return connect(handler, params, ConnectInfo.none());
    }

    private Optional<TestSocket> connect(SocketHandler handler, Map<String, String> params, ConnectInfo info,
            SocketHandler routes) {
        Map<String, String> withVsn = new java.util.HashMap<>(params);
        withVsn.putIfAbsent("vsn", "2.0.0");
        io.phoenixspring.channels.socket.PhoenixSocket declared = org.springframework.aop.support.AopUtils
                .getTargetClass(handler).getAnnotation(io.phoenixspring.channels.socket.PhoenixSocket.class);
        MountedSocket mount = MountedSocket.of("/test", new Routed(handler, routes), true, false, Set.of(),
                TransportOptions.defaults(), beans).withConnectInfo(false, declared != null && declared.authenticated());
        SocketRuntime.Connected connected = runtime.authorize(mount, withVsn, info, "test").block(assertTimeout);
        if (connected == null || !connected.accepted()) {
            return Optional.empty();
        }
        Inbox inbox = new Inbox();
        SocketConnection connection = runtime.open(connected, inbox);
        return Optional.of(new TestSocket(connection, inbox));
    }

    /**
     * {@code socket(UserSocket, id, assigns)}: a connected socket with these assigns, without
     * running connect (as Phoenix's helper does).
     */
    public TestSocket socket(SocketHandler handler, String id, Map<String, Object> assigns) {
        SocketHandler preset = new SocketHandler() {
            @Override
            public void channels(ChannelRoutes routes) {
                handler.channels(routes);
            }

            @Override
            public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
                assigns.forEach(socket::assign);
                return ConnectResult.ok();
            }

            @Override
            public String id(Socket socket) {
                return id;
            }
        };
        return connect(preset, Map.of()).orElseThrow();
    }

    /** Broadcasts from outside any channel, like {@code Endpoint.broadcast}. */
    public void broadcast(String topic, String event, Object payload) {
        endpoint.broadcast(topic, event, payload).join();
    }

    /** Keeps the user's connect and id but takes channel routes from another handler (or a fixed channel). */
    private static final class Routed implements SocketHandler {
        private final SocketHandler handler;
        private final SocketHandler routes;

        Routed(SocketHandler handler, SocketHandler routes) {
            this.handler = handler;
            this.routes = routes;
        }

        @Override
        public void channels(ChannelRoutes channelRoutes) {
            routes.channels(channelRoutes);
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            return handler.connect(params, socket, info);
        }

        @Override
        public String id(Socket socket) {
            return handler.id(socket);
        }
    }

    /** A connected test socket: the client side of one connection. */
    public final class TestSocket {
        private final SocketConnection connection;
        private final Inbox inbox;
        private final AtomicInteger refs = new AtomicInteger();

        TestSocket(SocketConnection connection, Inbox inbox) {
            this.connection = connection;
            this.inbox = inbox;
        }

        /** The socket's assigns after connect. */
        public Map<String, Object> assigns() {
            return connection.socket().assigns();
        }

        /** The socket id, or null. */
        public String id() {
            return connection.socket().id();
        }

        /** {@code join(socket, topic, payload)}: joins through the socket's routes. */
        public Joined join(String topic, Object payload) {
            return join(null, topic, payload, false);
        }

        public Joined join(String topic) {
            return join(topic, Map.of());
        }

        /** {@code subscribe_and_join}: also subscribes the test to the topic, for assertBroadcast. */
        public Joined subscribeAndJoin(String topic, Object payload) {
            return join(null, topic, payload, true);
        }

        public Joined subscribeAndJoin(String topic) {
            return subscribeAndJoin(topic, Map.of());
        }

        /**
         * {@code join(socket, RoomChannel, topic, payload)}: joins {@code topic} with the bean of this
         * channel class, whatever the socket's routes say (or whether they cover the topic at all).
         *
         * <pre>{@code
         * socket.join(RoomChannel.class, "room:lobby", Map.of()).assertJoined(Map.of());
         * }</pre>
         */
        public Joined join(Class<?> channel, String topic, Object payload) {
            return join(beanOf(channel), topic, payload, false);
        }

        public Joined join(Class<?> channel, String topic) {
            return join(channel, topic, Map.of());
        }

        /**
         * Joins {@code topic} with this channel instance (a {@code Channel} or a
         * {@code @PhoenixChannel} object), bypassing the socket's routes: a channel built by the test.
         */
        public Joined join(Object channel, String topic, Object payload) {
            return join(Objects.requireNonNull(channel, "channel"), topic, payload, false);
        }

        /**
         * {@code subscribe_and_join(socket, RoomChannel, topic, payload)}: joins with the bean of this
         * channel class, bypassing the socket's routes, and subscribes the test to the topic.
         */
        public Joined subscribeAndJoin(Class<?> channel, String topic, Object payload) {
            return join(beanOf(channel), topic, payload, true);
        }

        public Joined subscribeAndJoin(Class<?> channel, String topic) {
            return subscribeAndJoin(channel, topic, Map.of());
        }

        /** {@link #subscribeAndJoin(Class, String, Object)} with a channel instance. */
        public Joined subscribeAndJoin(Object channel, String topic, Object payload) {
            return join(Objects.requireNonNull(channel, "channel"), topic, payload, true);
        }

        private Object beanOf(Class<?> channel) {
            Object bean = beans.apply(Objects.requireNonNull(channel, "channel"));
            if (bean == null) {
                throw new IllegalArgumentException("no bean of " + channel.getName() + " to join with; pass an instance");
            }
            return bean;
        }

        /** @param channel null: the socket's routes decide */
        private Joined join(Object channel, String topic, Object payload, boolean subscribe) {
            Joined joined = new Joined(this, topic, String.valueOf(refs.incrementAndGet()));
            if (subscribe) {
                endpoint.subscribe(topic, joined.broadcasts);
            }
            String ref = channel == null ? joined.send("phx_join", payload, joined.joinRef)
                    : joined.sendJoin(channel, payload);
            ReceivedMessage reply = inbox.await(m -> m.isReply() && ref.equals(m.ref()) && topic.equals(m.topic()),
                    assertTimeout, "the reply to the join of " + topic);
            joined.joinReply = reply;
            return joined;
        }

        /** {@code close(socket)}: the transport goes away; every channel terminates. */
        public void close() {
            connection.closed();
        }

        String nextRef() {
            return String.valueOf(refs.incrementAndGet());
        }

        void send(String frameText) {
            connection.receive(Frame.text(frameText));
        }
    }

    /** One joined (or refused) channel, seen from the test. */
    public final class Joined {
        private final TestSocket socket;
        private final String topic;
        private final String joinRef;
        private final BroadcastInbox broadcasts = new BroadcastInbox();
        private ReceivedMessage joinReply;
        private final Map<String, List<Map<String, Object>>> presence = new LinkedHashMap<>();
        /**
         * Diffs received before the first {@code presence_state}: the official client holds them until the state
         * and applies them after it (a user tracked between the channel's list and its state push arrives as a
         * diff first); applied at once here too, and replayed after the state, which would otherwise drop them.
         */
        private final List<ReceivedMessage> diffsBeforeState = new ArrayList<>();
        private boolean stateSeen;

        Joined(TestSocket socket, String topic, String joinRef) {
            this.socket = socket;
            this.topic = topic;
            this.joinRef = joinRef;
        }

        public String topic() {
            return topic;
        }

        /** Whether the join was accepted ({@code {:ok, reply, socket}}). */
        public boolean joined() {
            return "ok".equals(joinReply.status());
        }

        /**
         * The join's reply payload, the response of an ok join or the reason of a refused one, as
         * plain Java values (Map, List, String, Number, Boolean), so it compares with a Map or a List.
         */
        public Object joinResponse() {
            return Payloads.plain(joinReply.response());
        }

        /**
         * Asserts the join was refused ({@code {:error, reply}}) with this response, e.g.
         * {@code socket.join("room:secret").assertJoinRefused(Map.of("reason", "unauthorized"))}.
         */
        public Joined assertJoinRefused(Object response) {
            if (joined()) {
                throw new AssertionError("expected the join of " + topic + " to be refused, but it succeeded with "
                        + joinReply.response());
            }
            Payloads.assertEqual("the refusal of the join of " + topic, response, joinReply.response());
            return this;
        }

        /** Asserts the join was accepted with this response. */
        public Joined assertJoined(Object response) {
            Payloads.assertEqual("the join reply of " + topic, response, joinReply.response());
            if (!joined()) {
                throw new AssertionError("expected the join of " + topic + " to succeed, but it was refused with " + joinReply.response());
            }
            return this;
        }

        /** {@code push(socket, event, payload)}: returns the ref to assert the reply with. */
        public String push(String event, Object payload) {
            return send(event, payload, joinRef);
        }

        public String push(String event) {
            return push(event, Map.of());
        }

        /** A join of this topic with {@code channel}, not the one the socket's routes give. */
        String sendJoin(Object channel, Object payload) {
            String ref = socket.nextRef();
            socket.connection.joinChannel(channel, Frame.text(Payloads.v2Frame(joinRef, ref, topic, "phx_join", payload)));
            return ref;
        }

        String send(String event, Object payload, String withJoinRef) {
            String ref = socket.nextRef();
            if (payload instanceof Binary binary) {
                socket.connection.receive(Frame.binary(Payloads.v2BinaryPush(withJoinRef, ref, topic, event, binary.bytes())));
            } else {
                socket.send(Payloads.v2Frame(withJoinRef, ref, topic, event, payload));
            }
            return ref;
        }

        /** {@code leave(socket)}: returns the ref of the leave (its reply is ok). */
        public String leave() {
            return push("phx_leave");
        }

        /** {@code broadcast_from(socket, event, message)}: to every subscriber of the topic but this channel. */
        public void broadcastFrom(String event, Object payload) {
            socket.connection.broadcastFrom(topic, event, payload).join();
        }

        /** {@code assert_reply(ref, status, payload)}. */
        public Joined assertReply(String ref, String status, Object payload) {
            ReceivedMessage reply = socket.inbox.await(m -> m.isReply() && ref.equals(m.ref()) && topic.equals(m.topic()),
                    assertTimeout, "a reply to ref " + ref + " on " + topic);
            if (!status.equals(reply.status())) {
                throw new AssertionError("expected reply status \"" + status + "\" to ref " + ref + " on " + topic
                        + " but got \"" + reply.status() + "\" with " + reply.response());
            }
            Payloads.assertEqual("the reply to ref " + ref + " on " + topic, payload, reply.response());
            return this;
        }

        public Joined assertReply(String ref, String status) {
            return assertReply(ref, status, Map.of());
        }

        /** {@code refute_reply(ref, status)} within the refute timeout. */
        public Joined refuteReply(String ref, Duration timeout) {
            socket.inbox.refute(m -> m.isReply() && ref.equals(m.ref()) && topic.equals(m.topic()), timeout,
                    "a reply to ref " + ref + " on " + topic);
            return this;
        }

        /** {@code assert_push(event, payload)}: the channel pushed this to the client. */
        public Joined assertPush(String event, Object payload) {
            socket.inbox.await(m -> !m.isReply() && topic.equals(m.topic()) && event.equals(m.event())
                    && Payloads.matches(payload, m.payload()), assertTimeout, "a push of \"" + event + "\" with " + payload + " on " + topic);
            return this;
        }

        /** The next push of {@code event}, whatever its payload, for custom assertions. */
        public Object nextPush(String event) {
            return socket.inbox.await(m -> !m.isReply() && topic.equals(m.topic()) && event.equals(m.event()),
                    assertTimeout, "a push of \"" + event + "\" on " + topic).payload();
        }

        public Joined refutePush(String event, Duration timeout) {
            socket.inbox.refute(m -> !m.isReply() && topic.equals(m.topic()) && event.equals(m.event()), timeout,
                    "a push of \"" + event + "\" on " + topic);
            return this;
        }

        /** {@code assert_broadcast(event, payload)}: needs subscribeAndJoin. */
        public Joined assertBroadcast(String event, Object payload) {
            broadcasts.await(b -> event.equals(b.event()) && Payloads.matches(payload, b.payload()), assertTimeout,
                    "a broadcast of \"" + event + "\" with " + payload + " on " + topic);
            return this;
        }

        public Joined refuteBroadcast(String event, Duration timeout) {
            broadcasts.refute(b -> event.equals(b.event()), timeout, "a broadcast of \"" + event + "\" on " + topic);
            return this;
        }

        /**
         * Presence as the JS client sees it on this channel: the {@code presence_state} and
         * {@code presence_diff} pushes received so far, synced (key to metas). Reading it consumes those pushes.
         */
        public Map<String, List<Map<String, Object>>> presence() {
            syncPresence(Duration.ZERO);
            return Collections.unmodifiableMap(new LinkedHashMap<>(presence));
        }

        /**
         * Waits until {@code key} is present on this channel (its {@code presence_state}/{@code presence_diff}
         * pushes say so) and returns its metas, without {@code phx_ref}s.
         */
        public List<Map<String, Object>> assertPresent(String key) {
            awaitPresence(() -> presence.containsKey(key),
                    () -> "expected \"" + key + "\" to be present on " + topic + " within "
                            + assertTimeout.toMillis() + " ms; present: " + presence.keySet());
            return metasWithoutRefs(key);
        }

        /**
         * Waits until {@code key} is present with exactly {@code metaCount} metas (one per tracked process,
         * e.g. a user on two tabs has two) and returns them, without {@code phx_ref}s.
         */
        public List<Map<String, Object>> assertPresent(String key, int metaCount) {
            awaitPresence(() -> presence.getOrDefault(key, List.of()).size() == metaCount,
                    () -> "expected \"" + key + "\" to be present with " + metaCount + " metas on " + topic
                            + " within " + assertTimeout.toMillis() + " ms; present: " + presence);
            return metasWithoutRefs(key);
        }

        /** Waits until {@code key} is present with a meta containing these entries. */
        public Joined assertPresent(String key, Map<String, ?> meta) {
            awaitPresence(() -> presence.getOrDefault(key, List.of()).stream()
                            .anyMatch(m -> Payloads.matches(meta, withoutRefs(m)) || containsAll(m, meta)),
                    () -> "expected \"" + key + "\" to be present with " + meta + " on " + topic
                            + " within " + assertTimeout.toMillis() + " ms; present: " + presence);
            return this;
        }

        /** Waits until {@code key} is absent (left, or never there) on this channel. */
        public Joined assertAbsent(String key) {
            awaitPresence(() -> !presence.containsKey(key),
                    () -> "expected \"" + key + "\" to leave " + topic + " within "
                            + assertTimeout.toMillis() + " ms; present: " + presence.keySet());
            return this;
        }

        private List<Map<String, Object>> metasWithoutRefs(String key) {
            return presence.get(key).stream().map(ChannelTest::withoutRefs).toList();
        }

        /** Applies presence pushes as they come until {@code condition} holds or the assert timeout passes. */
        private void awaitPresence(BooleanSupplier condition, Supplier<String> failure) {
            long deadline = System.nanoTime() + assertTimeout.toNanos();
            while (true) {
                syncPresence(Duration.ZERO);
                if (condition.getAsBoolean()) {
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!syncPresence(Duration.ofNanos(left)) && !condition.getAsBoolean())) {
                    throw new AssertionError(failure.get());
                }
            }
        }

        /** Applies presence pushes; with a timeout, waits for one more. @return whether one was applied */
        private boolean syncPresence(Duration wait) {
            boolean applied = false;
            ReceivedMessage m;
            while ((m = socket.inbox.poll(this::isPresencePush, Duration.ZERO)) != null) {
                apply(m);
                applied = true;
            }
            if (!applied && !wait.isZero()) {
                m = socket.inbox.poll(this::isPresencePush, wait);
                if (m != null) {
                    apply(m);
                    applied = true;
                }
            }
            return applied;
        }

        private boolean isPresencePush(ReceivedMessage m) {
            return !m.isReply() && topic.equals(m.topic())
                    && ("presence_state".equals(m.event()) || "presence_diff".equals(m.event()));
        }

        @SuppressWarnings("unchecked")
        private void apply(ReceivedMessage m) {
            Map<String, Object> payload = Payloads.MAPPER.convertValue(m.payload(), Map.class);
            if ("presence_state".equals(m.event())) {
                presence.clear();
                payload.forEach((key, value) -> presence.put(key, metasOf(value)));
                if (!stateSeen) {
                    stateSeen = true;
                    diffsBeforeState.forEach(this::apply);
                    diffsBeforeState.clear();
                }
                return;
            }
            if (!stateSeen) {
                diffsBeforeState.add(m);
            }
            Map<String, Object> joins = (Map<String, Object>) payload.getOrDefault("joins", Map.of());
            Map<String, Object> leaves = (Map<String, Object>) payload.getOrDefault("leaves", Map.of());
            joins.forEach((key, value) -> {
                List<Map<String, Object>> metas = new ArrayList<>(presence.getOrDefault(key, List.of()));
                for (Map<String, Object> meta : metasOf(value)) {
                    metas.removeIf(old -> Objects.equals(old.get("phx_ref"), meta.get("phx_ref")));
                    metas.add(meta);
                }
                presence.put(key, metas);
            });
            leaves.forEach((key, value) -> {
                List<Map<String, Object>> metas = new ArrayList<>(presence.getOrDefault(key, List.of()));
                for (Map<String, Object> meta : metasOf(value)) {
                    metas.removeIf(old -> Objects.equals(old.get("phx_ref"), meta.get("phx_ref")));
                }
                if (metas.isEmpty()) {
                    presence.remove(key);
                } else {
                    presence.put(key, metas);
                }
            });
        }

        /** Asserts the channel was closed normally ({@code phx_close}). */
        public Joined assertClosed() {
            socket.inbox.await(m -> topic.equals(m.topic()) && "phx_close".equals(m.event()), assertTimeout,
                    "phx_close on " + topic);
            return this;
        }

        /** Asserts the channel crashed ({@code phx_error}). */
        public Joined assertCrashed() {
            socket.inbox.await(m -> topic.equals(m.topic()) && "phx_error".equals(m.event()), assertTimeout,
                    "phx_error on " + topic);
            return this;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> metasOf(Object entry) {
        Object metas = entry instanceof Map<?, ?> map ? map.get("metas") : null;
        List<Map<String, Object>> out = new ArrayList<>();
        if (metas instanceof List<?> list) {
            for (Object meta : list) {
                if (meta instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    private static Map<String, Object> withoutRefs(Map<String, Object> meta) {
        Map<String, Object> copy = new LinkedHashMap<>(meta);
        copy.remove("phx_ref");
        copy.remove("phx_ref_prev");
        return copy;
    }

    private static boolean containsAll(Map<String, Object> meta, Map<String, ?> expected) {
        for (Map.Entry<String, ?> e : expected.entrySet()) {
            if (!meta.containsKey(e.getKey()) || !Payloads.matches(e.getValue(), meta.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** What the test receives as subscriber of a topic. */
    static final class BroadcastInbox extends Waiting<Broadcast> implements Subscriber {
        @Override
        public void onMessage(String topic, Object message) {
            if (message instanceof Broadcast broadcast) {
                add(new Broadcast(broadcast.topic(), broadcast.event(), Payloads.normalize(broadcast.payload())));
            }
        }
    }

    /** What the socket sends to the client, decoded. */
    static final class Inbox extends Waiting<ReceivedMessage> implements Outbound {
        @Override
        public boolean send(Frame frame) {
            add(ReceivedMessage.decode(frame));
            return true;
        }

        @Override
        public void close(int code) {
            add(new ReceivedMessage(null, null, null, "socket_close", code));
        }
    }
}
