package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.token.PhoenixToken;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The socket and the channel, as Phoenix's testing_channels guide tests them: in-process, no network. */
@PhoenixTest
class RoomChannelTest {

    @Autowired
    ChannelTest channels;
    @Autowired
    PhoenixToken tokens;

    private ChannelTest.TestSocket socketOf(String user) {
        return channels.socket(UserSocket.class, "user_socket:" + user, Map.of("user", user));
    }

    @Test
    void connectNeedsAValidToken() {
        assertThat(channels.connect(UserSocket.class, Map.of("token", "forged"))).isEmpty();
        assertThat(channels.connect(UserSocket.class, Map.of())).isEmpty();
        ChannelTest.TestSocket socket = channels.connect(UserSocket.class,
                Map.of("token", tokens.sign(UserSocket.SALT, "ada"))).orElseThrow();
        assertThat(socket.assigns()).containsEntry("user", "ada");
        assertThat(socket.id()).isEqualTo("user_socket:ada");
    }

    @Test
    void pingRepliesWithItsPayload() {
        ChannelTest.Joined room = socketOf("ada").subscribeAndJoin("room:lobby");
        String ref = room.push("ping", Map.of("hello", "there"));
        room.assertReply(ref, "ok", Map.of("hello", "there"));
    }

    @Test
    void newMsgIsBroadcastToTheRoomWithTheSender() {
        ChannelTest.Joined ada = socketOf("ada").join("room:chat");
        ChannelTest.Joined bob = socketOf("bob").join("room:chat");
        ada.push("new_msg", Map.of("body", "hi bob"));
        bob.assertPush("new_msg", Map.of("body", "hi bob", "user", "ada"));
        ada.assertPush("new_msg", Map.of("body", "hi bob", "user", "ada"));
    }

    @Test
    void broadcastFromReachesOthersButNotTheSender() {
        ChannelTest.Joined ada = socketOf("ada").join("room:b");
        ChannelTest.Joined bob = socketOf("bob").join("room:b");
        ada.broadcastFrom("new_msg", Map.of("user", "ada", "body", "from ada"));
        bob.assertPush("new_msg", Map.of("user", "ada", "body", "from ada"));
        ada.refutePush("new_msg", Duration.ofMillis(100));
    }

    @Test
    void presenceTracksMembersUntilTheyLeave() {
        ChannelTest.Joined ada = socketOf("ada").join("room:p");
        ChannelTest.Joined bob = socketOf("bob").join("room:p");
        assertThat(ada.assertPresent("bob")).singleElement().satisfies(meta -> assertThat(meta).containsKey("online_at"));
        bob.assertPresent("ada");
        bob.assertReply(bob.leave(), "ok");
        ada.assertAbsent("bob");
        assertThat(ada.presence()).containsOnlyKeys("ada");
    }
}
