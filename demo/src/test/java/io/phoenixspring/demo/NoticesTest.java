package io.phoenixspring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.SentConn;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.token.PhoenixToken;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's notices, beyond the room contract: {@code user_offline} on {@code notices:lobby} when a
 * user's last presence leaves a room ({@link OfflineNotices}, a {@code PresenceHandler}), and
 * {@code POST /api/users/NAME/notices} reaching NAME's rooms as a {@code notice} push (the room
 * channel follows {@code user:NAME} with {@code socket.subscribe}). Over the wire, with the
 * official client, in a browser and across two nodes: {@link ClusterEndToEndTest},
 * {@link BrowserChatTest}.
 */
// The slice loads every LiveView, so the /list page's ItemStore (a plain @Component) is named here.
@PhoenixTest(components = {ItemStore.class, Notes.class})
class NoticesTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @Autowired
    ConnTest conn;

    @Autowired
    ChannelTest channels;

    @Autowired
    PhoenixToken tokens;

    private ChannelTest.TestSocket connect(String user) {
        return channels.connect(UserSocket.class, Map.of("token", tokens.sign(UserSocket.SALT, user))).orElseThrow();
    }

    @Test
    void aDirectNoticeReachesEveryRoomTabOfThatUserAndNoOneElse() {
        ChannelTest.Joined tab1 = connect("alice").join("room:n-direct");
        ChannelTest.Joined tab2 = connect("alice").join("room:n-direct-2");
        ChannelTest.Joined bob = connect("bob").join("room:n-direct");

        SentConn sent = conn.post("/api/users/alice/notices", Map.of("body", "your turn"));
        assertThat(sent.response(202)).isEqualTo("{\"ok\":true}");

        tab1.assertPush("notice", "{\"body\":\"your turn\"}");
        tab2.assertPush("notice", "{\"body\":\"your turn\"}");
        bob.refutePush("notice", QUIET);
        tab1.refutePush("new_msg", QUIET);
    }

    @Test
    void aNoticeWithoutBodyIsABadRequest() {
        SentConn sent = ConnTest.assertErrorSent(400, () -> conn.post("/api/users/alice/notices", Map.of()));
        assertThat(sent.body()).isEqualTo("{\"errors\":{\"detail\":\"Bad Request\"}}");
    }

    @Test
    void userOfflineOnlyWhenTheLastTabLeavesTheRoom() {
        ChannelTest.Joined lobby = connect("watcher").join(NoticesChannel.TOPIC);
        lobby.assertJoined(Map.of());
        ChannelTest.Joined watcherRoom = connect("watcher").join("room:n-offline");
        ChannelTest.Joined tab1 = connect("dave").join("room:n-offline");
        ChannelTest.Joined tab2 = connect("dave").join("room:n-offline");
        watcherRoom.assertPresent("dave", 2);

        tab1.assertReply(tab1.leave(), "ok");
        watcherRoom.assertPresent("dave", 1);
        lobby.refutePush("user_offline", QUIET);

        tab2.assertReply(tab2.leave(), "ok");
        lobby.assertPush("user_offline", Map.of("user", "dave", "room", "n-offline"));
        lobby.refutePush("user_offline", QUIET);
    }

    @Test
    void theNoticesChannelOnlyListens() {
        ChannelTest.Joined lobby = connect("eve").join(NoticesChannel.TOPIC);
        lobby.push("user_offline", Map.of("user", "bob", "room", "fake"));
        lobby.assertCrashed();
    }
}
