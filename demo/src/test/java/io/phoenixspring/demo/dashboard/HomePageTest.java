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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's home page in-process: versions, and counts that follow the sockets and channels joined. */
@PhoenixTest(components = {ItemStore.class, Notes.class})
class HomePageTest {

    @Autowired
    LiveViewTest lv;

    @Autowired
    ChannelTest channels;

    @Test
    void theHomePageShowsTheVersionsAndCountsTheChannelsJoined() {
        LiveViewTest.View home = lv.live("/dashboard");
        assertThat(home.pageTitle()).isEqualTo("Home");
        assertThat(home.element("#home-spring-boot-version").render()).contains(org.springframework.boot.SpringBootVersion.getVersion());
        assertThat(home.element("#home-java-version").render()).contains(String.valueOf(Runtime.version().feature()));
        assertThat(home.hasElement("#menu-home.active")).isTrue();

        channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada")).subscribeAndJoin("room:dash");
        channels.socket(UserSocket.class, "user_socket:bob", Map.of("user", "bob")).subscribeAndJoin("room:dash");

        home.form("#refresh-form", Map.of("refresh", "1")).change();
        assertThat(text(home, "#refresh-select option[selected]")).isEqualTo("1s");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                // The two room channels and the dashboard page itself (a LiveView is a channel on /live).
                assertThat(text(home, "#home-channels")).isEqualTo("3"));
        assertThat(Integer.parseInt(text(home, "#home-presences"))).isGreaterThanOrEqualTo(2);
    }

    private static String text(LiveViewTest.View view, String selector) {
        return org.jsoup.Jsoup.parse(view.element(selector).render()).text();
    }
}
