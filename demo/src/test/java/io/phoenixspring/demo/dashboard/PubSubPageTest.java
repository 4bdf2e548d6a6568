package io.phoenixspring.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.server.SocketConnection;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.Outbound;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.demo.UserSocket;
import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's PubSub page in-process on the local PubSub and without a MeterRegistry (the slice
 * has none): this node, topics, the dispatch rate of live traffic, and a dropped invalid frame.
 */
@PhoenixTest(components = {ItemStore.class, Notes.class})
class PubSubPageTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    LiveViewTest lv;

    @Autowired
    ChannelTest channels;

    @Autowired
    PubSub pubSub;

    @Autowired
    SocketRuntime runtime;

    @Autowired
    UserSocket userSocket;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private final List<ChannelTest.TestSocket> opened = new ArrayList<>();
    private final AtomicBoolean broadcasting = new AtomicBoolean(true);

    @AfterEach
    void closeSockets() {
        broadcasting.set(false);
        opened.forEach(ChannelTest.TestSocket::close);
    }

    @Test
    void thePubSubPageShowsThisNodeItsTopicsTheLiveRateAndDroppedFrames() throws Exception {
        LiveViewTest.View page = lv.live("/dashboard/pubsub");
        assertThat(page.pageTitle()).isEqualTo("PubSub");
        assertThat(page.hasElement("#menu-pubsub.active")).isTrue();
        assertThat(text(page, "#pubsub-node")).isEqualTo(pubSub.nodeName());
        assertThat(text(page, "#pubsub-name")).isEqualTo(pubSub.name());
        assertThat(text(page, "#pubsub-adapter")).isEqualTo("local");
        assertThat(page.hasElement("#pubsub-redis")).isFalse();
        // A local PubSub hears from no other node.
        assertThat(page.hasElement("#pubsub-nodes-table tbody tr")).isFalse();
        // No MeterRegistry here: the meters' figures are not available, the runtime's are.
        assertThat(text(page, "#pubsub-rate-broadcasts")).isEqualTo("n/a");
        assertThat(text(page, "#dropped-pubsub-malformed")).isEqualTo("n/a");
        // The page's own LiveView topic is subscribed once its join completes: count from the first tick on.
        page.form("#refresh-form", Map.of("refresh", "1")).change();
        await().atMost(WAIT).until(() -> Integer.parseInt(text(page, "#pubsub-topics")) == pubSub.topicCount());
        int topicsBefore = Integer.parseInt(text(page, "#pubsub-topics"));
        long invalidBefore = Long.parseLong(text(page, "#dropped-socket-invalid_message"));

        for (int i = 0; i < 3; i++) {
            ChannelTest.TestSocket socket = channels.socket(UserSocket.class, "user_socket:pubsub" + i, Map.of("user", "pubsub" + i));
            opened.add(socket);
            socket.join("room:pubsub-" + i).assertJoined(Map.of());
        }
        invalidFrame();
        Thread broadcaster = new Thread(() -> {
            while (broadcasting.get()) {
                channels.broadcast("room:pubsub-0", "new_msg", Map.of("body", "hi", "user", "pubsub"));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "pubsub-broadcaster");
        broadcaster.start();

        await().atMost(WAIT).untilAsserted(() -> {
            // Per socket: its id topic, its room and the user:NAME topic its room channel follows.
            assertThat(Integer.parseInt(text(page, "#pubsub-topics"))).isEqualTo(topicsBefore + 9);
            assertThat(Double.parseDouble(text(page, "#pubsub-rate-dispatched"))).isGreaterThan(0);
            assertThat(Long.parseLong(text(page, "#dropped-socket-invalid_message"))).isEqualTo(invalidBefore + 1);
        });
        broadcasting.set(false);
        broadcaster.join();
    }

    /** A frame that is not a Phoenix message, on a real connection of the runtime: it is closed and counted. */
    private void invalidFrame() {
        MountedSocket mount = MountedSocket.of("/socket", userSocket, true, false, Set.of(), TransportOptions.defaults(), context::getBean);
        SocketRuntime.Connected connected = runtime.authorize(mount, Map.of("vsn", "2.0.0", "token", token()),
                ConnectInfo.none(), "websocket").block(WAIT);
        SocketConnection connection = runtime.open(connected, new Outbound() {
            @Override
            public boolean send(Frame frame) {
                return true;
            }

            @Override
            public void close(int code) {
            }
        });
        connection.receive(Frame.text("not a phoenix message"));
        await().atMost(WAIT).until(connection::isClosed);
    }

    @Autowired
    io.phoenixspring.token.PhoenixToken tokens;

    private String token() {
        return tokens.sign(UserSocket.SALT, "pubsub-invalid");
    }

    private static String text(LiveViewTest.View view, String selector) {
        return Jsoup.parse(view.element(selector).render()).text();
    }
}
