package io.phoenixspring.test.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.token.PhoenixToken;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The testing_channels guide's examples through the slice: the app's socket, channel and presence. */
@PhoenixTest(Notes.class)
class RoomChannelTest {

    @Autowired
    ChannelTest channels;
    @Autowired
    PhoenixToken tokens;

    @Test
    void connectVerifiesTheTokenAndJoinReplies() {
        assertThat(channels.connect(UserSocket.class, Map.of("token", "forged"))).isEmpty();
        ChannelTest.TestSocket socket = channels.connect(UserSocket.class,
                Map.of("token", tokens.sign("user socket", "ada"))).orElseThrow();
        assertThat(socket.id()).isEqualTo("user_socket:ada");
        ChannelTest.Joined room = socket.subscribeAndJoin("room:lobby").assertJoined(Map.of("user", "ada"));
        room.assertReply(room.push("ping", Map.of("hello", "there")), "ok", Map.of("hello", "there"));
        room.push("shout", Map.of("body", "hi"));
        room.assertBroadcast("shout", Map.of("body", "hi")).assertPush("shout", Map.of("body", "hi"));
        assertThat(socket.join("room:secret").joinResponse().toString()).contains("unauthorized");
    }

    @Test
    void aPresenceDiffThatArrivesBeforeTheStateIsKeptAsTheOfficialClientKeepsIt() {
        ChannelTest.Joined late = channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada")).join("late:1");
        late.assertPresent("ada");
        late.assertPresent("bob");
    }

    @Test
    void presenceOfJoinedUsersIsSeenOnTheChannel() {
        ChannelTest.Joined ada = channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada")).join("room:p");
        List<Map<String, Object>> metas = ada.assertPresent("ada");
        assertThat(metas).containsExactly(Map.of("status", "online"));

        ChannelTest.TestSocket bobSocket = channels.socket(UserSocket.class, "user_socket:bob", Map.of("user", "bob"));
        ChannelTest.Joined bob = bobSocket.join("room:p");
        bob.assertPresent("ada");
        bob.assertPresent("bob");
        ada.assertPresent("bob", Map.of("status", "online"));

        bob.assertReply(bob.push("away"), "ok");
        ada.assertPresent("bob", Map.of("status", "away"));

        bobSocket.close();
        ada.assertAbsent("bob");
        assertThat(ada.presence()).containsOnlyKeys("ada");
    }

    @Test
    void aUserOnTwoTabsIsOneKeyWithTwoMetas() {
        ChannelTest.Joined watcher = channels.socket(UserSocket.class, "user_socket:w", Map.of("user", "w")).join("room:tabs");
        channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada")).join("room:tabs");
        ChannelTest.TestSocket secondTab = channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada"));
        secondTab.join("room:tabs");

        assertThat(watcher.assertPresent("ada", 2)).containsExactly(Map.of("status", "online"), Map.of("status", "online"));
        secondTab.close();
        assertThat(watcher.assertPresent("ada", 1)).containsExactly(Map.of("status", "online"));
    }

    @Test
    void aMetaCountThatNeverComesFailsWithWhatIsPresent() {
        ChannelTest.Joined ada = channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada")).join("room:one");
        ada.assertPresent("ada");
        assertThatThrownBy(() -> ada.assertPresent("ada", 2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected \"ada\" to be present with 2 metas on room:one");
    }

    @Test
    void refutesWaitTheirTimeout() {
        ChannelTest.Joined room = channels.socket(UserSocket.class, "user_socket:c", Map.of("user", "c"))
                .subscribeAndJoin("room:quiet");
        long start = System.nanoTime();
        room.refuteBroadcast("shout", Duration.ofMillis(50)).refutePush("shout", Duration.ofMillis(50));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}
