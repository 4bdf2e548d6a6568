package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.token.PhoenixToken;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The channel, as the testing_channels guide tests one: in-process, no network. */
@PhoenixTest
class RoomChannelTest {

    @Autowired
    ChannelTest channels;
    @Autowired
    PhoenixToken tokens;

    @Test
    void connectNeedsAValidToken() {
        assertThat(channels.connect(UserSocket.class, Map.of("token", "forged"))).isEmpty();
        ChannelTest.TestSocket socket = channels.connect(UserSocket.class,
                Map.of("token", tokens.sign("user socket", "ada"))).orElseThrow();
        assertThat(socket.assigns()).containsEntry("user", "ada");
        assertThat(socket.id()).isEqualTo("user_socket:ada");
    }

    @Test
    void pingRepliesWithStatusOk() {
        ChannelTest.Joined room = channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada"))
                .subscribeAndJoin("room:lobby");
        String ref = room.push("ping", Map.of("hello", "there"));
        room.assertReply(ref, "ok", Map.of("hello", "there"));
    }

    @Test
    void newMsgBroadcastsToTheRoom() {
        ChannelTest.Joined room = channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada"))
                .subscribeAndJoin("room:lobby");
        room.push("new_msg", Map.of("body", "hi"));
        room.assertBroadcast("new_msg", Map.of("user", "ada", "body", "hi"))
                .assertPush("new_msg", Map.of("user", "ada", "body", "hi"));
    }

    @Test
    void broadcastFromReachesOthersButNotTheSender() {
        ChannelTest.Joined ada = channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada")).join("room:b");
        ChannelTest.Joined bob = channels.socket(UserSocket.class, "user_socket:bob", Map.of("user", "bob")).join("room:b");
        ada.broadcastFrom("new_msg", Map.of("user", "ada", "body", "from ada"));
        bob.assertPush("new_msg", Map.of("user", "ada", "body", "from ada"));
        ada.refutePush("new_msg", Duration.ofMillis(100));
    }

    @Test
    void privateRoomIsRefused() {
        ChannelTest.Joined refused = channels.socket(UserSocket.class, "user_socket:eve", Map.of("user", "eve")).join("room:private");
        assertThat(refused.joined()).isFalse();
        assertThat(refused.joinResponse().toString()).contains("unauthorized");
    }

    @Test
    void presenceTracksMembersUntilTheyLeave() {
        ChannelTest.Joined ada = channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada")).join("room:p");
        ChannelTest.TestSocket bobSocket = channels.socket(UserSocket.class, "user_socket:bob", Map.of("user", "bob"));
        ChannelTest.Joined bob = bobSocket.join("room:p");
        assertThat(ada.assertPresent("bob")).singleElement().satisfies(meta -> assertThat(meta).containsKey("online_at"));
        bob.assertPresent("ada");
        bob.assertReply(bob.leave(), "ok");
        ada.assertAbsent("bob");
        assertThat(ada.presence()).containsOnlyKeys("ada");
    }
}
