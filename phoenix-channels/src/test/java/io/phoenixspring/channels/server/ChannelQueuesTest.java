package io.phoenixspring.channels.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
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
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.pubsub.PubSub;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read-only queue figures a dashboard shows: mailbox depth per joined channel, slow consumers. */
class ChannelQueuesTest {

    private final PubSub pubSub = PubSub.builder().build();
    // A composite with no registries: its counters count nothing, the runtime's own figures still do.
    private final SocketRuntime runtime = new SocketRuntime(pubSub, new ChannelsMetrics(new CompositeMeterRegistry()));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        runtime.close();
        pubSub.close();
    }

    /** Frames are counted, and refused once {@code limit} were sent. */
    static final class Counting implements Outbound {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger closedWith = new AtomicInteger();
        volatile int limit = Integer.MAX_VALUE;

        @Override
        public boolean send(Frame frame) {
            return sent.incrementAndGet() <= limit;
        }

        @Override
        public void close(int code) {
            closedWith.set(code);
        }

        @Override
        public int queued() {
            return 42;
        }
    }

    /** handle_in "block" waits until the test releases it; "ok" replies at once. */
    private Channel channel() {
        return new Channel() {
            @Override
            public Object join(String topic, Object payload, Socket socket) {
                return JoinResult.ok();
            }

            @Override
            public Object handleIn(String event, Object payload, Socket socket) {
                if (event.equals("block")) {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return HandleResult.noReply();
            }
        };
    }

    private SocketConnection connect(Outbound outbound) {
        Channel channel = channel();
        SocketHandler handler = new SocketHandler() {
            @Override
            public void channels(ChannelRoutes routes) {
                routes.channel("room:*", channel);
            }

            @Override
            public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
                return ConnectResult.ok();
            }

            @Override
            public String id(Socket socket) {
                return null;
            }
        };
        MountedSocket mount = MountedSocket.of("/socket", handler, true, false, Set.of(), TransportOptions.defaults(), type -> null);
        SocketRuntime.Connected connected = runtime.authorize(mount, Map.of("vsn", "2.0.0"), null, "websocket").block();
        return runtime.open(connected, outbound);
    }

    private static void join(SocketConnection connection, String topic) {
        connection.receive(Frame.text("[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{}]"));
    }

    private static void push(SocketConnection connection, String topic, String event) {
        connection.receive(Frame.text("[\"1\",\"2\",\"" + topic + "\",\"" + event + "\",{}]"));
    }

    @Test
    void deepestMailboxesListsTheJoinedChannelsWithTheMostMessagesWaitingDeepestFirst() {
        Counting outbound = new Counting();
        SocketConnection connection = connect(outbound);
        join(connection, "room:busy");
        join(connection, "room:some");
        join(connection, "room:idle");
        await().atMost(Duration.ofSeconds(5)).until(() -> outbound.sent.get() == 3);

        push(connection, "room:busy", "block");
        for (int i = 0; i < 5; i++) {
            push(connection, "room:busy", "ok");
        }
        push(connection, "room:some", "block");
        push(connection, "room:some", "ok");
        push(connection, "room:some", "ok");

        // The blocking message runs; those behind it wait.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(runtime.deepestMailboxes(10)).containsExactly(
                new ChannelQueue("", "websocket", "room:busy", "room:*", 5, 42),
                new ChannelQueue("", "websocket", "room:some", "room:*", 2, 42),
                new ChannelQueue("", "websocket", "room:idle", "room:*", 0, 42)));
        assertThat(runtime.deepestMailboxes(1)).extracting(ChannelQueue::topic).containsExactly("room:busy");
        assertThat(runtime.deepestMailboxes(0)).isEmpty();

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(runtime.deepestMailboxes(10)).extracting(ChannelQueue::depth).containsOnly(0));
    }

    @Test
    void slowConsumersAreCountedByTheRuntimeWhateverTheRegistry() {
        Counting slow = new Counting();
        slow.limit = 1;
        SocketConnection connection = connect(slow);
        join(connection, "room:a");
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.sent.get() == 1);
        assertThat(runtime.metrics().slowConsumerDisconnects()).isZero();

        runtime.broadcast(null, "room:a", "new_msg", Map.of("body", "hi"));

        await().atMost(Duration.ofSeconds(5)).until(() -> slow.closedWith.get() == SocketConnection.CLOSE_TRY_AGAIN_LATER);
        assertThat(runtime.metrics().slowConsumerDisconnects()).isEqualTo(1);
        assertThat(runtime.metrics().invalidMessages()).isZero();

        Counting other = new Counting();
        SocketConnection bad = connect(other);
        bad.receive(Frame.text("not json"));
        assertThat(runtime.metrics().invalidMessages()).isEqualTo(1);
    }
}
