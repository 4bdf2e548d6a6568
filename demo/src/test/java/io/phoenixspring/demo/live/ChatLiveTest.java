package io.phoenixspring.demo.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.phoenixspring.demo.UserSocket;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /live-chat} in-process: the view through the real router and {@code /live} socket ({@link LiveViewTest}),
 * channel users of the same room through {@link UserSocket} and the real {@code RoomChannel} ({@link ChannelTest}),
 * one {@link Presence} for both, as in the application.
 */
// The slice loads every LiveView, so the /list page's ItemStore (a plain @Component) is named here.
@PhoenixTest(components = {ItemStore.class, Notes.class})
class ChatLiveTest {

    @Autowired
    LiveViewTest lv;

    @Autowired
    ChannelTest channels;

    @Autowired
    Presence presence;

    private ChannelTest.Joined channelUser(String user, String room) {
        return channels.socket(UserSocket.class, "user_socket:" + user, Map.of("user", user)).subscribeAndJoin("room:" + room);
    }

    @Test
    void theJoinFormPatchesToTheRoomWhereTheViewIsTrackedAndListsTheChannelUsers() {
        LiveViewTest.View view = lv.live("/live-chat");
        assertThat(view.hasElement("#chat")).isFalse();
        view.form("#join-form", Map.of("user", "ada", "room", "r1")).submit();
        view.assertPatch("/live-chat?user=ada&room=r1");
        assertThat(view.element("#room-name").render()).contains("r1");
        assertThat(view.pageTitle()).isEqualTo("Chat · r1");

        ChannelTest.Joined bob = channelUser("bob", "r1");
        assertThat(bob.assertPresent("ada")).singleElement()
                .satisfies(meta -> assertThat(meta).containsEntry("status", "online").containsKey("online_at"));
        awaitOnline(view, List.of("ada:online", "bob:online"));
        assertThat(view.element("#online li[data-user=ada]").render()).contains("class=\"online me\"");

        bob.push("set_status", Map.of("status", "away"));
        awaitOnline(view, List.of("ada:online", "bob:away"));
        view.form("#status-form", Map.of("status", "busy")).change();
        bob.assertPresent("ada", Map.of("status", "busy")).assertPresent("ada", 1);

        bob.leave();
        awaitOnline(view, List.of("ada:busy"));
    }

    @Test
    void aSentMessageIsTheChannelsNewMsgAndChannelMessagesAndApiMessagesArriveInTheStream() {
        ChannelTest.Joined bob = channelUser("bob", "r2");
        LiveViewTest.View view = lv.live("/live-chat?user=ada&room=r2");

        view.form("#message-form", Map.of("body", "  hi bob ")).submit();
        bob.assertPush("new_msg", Map.of("body", "hi bob", "user", "ada"));
        view.assertPushEvent("clear", Map.of("id", "message"));
        awaitMessages(view, List.of("ada: hi bob"));

        bob.push("new_msg", Map.of("body", "hi ada"));
        awaitMessages(view, List.of("ada: hi bob", "bob: hi ada"));
        channels.broadcast("room:r2", "new_msg", Map.of("body", Map.of("json", true), "user", "system"));
        awaitMessages(view, List.of("ada: hi bob", "bob: hi ada", "system: {\"json\":true}"));
        assertThat(view.hasElement("#messages li.system")).isTrue();

        // A body is text, never markup.
        bob.push("new_msg", Map.of("body", "<b>bold</b>"));
        awaitMessages(view, List.of("ada: hi bob", "bob: hi ada", "system: {\"json\":true}", "bob: <b>bold</b>"));
        assertThat(view.hasElement("#messages b")).isFalse();

        // Nothing to send: no broadcast. Another room's messages never show.
        ChannelTest.Joined dan = channelUser("dan", "r2");
        view.form("#message-form", Map.of("body", "   ")).submit();
        dan.refutePush("new_msg", Duration.ofMillis(200));
        channelUser("carl", "other").push("new_msg", Map.of("body", "elsewhere"));
        bob.push("new_msg", Map.of("body", "last"));
        awaitMessages(view, List.of("ada: hi bob", "bob: hi ada", "system: {\"json\":true}", "bob: <b>bold</b>", "bob: last"));
    }

    @Test
    void aChannelTabAndALiveViewTabOfOneUserAreOneUserWithTwoTabsAndLeavingUntracks() {
        ChannelTest.Joined bob = channelUser("bob", "r3");
        channelUser("ada", "r3");
        LiveViewTest.View view = lv.live("/live-chat?user=ada&room=r3");
        bob.assertPresent("ada", 2);
        awaitOnline(view, List.of("ada:online · 2 tabs", "bob:online"));

        view.element("#leave").click();
        view.assertPatch("/live-chat");
        bob.assertPresent("ada", 1);
        assertThat(view.hasElement("#chat")).isFalse();
        assertThat(view.element("#name").render()).contains("value=\"ada\"");

        // Back in the room (a new presence), then the page goes away: its presence leaves with it.
        view.renderPatch("/live-chat?user=ada&room=r3");
        bob.assertPresent("ada", 2);
        view.close();
        bob.assertPresent("ada", 1);
    }

    @Test
    void aCrashedViewLeavesThePresence() {
        ChannelTest.Joined bob = channelUser("bob", "r4");
        LiveViewTest.View view = lv.live("/live-chat?user=ada&room=r4");
        bob.assertPresent("ada");
        assertThatThrownBy(() -> view.renderClick("no-such-event")).isInstanceOf(AssertionError.class);
        bob.assertAbsent("ada");
    }

    @Test
    void theSecretRoomAndBadNamesAreRefusedWithoutTracking() {
        LiveViewTest.View secret = lv.live("/live-chat?user=ada&room=secret");
        assertThat(secret.element("#join-error").render()).contains("could not join room:secret: unauthorized");
        assertThat(secret.hasElement("#chat")).isFalse();
        assertThat(presence.list("room:secret")).isEmpty();

        LiveViewTest.View view = lv.live("/live-chat");
        view.form("#join-form", Map.of("user", "x".repeat(41), "room", "r5")).submit();
        assertThat(view.element("#join-error").render()).contains("at most 40 characters");
        view.renderSubmit("join", Map.of("user", " ", "room", "r5"));
        assertThat(view.element("#join-error").render()).contains("Pick a name and a room");
        assertThat(view.hasElement("#chat")).isFalse();
        assertThat(presence.list("room:r5")).isEmpty();
    }

    private static List<String> messages(LiveViewTest.View view) {
        return Jsoup.parse(view.element("#messages").render()).select("li").stream()
                .map(li -> li.selectFirst(".user").text() + ": " + li.selectFirst(".body").text()).toList();
    }

    private static List<String> online(LiveViewTest.View view) {
        return Jsoup.parse(view.element("#online").render()).select("li").stream()
                .map(li -> li.attr("data-user") + ":" + li.selectFirst(".tabs").text()).toList();
    }

    private static void awaitMessages(LiveViewTest.View view, List<String> expected) {
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(messages(view)).isEqualTo(expected));
    }

    private static void awaitOnline(LiveViewTest.View view, List<String> expected) {
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(online(view)).isEqualTo(expected));
    }
}
