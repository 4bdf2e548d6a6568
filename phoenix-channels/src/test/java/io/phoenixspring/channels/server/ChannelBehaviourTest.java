package io.phoenixspring.channels.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phoenixspring.channels.channel.Channel;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.Outbound;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.channels.socket.SocketRef;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.pubsub.PubSub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The channel process model, in-process: one message at a time per channel, channels in
 * parallel, async results, info messages, interception, monitors, slow consumers and metrics.
 */
class ChannelBehaviourTest {

    private final PubSub pubSub = PubSub.builder().build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SocketRuntime runtime = new SocketRuntime(pubSub, new ChannelsMetrics(meters));

    @AfterEach
    void close() {
        runtime.close();
        pubSub.close();
    }

    /** An in-memory transport: frames land in a queue. */
    static final class Memory implements Outbound {
        final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final AtomicInteger closedWith = new AtomicInteger();
        volatile boolean refuse;

        @Override
        public boolean send(Frame frame) {
            return !refuse && frames.add(frame.binary() ? "binary" : frame.text());
        }

        @Override
        public void close(int code) {
            closedWith.set(code);
        }

        String next() throws InterruptedException {
            String frame = frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 5 s").isNotNull();
            return frame;
        }
    }

    private SocketConnection connect(Channel channel, Memory memory) {
        SocketHandler handler = new SocketHandler() {
            @Override
            public void channels(ChannelRoutes routes) {
                routes.channel("room:*", channel);
            }

            @Override
            public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
                socket.assign("user", "ada");
                return ConnectResult.ok();
            }

            @Override
            public String id(Socket socket) {
                return "user_socket:ada";
            }
        };
        MountedSocket mount = MountedSocket.of("/socket", handler, true, false, Set.of(), TransportOptions.defaults(), type -> null);
        SocketRuntime.Connected connected = runtime.authorize(mount, Map.of("vsn", "2.0.0"), null, "websocket").block();
        return runtime.open(connected, memory);
    }

    private static void push(SocketConnection connection, String frame) {
        connection.receive(Frame.text(frame));
    }

    /** A channel whose handle_in is given per test. */
    interface In {
        Object handle(String event, Object payload, Socket socket) throws Exception;
    }

    private static Channel channel(In in) {
        return new Channel() {
            @Override
            public Object join(String topic, Object payload, Socket socket) {
                return JoinResult.ok();
            }

            @Override
            public Object handleIn(String event, Object payload, Socket socket) {
                try {
                    return in.handle(event, payload, socket);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Test
    void handlersOfOneChannelNeverRunConcurrentlyAndReplyInOrder() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        Memory memory = new Memory();
        SocketConnection connection = connect(channel((event, payload, socket) -> {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.sleep(5);
            inside.decrementAndGet();
            return HandleResult.ok(payload);
        }), memory);
        push(connection, "[\"1\",\"1\",\"room:a\",\"phx_join\",{}]");
        memory.next();
        for (int i = 0; i < 20; i++) {
            push(connection, "[\"1\",\"" + (i + 2) + "\",\"room:a\",\"ping\"," + i + "]");
        }
        for (int i = 0; i < 20; i++) {
            assertThat(memory.next()).isEqualTo("[\"1\",\"" + (i + 2) + "\",\"room:a\",\"phx_reply\",{\"response\":" + i + ",\"status\":\"ok\"}]");
        }
        assertThat(maxInside.get()).isEqualTo(1);
    }

    @Test
    void aBlockedChannelStallsNeitherOtherChannelsNorTheSocket() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Memory memory = new Memory();
        SocketConnection connection = connect(channel((event, payload, socket) -> {
            if (event.equals("block")) {
                release.await(10, TimeUnit.SECONDS);
            }
            return HandleResult.ok(Map.of("event", event));
        }), memory);
        push(connection, "[\"1\",\"1\",\"room:slow\",\"phx_join\",{}]");
        push(connection, "[\"2\",\"2\",\"room:fast\",\"phx_join\",{}]");
        memory.next();
        memory.next();
        push(connection, "[\"1\",\"3\",\"room:slow\",\"block\",{}]");
        push(connection, "[\"2\",\"4\",\"room:fast\",\"ping\",{}]");
        push(connection, "[null,\"5\",\"phoenix\",\"heartbeat\",{}]");
        List<String> beforeRelease = List.of(memory.next(), memory.next());
        assertThat(beforeRelease).containsExactlyInAnyOrder(
                "[\"2\",\"4\",\"room:fast\",\"phx_reply\",{\"response\":{\"event\":\"ping\"},\"status\":\"ok\"}]",
                "[null,\"5\",\"phoenix\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        release.countDown();
        assertThat(memory.next()).isEqualTo("[\"1\",\"3\",\"room:slow\",\"phx_reply\",{\"response\":{\"event\":\"block\"},\"status\":\"ok\"}]");
    }

    @Test
    void monoResultsKeepOneMessageAtATime() throws Exception {
        Memory memory = new Memory();
        SocketConnection connection = connect(channel((event, payload, socket) ->
                Mono.delay(Duration.ofMillis(event.equals("slow") ? 100 : 1)).map(tick -> HandleResult.ok(Map.of("event", event)))), memory);
        push(connection, "[\"1\",\"1\",\"room:m\",\"phx_join\",{}]");
        memory.next();
        push(connection, "[\"1\",\"2\",\"room:m\",\"slow\",{}]");
        push(connection, "[\"1\",\"3\",\"room:m\",\"quick\",{}]");
        assertThat(memory.next()).contains("\"2\"", "slow");
        assertThat(memory.next()).contains("\"3\"", "quick");
    }

    @Test
    void aFailedMonoCrashesTheChannel() throws Exception {
        Memory memory = new Memory();
        SocketConnection connection = connect(channel((event, payload, socket) ->
                Mono.error(new IllegalStateException("async failure"))), memory);
        push(connection, "[\"1\",\"1\",\"room:m\",\"phx_join\",{}]");
        memory.next();
        push(connection, "[\"1\",\"2\",\"room:m\",\"boom\",{}]");
        assertThat(memory.next()).isEqualTo("[\"1\",\"1\",\"room:m\",\"phx_error\",{}]");
    }

    @Test
    void socketRefRepliesLaterFromAnyThread() throws Exception {
        Memory memory = new Memory();
        SocketConnection connection = connect(channel((event, payload, socket) -> {
            SocketRef ref = socket.socketRef();
            new Thread(() -> ref.reply("ok", Map.of("later", true))).start();
            return HandleResult.noReply();
        }), memory);
        push(connection, "[\"1\",\"1\",\"room:r\",\"phx_join\",{}]");
        memory.next();
        push(connection, "[\"1\",\"7\",\"room:r\",\"work\",{}]");
        assertThat(memory.next()).isEqualTo("[\"1\",\"7\",\"room:r\",\"phx_reply\",{\"response\":{\"later\":true},\"status\":\"ok\"}]");
    }

    @Test
    void infoMessagesInterceptedBroadcastsAndMonitors() throws Exception {
        List<String> exits = new CopyOnWriteArrayList<>();
        Memory memory = new Memory();
        Channel channel = new Channel() {
            @Override
            public Object join(String topic, Object payload, Socket socket) {
                socket.monitor(exits::add);
                socket.send("after_join");
                return JoinResult.ok();
            }

            @Override
            public Object handleIn(String event, Object payload, Socket socket) {
                socket.sendAfter(Map.of("tick", 1), Duration.ofMillis(20));
                return HandleResult.noReply();
            }

            @Override
            public Set<String> intercepts() {
                return Set.of("secret");
            }

            @Override
            public Object handleOut(String event, Object payload, Socket socket) {
                socket.push(event, Map.of("redacted", true));
                return HandleResult.noReply();
            }

            @Override
            public Object handleInfo(Object message, Socket socket) {
                socket.push("info", Map.of("got", message.toString()));
                return HandleResult.noReply();
            }
        };
        SocketConnection connection = connect(channel, memory);
        push(connection, "[\"1\",\"1\",\"room:i\",\"phx_join\",{}]");
        assertThat(memory.next()).contains("phx_reply");
        assertThat(memory.next()).isEqualTo("[\"1\",null,\"room:i\",\"info\",{\"got\":\"after_join\"}]");
        push(connection, "[\"1\",\"2\",\"room:i\",\"later\",{}]");
        assertThat(memory.next()).isEqualTo("[\"1\",null,\"room:i\",\"info\",{\"got\":\"{tick=1}\"}]");
        runtime.broadcast(null, "room:i", "secret", Map.of("password", "hunter2")).join();
        assertThat(memory.next()).isEqualTo("[\"1\",null,\"room:i\",\"secret\",{\"redacted\":true}]");
        runtime.broadcast(null, "room:i", "public", Map.of("hello", "all")).join();
        assertThat(memory.next()).isEqualTo("[null,null,\"room:i\",\"public\",{\"hello\":\"all\"}]");
        push(connection, "[\"1\",\"3\",\"room:i\",\"phx_leave\",{}]");
        memory.next();
        memory.next();
        assertThat(exits).containsExactly("shutdown: left");
    }

    @Test
    void broadcastFromSkipsTheSender() throws Exception {
        Memory alice = new Memory();
        Memory bob = new Memory();
        Channel channel = channel((event, payload, socket) -> {
            socket.broadcastFrom("shout", payload);
            return HandleResult.noReply();
        });
        SocketConnection a = connect(channel, alice);
        SocketConnection b = connect(channel, bob);
        push(a, "[\"1\",\"1\",\"room:b\",\"phx_join\",{}]");
        push(b, "[\"1\",\"1\",\"room:b\",\"phx_join\",{}]");
        alice.next();
        bob.next();
        push(a, "[\"1\",\"2\",\"room:b\",\"shout\",{\"hi\":1}]");
        assertThat(bob.next()).isEqualTo("[null,null,\"room:b\",\"shout\",{\"hi\":1}]");
        assertThat(alice.frames.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aSlowConsumerIsDisconnectedAndCounted() throws Exception {
        Memory memory = new Memory();
        SocketConnection connection = connect(channel((event, payload, socket) -> HandleResult.ok()), memory);
        push(connection, "[\"1\",\"1\",\"room:s\",\"phx_join\",{}]");
        memory.next();
        memory.refuse = true;
        runtime.broadcast(null, "room:s", "flood", Map.of()).join();
        await().atMost(Duration.ofSeconds(5)).until(() -> memory.closedWith.get() == SocketConnection.CLOSE_TRY_AGAIN_LATER);
        assertThat(connection.isClosed()).isTrue();
        assertThat(meters.get("phoenix.socket.slow_consumer_disconnects").counter().count()).isEqualTo(1.0);
    }

    @Test
    void crashesRunMonitorsAndAreCounted() throws Exception {
        AtomicBoolean exited = new AtomicBoolean();
        Memory memory = new Memory();
        Channel channel = new Channel() {
            @Override
            public Object join(String topic, Object payload, Socket socket) {
                socket.monitor(reason -> exited.set(reason.startsWith("crash")));
                return JoinResult.ok();
            }

            @Override
            public Object handleIn(String event, Object payload, Socket socket) {
                throw new IllegalArgumentException("bad " + ((JsonNode) payload).get("n"));
            }
        };
        SocketConnection connection = connect(channel, memory);
        push(connection, "[\"1\",\"1\",\"room:c\",\"phx_join\",{}]");
        memory.next();
        push(connection, "[\"1\",\"2\",\"room:c\",\"boom\",{\"n\":1}]");
        assertThat(memory.next()).isEqualTo("[\"1\",\"1\",\"room:c\",\"phx_error\",{}]");
        assertThat(exited).isTrue();
        assertThat(meters.get("phoenix.channel.exits").tag("reason", "crashed").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("phoenix.channel.join").tag("result", "ok").timer().count()).isEqualTo(1);
        assertThat(meters.get("phoenix.socket.connect").tag("result", "ok").timer().count()).isEqualTo(1);
        assertThat(meters.get("phoenix.channel.handle_in").tag("result", "crash").timer().count()).isEqualTo(1);
        List<String> none = new ArrayList<>(memory.frames);
        assertThat(none).isEmpty();
    }

    @Test
    void connectJoinAndHandleInAreObserved() throws Exception {
        List<String> observed = new CopyOnWriteArrayList<>();
        io.micrometer.observation.ObservationRegistry observations = io.micrometer.observation.ObservationRegistry.create();
        observations.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
            @Override
            public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(io.micrometer.observation.Observation.Context context) {
                observed.add(context.getName() + " " + context.getLowCardinalityKeyValues().stream()
                        .map(kv -> kv.getKey() + "=" + kv.getValue()).toList()
                        + (context.getError() == null ? "" : " error"));
            }
        });
        try (SocketRuntime observedRuntime = new SocketRuntime(pubSub, new ChannelsMetrics(new SimpleMeterRegistry(), observations))) {
            SocketHandler handler = new SocketHandler() {
                @Override
                public void channels(ChannelRoutes routes) {
                    routes.channel("room:*", channel((event, payload, socket) -> {
                        if (event.equals("boom")) {
                            throw new IllegalStateException("boom");
                        }
                        return HandleResult.ok();
                    }));
                }

                @Override
                public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
                    return ConnectResult.ok();
                }
            };
            MountedSocket mount = MountedSocket.of("/socket", handler, true, false, Set.of(), TransportOptions.defaults(), type -> null);
            Memory memory = new Memory();
            SocketConnection connection = observedRuntime.open(
                    observedRuntime.authorize(mount, Map.of("vsn", "2.0.0"), null, "websocket").block(), memory);
            push(connection, "[\"1\",\"1\",\"room:o\",\"phx_join\",{}]");
            memory.next();
            push(connection, "[\"1\",\"2\",\"room:o\",\"ping\",{}]");
            memory.next();
            push(connection, "[\"1\",\"3\",\"room:o\",\"boom\",{}]");
            memory.next();
        }
        // Named as Phoenix's telemetry events; low cardinality holds patterns and handler names only.
        assertThat(observed).containsExactly(
                "phoenix.socket_connected [socket=, transport=websocket]",
                "phoenix.channel_joined [channel=room:*, socket=]",
                "phoenix.channel_handled_in [channel=room:*, socket=]",
                "phoenix.channel_handled_in [channel=room:*, socket=] error");
    }

    @Test
    void closingTheSocketEndsEveryChannel() throws Exception {
        List<String> exits = new CopyOnWriteArrayList<>();
        Memory memory = new Memory();
        Channel channel = new Channel() {
            @Override
            public Object join(String topic, Object payload, Socket socket) {
                socket.monitor(exits::add);
                return JoinResult.ok();
            }

            @Override
            public Object handleIn(String event, Object payload, Socket socket) {
                return HandleResult.noReply();
            }
        };
        SocketConnection connection = connect(channel, memory);
        push(connection, "[\"1\",\"1\",\"room:x\",\"phx_join\",{}]");
        push(connection, "[\"2\",\"2\",\"room:y\",\"phx_join\",{}]");
        memory.next();
        memory.next();
        connection.closed();
        await().atMost(Duration.ofSeconds(5)).until(() -> exits.size() == 2);
        assertThat(exits).allMatch(reason -> reason.equals("shutdown: closed"));
        assertThat(runtime.connectionCount()).isZero();
        assertThat(meters.get("phoenix.socket.disconnects").tag("reason", "closed").counter().count()).isEqualTo(1.0);
    }
}
