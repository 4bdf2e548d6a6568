package io.phoenixspring.channels.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.phoenixspring.channels.channel.Event;
import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleInfo;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.channels.server.ChannelBehaviourTest.Memory;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.channels.support.LogCapture;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code socket.subscribe(topic)} from a channel, Phoenix's {@code Endpoint.subscribe} in a channel
 * process: broadcasts on the followed topic reach handle_info as a {@link Broadcast}, in order, and
 * the subscription ends with the channel however it ends, leaving nothing in the PubSub registry.
 */
class SocketSubscribeTest {

    private final PubSub pubSub = PubSub.builder().build();
    private final SocketRuntime runtime = new SocketRuntime(pubSub, ChannelsMetrics.noop());

    @AfterEach
    void close() {
        runtime.close();
        pubSub.close();
    }

    /** Follows "user:NAME" and "system" from join; pushes each broadcast it gets there to its client. */
    @PhoenixChannel
    static class FollowingChannel {

        @Join
        JoinResult join(String topic, JsonNode payload, Socket socket) {
            socket.subscribe("user:" + socket.assign("user"));
            socket.subscribe("system");
            socket.subscribe("system"); // twice is one subscription
            return payload.path("refuse").asBoolean() ? JoinResult.error(Map.of("reason", "refused")) : JoinResult.ok();
        }

        @HandleInfo
        HandleResult followed(Broadcast broadcast, Socket socket) {
            socket.push(broadcast.topic() + "/" + broadcast.event(), broadcast.payload());
            return HandleResult.noReply();
        }

        @HandleIn("unfollow")
        HandleResult unfollow(JsonNode payload, Socket socket) {
            socket.unsubscribe(payload.path("topic").asString());
            return HandleResult.ok();
        }

        @HandleIn("crash")
        HandleResult crash() {
            throw new IllegalStateException("crash requested by the test");
        }

        @HandleIn("stop")
        HandleResult stop() {
            return HandleResult.stop("normal");
        }

        @HandleIn
        HandleResult other(@Event String event) {
            return HandleResult.ok();
        }
    }

    private static SocketConnection connect(SocketRuntime runtime, Memory memory) {
        SocketHandler handler = new SocketHandler() {
            @Override
            public void channels(ChannelRoutes routes) {
                routes.channel("room:*", new FollowingChannel());
            }

            @Override
            public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
                socket.assign("user", "ada");
                return ConnectResult.ok();
            }
        };
        MountedSocket mount = MountedSocket.of("/socket", handler, true, false, Set.of(), TransportOptions.defaults(),
                type -> null);
        return runtime.open(runtime.authorize(mount, Map.of("vsn", "2.0.0"), null, "websocket").block(), memory);
    }

    /** Local subscriptions to {@code topic}, counted by a dispatcher that delivers nothing. */
    static int subscriptions(PubSub pubSub, String topic) {
        AtomicInteger count = new AtomicInteger();
        pubSub.localBroadcast(topic, "count", (t, subscriptions, from, message) -> subscriptions.forEach(s -> count.incrementAndGet()));
        return count.get();
    }

    private static void send(SocketConnection connection, String frame) {
        connection.receive(io.phoenixspring.channels.message.Frame.text(frame));
    }

    @Test
    void broadcastsOnAFollowedTopicReachHandleInfoInOrder() throws Exception {
        Memory memory = new Memory();
        SocketConnection connection = connect(runtime, memory);
        send(connection, "[\"1\",\"1\",\"room:1\",\"phx_join\",{}]");
        assertThat(memory.next()).contains("phx_reply", "\"ok\"");
        for (int i = 0; i < 200; i++) {
            runtime.broadcast(null, i % 2 == 0 ? "user:ada" : "system", "n", Map.of("i", i));
        }
        for (int i = 0; i < 200; i++) {
            String topic = i % 2 == 0 ? "user:ada" : "system";
            assertThat(memory.next()).isEqualTo("[\"1\",null,\"room:1\",\"" + topic + "/n\",{\"i\":" + i + "}]");
        }
        assertThat(subscriptions(pubSub, "system")).as("subscribing twice is one subscription").isEqualTo(1);

        send(connection, "[\"1\",\"2\",\"room:1\",\"unfollow\",{\"topic\":\"system\"}]");
        assertThat(memory.next()).contains("phx_reply");
        assertThat(subscriptions(pubSub, "system")).isZero();
        runtime.broadcast(null, "system", "gone", Map.of());
        runtime.broadcast(null, "user:ada", "still", Map.of());
        assertThat(memory.next()).isEqualTo("[\"1\",null,\"room:1\",\"user:ada/still\",{}]");
    }

    @Test
    void noSubscriptionIsLeftAfterAThousandJoinCrashCycles() throws Exception {
        Memory memory = new Memory();
        SocketConnection connection = connect(runtime, memory);
        // 1,000 crashes on purpose: keep their error lines (with stacks) out of the build log.
        try (LogCapture quiet = new LogCapture().level(ChannelServer.class.getName(), Level.OFF)) {
            for (int i = 1; i <= 1000; i++) {
                String joinRef = String.valueOf(i);
                send(connection, "[\"" + joinRef + "\",\"" + joinRef + "\",\"room:1\",\"phx_join\",{}]");
                assertThat(memory.next()).contains("phx_reply", "\"ok\"");
                if (i == 1) {
                    assertThat(subscriptions(pubSub, "user:ada")).isEqualTo(1);
                    assertThat(subscriptions(pubSub, "system")).isEqualTo(1);
                }
                send(connection, "[\"" + joinRef + "\",\"c" + i + "\",\"room:1\",\"crash\",{}]");
                assertThat(memory.next()).contains("phx_error");
            }
        }
        assertThat(subscriptions(pubSub, "user:ada")).isZero();
        assertThat(subscriptions(pubSub, "system")).isZero();
        assertThat(subscriptions(pubSub, "room:1")).isZero();
        runtime.broadcast(null, "system", "after", Map.of());
        assertThat(memory.frames.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void subscriptionsEndWhenTheChannelLeavesStopsIsRefusedReplacedOrItsSocketCloses() throws Exception {
        Memory memory = new Memory();
        SocketConnection connection = connect(runtime, memory);

        send(connection, "[\"1\",\"1\",\"room:1\",\"phx_join\",{}]");
        memory.next();
        send(connection, "[\"1\",\"2\",\"room:1\",\"phx_leave\",{}]");
        await().atMost(Duration.ofSeconds(5)).until(() -> memory.frames.stream().anyMatch(f -> f.contains("phx_close")));
        assertThat(subscriptions(pubSub, "user:ada")).as("after leave").isZero();
        assertThat(subscriptions(pubSub, "system")).as("after leave").isZero();

        memory.frames.clear();
        send(connection, "[\"3\",\"3\",\"room:1\",\"phx_join\",{}]");
        send(connection, "[\"3\",\"4\",\"room:1\",\"stop\",{}]");
        await().atMost(Duration.ofSeconds(5)).until(() -> memory.frames.stream().anyMatch(f -> f.contains("phx_close")));
        assertThat(subscriptions(pubSub, "user:ada")).as("after stop").isZero();

        memory.frames.clear();
        send(connection, "[\"5\",\"5\",\"room:1\",\"phx_join\",{\"refuse\":true}]");
        await().atMost(Duration.ofSeconds(5)).until(() -> memory.frames.stream().anyMatch(f -> f.contains("refused")));
        assertThat(subscriptions(pubSub, "user:ada")).as("after a refused join").isZero();

        memory.frames.clear();
        send(connection, "[\"6\",\"6\",\"room:1\",\"phx_join\",{}]");
        send(connection, "[\"7\",\"7\",\"room:1\",\"phx_join\",{}]");
        await().atMost(Duration.ofSeconds(5)).until(() -> memory.frames.stream().anyMatch(f -> f.startsWith("[\"7\",\"7\"")));
        assertThat(subscriptions(pubSub, "user:ada")).as("after a duplicate join replaced the channel").isEqualTo(1);
        send(connection, "[\"8\",\"8\",\"room:2\",\"phx_join\",{}]");
        await().atMost(Duration.ofSeconds(5)).until(() -> subscriptions(pubSub, "user:ada") == 2);

        connection.closed();
        await().atMost(Duration.ofSeconds(5)).until(() -> subscriptions(pubSub, "user:ada") == 0);
        assertThat(subscriptions(pubSub, "system")).as("after the socket closed").isZero();
    }

    @Test
    void broadcastsFromAnotherNodeReachTheFollowingChannelUntilItLeaves() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            PubSub nodeA = node(redis, "a");
            PubSub nodeB = node(redis, "b");
            try (SocketRuntime onA = new SocketRuntime(nodeA, ChannelsMetrics.noop());
                    SocketRuntime onB = new SocketRuntime(nodeB, ChannelsMetrics.noop())) {
                Memory memory = new Memory();
                SocketConnection connection = connect(onA, memory);
                send(connection, "[\"1\",\"1\",\"room:1\",\"phx_join\",{}]");
                assertThat(memory.next()).contains("\"ok\"");
                onB.broadcast(null, "user:ada", "notice", Map.of("from", "b")).get(5, TimeUnit.SECONDS);
                assertThat(memory.next()).isEqualTo("[\"1\",null,\"room:1\",\"user:ada/notice\",{\"from\":\"b\"}]");

                send(connection, "[\"1\",\"2\",\"room:1\",\"phx_leave\",{}]");
                await().atMost(Duration.ofSeconds(5)).until(() -> subscriptions(nodeA, "user:ada") == 0);
                memory.frames.clear();
                onB.broadcast(null, "user:ada", "late", Map.of()).get(5, TimeUnit.SECONDS);
                assertThat(memory.frames.poll(300, TimeUnit.MILLISECONDS)).isNull();
            } finally {
                nodeA.close();
                nodeB.close();
            }
        }
    }

    private static PubSub node(RedisServer redis, String name) throws Exception {
        RedisPubSubAdapter adapter = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(redis.url()), "phoenix");
        PubSub node = PubSub.builder().nodeName(name).adapter(adapter).build();
        adapter.ready().get(10, TimeUnit.SECONDS);
        return node;
    }
}
