package io.phoenixspring.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.phoenixspring.demo.UserSocket;
import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's presence page in-process: users tracked by the demo's RoomChannel on two topics
 * (one user with two sockets) show as topics, keys and metas, per node, and a topic's keys on click.
 */
@PhoenixTest(components = {ItemStore.class, Notes.class})
class PresencePageTest {

    @Autowired
    LiveViewTest lv;

    @Autowired
    ChannelTest channels;

    @Autowired
    Presence presence;

    @Test
    void thePresencePageShowsTopicsKeysAndMetasPerNodeAndATopicsKeysOnClick() {
        join("ada", "room:presence-a");
        join("ada", "room:presence-a"); // a second tab: one more meta for the key ada
        join("bob", "room:presence-a");
        join("cyd", "room:presence-a");
        join("ada", "room:presence-b");
        join("dan", "room:presence-b");
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.tracker().size("room:presence-a") == 4
                && presence.tracker().size("room:presence-b") == 2);

        LiveViewTest.View page = lv.live("/dashboard/presence");
        assertThat(page.pageTitle()).isEqualTo("Presence");
        assertThat(page.hasElement("#menu-presence.active")).isTrue();

        Element a = row(page, "room:presence-a");
        assertThat(a.attr("data-keys")).isEqualTo("3");
        assertThat(a.attr("data-metas")).isEqualTo("4");
        Element b = row(page, "room:presence-b");
        assertThat(b.attr("data-keys")).isEqualTo("2");
        assertThat(b.attr("data-metas")).isEqualTo("2");
        // Ordered by metas: a before b.
        assertThat(Integer.parseInt(a.id().replace("presence-topic-", "")))
                .isLessThan(Integer.parseInt(b.id().replace("presence-topic-", "")));

        // One node (the local PubSub): all of them are this node's, per topic and in total.
        String node = presence.tracker().replica().substring(0, presence.tracker().replica().lastIndexOf('#'));
        Element perNode = a.selectFirst(".topic-node");
        assertThat(perNode.attr("data-node")).isEqualTo(node);
        assertThat(perNode.attr("data-keys")).isEqualTo("3");
        assertThat(perNode.attr("data-metas")).isEqualTo("4");
        Element self = html(page).selectFirst("#presence-replicas tr[data-status='this node']");
        assertThat(self.attr("data-replica")).isEqualTo(presence.tracker().replica());
        int totalMetas = presence.tracker().topics().stream().mapToInt(presence.tracker()::size).sum();
        assertThat(self.selectFirst(".replica-metas").text()).isEqualTo(String.valueOf(totalMetas));
        assertThat(text(page, "#presence-metas-count")).isEqualTo(String.valueOf(totalMetas));
        assertThat(Integer.parseInt(text(page, "#presence-topics-count"))).isGreaterThanOrEqualTo(2);
        assertThat(page.hasElement("#presence-keys")).isFalse();

        page.element("#" + a.id()).click();
        Element keys = html(page).selectFirst("#presence-keys");
        assertThat(keys.attr("data-topic")).isEqualTo("room:presence-a");
        assertThat(keys.attr("data-total")).isEqualTo("3");
        assertThat(keys.select("tr[data-key]").eachAttr("data-key")).containsExactlyInAnyOrder("ada", "bob", "cyd");
        assertThat(keys.selectFirst("tr[data-key=ada]").attr("data-metas")).isEqualTo("2");
        assertThat(keys.selectFirst("tr[data-key=ada]").text()).contains("status=online");

        // The figures follow: one more user on b, seen at the next refresh.
        join("eve", "room:presence-b");
        page.form("#refresh-form", Map.of("refresh", "1")).change();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(row(page, "room:presence-b").attr("data-metas")).isEqualTo("3"));
        // Clicking the topic shown again hides its keys.
        page.element("#" + row(page, "room:presence-a").id()).click();
        assertThat(page.hasElement("#presence-keys")).isFalse();
        // A hand-made topic that nothing tracks (here 100 KB) is not shown, nor echoed into the page.
        String madeUp = "x".repeat(100_000);
        assertThat(page.renderClick("show_topic", Map.of("topic", madeUp))).doesNotContain(madeUp);
        assertThat(page.hasElement("#presence-keys")).isFalse();
    }

    private void join(String user, String topic) {
        channels.socket(UserSocket.class, "user_socket:" + user, Map.of("user", user)).subscribeAndJoin(topic);
    }

    private static org.jsoup.nodes.Document html(LiveViewTest.View view) {
        return Jsoup.parse(view.render());
    }

    private static Element row(LiveViewTest.View view, String topic) {
        Element row = html(view).selectFirst("#presence-topics tr[data-topic='" + topic + "']");
        assertThat(row).as("the row of " + topic).isNotNull();
        return row;
    }

    private static String text(LiveViewTest.View view, String selector) {
        return Jsoup.parse(view.element(selector).render()).text();
    }
}
