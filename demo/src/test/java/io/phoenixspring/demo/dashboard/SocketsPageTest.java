package io.phoenixspring.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.phoenixspring.demo.UserSocket;
import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's sockets page in-process, with real traffic: sockets joining room channels on two
 * topics and broadcasts on one; the page's counts must move by exactly what the test generated.
 */
@PhoenixTest(components = {ItemStore.class, Notes.class})
class SocketsPageTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** ChannelTest's sockets: its wrapper is the handler, "test" the transport. */
    private static final String TEST_SOCKETS = "#sockets-count-Routed-test";
    private static final String ROOMS = "#channels-joined-room__";

    @Autowired
    LiveViewTest lv;

    @Autowired
    ChannelTest channels;

    private final List<ChannelTest.TestSocket> opened = new ArrayList<>();
    private final AtomicBoolean broadcasting = new AtomicBoolean(true);

    @AfterEach
    void closeSockets() {
        broadcasting.set(false);
        opened.forEach(ChannelTest.TestSocket::close);
    }

    @Test
    void theSocketsPageCountsTheSocketsChannelsAndTopicSubscribersGeneratedAndTheBusyTopicsRate() throws Exception {
        LiveViewTest.View page = lv.live("/dashboard/sockets");
        assertThat(page.pageTitle()).isEqualTo("Sockets & channels");
        assertThat(page.hasElement("#menu-sockets.active")).isTrue();
        int socketsBefore = number(page, TEST_SOCKETS);
        int roomsBefore = number(page, ROOMS);
        int slowBefore = number(page, "#sockets-slow-consumers");

        int sockets = 4;
        for (int i = 0; i < sockets; i++) {
            ChannelTest.TestSocket socket = channels.socket(UserSocket.class, "user_socket:dash" + i, Map.of("user", "dash" + i));
            opened.add(socket);
            socket.join("room:dash-busy").assertJoined(Map.of());
            if (i < 2) {
                socket.join("room:dash-quiet").assertJoined(Map.of());
            }
        }
        // Broadcasts keep coming on the busy topic while the page refreshes, so some interval sees them.
        AtomicInteger sent = new AtomicInteger();
        Thread broadcaster = new Thread(() -> {
            while (broadcasting.get()) {
                channels.broadcast("room:dash-busy", "new_msg", Map.of("body", "hi", "user", "dash"));
                sent.incrementAndGet();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "dash-broadcaster");
        broadcaster.start();

        page.form("#refresh-form", Map.of("refresh", "1")).change();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(number(page, TEST_SOCKETS)).isEqualTo(socketsBefore + sockets);
            assertThat(number(page, ROOMS)).isEqualTo(roomsBefore + sockets + 2);
            assertThat(number(page, "#topic-subscribers-room_dash-busy .subscribers")).isEqualTo(sockets);
            assertThat(number(page, "#topic-subscribers-room_dash-quiet .subscribers")).isEqualTo(2);
            assertThat(rate(page, "#topic-rate-room_dash-busy .rate")).isGreaterThan(0);
        });
        broadcasting.set(false);
        broadcaster.join();
        assertThat(sent.get()).isPositive();
        // The busy topic is the busiest: nothing else broadcasts here.
        assertThat(text(page, "#topics-rate-table tbody tr:first-child .topic")).isEqualTo("room:dash-busy");
        assertThat(number(page, "#sockets-slow-consumers")).isEqualTo(slowBefore);
        // Every joined channel has its mailbox listed (up to ten), idle ones at 0.
        assertThat(page.hasElement("#mailbox-0")).isTrue();
        assertThat(number(page, "#mailbox-0 .depth")).isGreaterThanOrEqualTo(0);

        opened.forEach(ChannelTest.TestSocket::close);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(number(page, TEST_SOCKETS)).isEqualTo(socketsBefore);
            assertThat(number(page, ROOMS)).isEqualTo(roomsBefore);
            assertThat(page.hasElement("#topic-subscribers-room_dash-busy")).isFalse();
        });
        opened.clear();
    }

    private static String text(LiveViewTest.View view, String selector) {
        return Jsoup.parse(view.element(selector).render()).text();
    }

    /** The number an element shows; 0 when the row is absent (nothing of that kind yet). */
    private static int number(LiveViewTest.View view, String selector) {
        return view.hasElement(selector) ? Integer.parseInt(text(view, selector)) : 0;
    }

    private static double rate(LiveViewTest.View view, String selector) {
        return view.hasElement(selector) ? Double.parseDouble(text(view, selector)) : 0;
    }
}
