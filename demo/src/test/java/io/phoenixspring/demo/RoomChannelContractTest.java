package io.phoenixspring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.token.PhoenixToken;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The contract's channels, row by row: {@code room:*} (with presence keyed by the user) and
 * {@code bench:*}. Sockets connect with a real token through {@link UserSocket}, so every
 * test also runs the contract's connect.
 */
// The slice loads every LiveView, so the /list page's ItemStore (a plain @Component) is named here.
@PhoenixTest(components = {ItemStore.class, Notes.class})
class RoomChannelContractTest {

    private static final Duration QUIET = Duration.ofMillis(200);

    @Autowired
    ChannelTest channels;

    @Autowired
    PhoenixToken tokens;

    private ChannelTest.TestSocket connect(String user) {
        return channels.connect(UserSocket.class, Map.of("token", tokens.sign("user socket", user))).orElseThrow();
    }

    // phx_join on room:secret -> error {"reason":"unauthorized"}

    @Test
    void joiningRoomSecretIsRefused() {
        ChannelTest.Joined secret = connect("alice").join("room:secret");
        assertThat(secret.joined()).isFalse();
        assertThat(secret.joinResponse()).isEqualTo(Map.of("reason", "unauthorized"));
        secret.refutePush("presence_state", QUIET);
    }

    // phx_join on room:ID -> ok {}; tracks the user {"online_at": ms as a string, "status":"online"}; presence_state

    @Test
    void joiningARoomTracksTheUserAndPushesPresenceState() {
        long before = System.currentTimeMillis();
        ChannelTest.Joined lobby = connect("alice").join("room:c-join");
        lobby.assertJoined(Map.of());

        JsonNode state = (JsonNode) lobby.nextPush("presence_state");
        assertThat(state.propertyNames()).containsExactly("alice");
        assertThat(state.get("alice").get("metas")).hasSize(1);
        JsonNode meta = state.get("alice").get("metas").get(0);
        assertThat(meta.propertyNames()).containsExactly("online_at", "phx_ref", "status");
        assertThat(meta.get("status").asString()).isEqualTo("online");
        assertThat(meta.get("phx_ref").asString()).hasSize(16);
        assertThat(meta.get("online_at").isString()).isTrue();
        assertThat(meta.get("online_at").asString()).matches("\\d{13}");
        assertThat(Long.parseLong(meta.get("online_at").asString())).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void othersJoiningAndLeavingArriveAsPresenceDiffs() {
        ChannelTest.Joined alice = connect("alice").join("room:c-diff");
        alice.assertPresent("alice");
        ChannelTest.Joined bob = connect("bob").join("room:c-diff");
        alice.assertPresent("bob", Map.of("status", "online"));
        bob.assertPresent("alice");
        bob.assertReply(bob.leave(), "ok");
        bob.assertClosed();
        alice.assertAbsent("bob");
    }

    @Test
    void oneUserOnTwoTabsIsOneKeyWithTwoMetas() {
        ChannelTest.Joined tab1 = connect("alice").join("room:c-tabs");
        connect("alice").join("room:c-tabs");
        ChannelTest.Joined bob = connect("bob").join("room:c-tabs");
        bob.assertPresent("bob");
        assertThat(tab1.assertPresent("bob")).hasSize(1);
        bob.assertPresent("alice", 2);
        assertThat(bob.presence()).containsOnlyKeys("alice", "bob");
    }

    // new_msg {"body":B} -> broadcast new_msg {"body":B,"user":<user>} to all subscribers, the sender included; no reply

    @Test
    void newMsgIsBroadcastWithTheUserToEveryoneIncludingTheSender() {
        ChannelTest.Joined alice = connect("alice").subscribeAndJoin("room:c-msg");
        ChannelTest.Joined bob = connect("bob").join("room:c-msg");
        String ref = alice.push("new_msg", Map.of("body", "hello"));
        alice.assertBroadcast("new_msg", Map.of("body", "hello", "user", "alice"));
        alice.assertPush("new_msg", "{\"body\":\"hello\",\"user\":\"alice\"}");
        bob.assertPush("new_msg", "{\"body\":\"hello\",\"user\":\"alice\"}");
        alice.refuteReply(ref, QUIET);
    }

    @Test
    void newMsgWithoutABodyCrashesTheChannel() {
        ChannelTest.Joined alice = connect("alice").join("room:c-msg-bad");
        alice.push("new_msg", Map.of("text", "no body"));
        alice.assertCrashed();
    }

    // ping P -> reply ok P

    @Test
    void pingRepliesWithWhateverItWasGiven() {
        ChannelTest.Joined room = connect("alice").join("room:c-ping");
        room.assertReply(room.push("ping", Map.of("n", 1, "s", "x")), "ok", Map.of("n", 1, "s", "x"));
        room.assertReply(room.push("ping", List.of(1, 2, 3)), "ok", List.of(1, 2, 3));
        room.assertReply(room.push("ping", "just a string"), "ok", "just a string");
        room.assertReply(room.push("ping", null), "ok", NullNode.getInstance());
    }

    // error_reply -> reply error {"reason":"bad"}

    @Test
    void errorReplyRepliesWithAnError() {
        ChannelTest.Joined room = connect("alice").join("room:c-error");
        room.assertReply(room.push("error_reply"), "error", Map.of("reason", "bad"));
        room.assertReply(room.push("ping", Map.of("still", "joined")), "ok", Map.of("still", "joined"));
    }

    // binary with a binary payload -> reply ok with the same bytes, binary

    @Test
    void binaryEchoesTheBytesAsABinaryReply() {
        ChannelTest.Joined room = connect("alice").join("room:c-binary");
        byte[] bytes = {0, 1, 2, (byte) 0xff, 'A', 'B'};
        room.assertReply(room.push("binary", new Binary(bytes)), "ok", new Binary(Arrays.copyOf(bytes, bytes.length)));
    }

    // set_status {"status":S} -> presence meta updated (a leave and a join in one diff); reply ok {}

    @Test
    void setStatusUpdatesThePresenceMetaInOneDiff() {
        ChannelTest.Joined alice = connect("alice").join("room:c-status");
        ChannelTest.Joined bob = connect("bob").join("room:c-status");
        bob.assertPresent("alice", Map.of("status", "online"));
        bob.presence();

        alice.assertReply(alice.push("set_status", Map.of("status", "away")), "ok", Map.of());

        // Diffs of the joins above (alice's own join included) may still be queued for bob, or be
        // coalesced with the update into one diff (its joins then also carry alice's first meta,
        // which its leaves take away again): the update is the diff that joins alice "away".
        JsonNode diff = (JsonNode) bob.nextPush("presence_diff");
        for (int skipped = 0; awayMeta(diff) == null && skipped < 5; skipped++) {
            diff = (JsonNode) bob.nextPush("presence_diff");
        }
        JsonNode joined = awayMeta(diff);
        assertThat(joined).as("a presence_diff joining alice as away").isNotNull();
        assertThat(diff.get("leaves").get("alice").get("metas")).hasSize(1);
        JsonNode left = diff.get("leaves").get("alice").get("metas").get(0);
        assertThat(joined.propertyNames()).containsExactly("online_at", "phx_ref", "phx_ref_prev", "status");
        assertThat(left.get("status").asString()).isEqualTo("online");
        assertThat(joined.get("phx_ref_prev")).isEqualTo(left.get("phx_ref"));
        assertThat(joined.get("online_at")).isEqualTo(left.get("online_at"));
        // The update replaced the meta: who joins now sees alice once, away.
        ChannelTest.Joined carol = connect("carol").join("room:c-status");
        carol.assertPresent("alice", Map.of("status", "away"));
        assertThat(carol.assertPresent("alice")).hasSize(1);
    }

    // crash -> phx_error, the client rejoins

    @Test
    void crashFailsTheChannelAndARejoinWorks() {
        ChannelTest.TestSocket socket = connect("alice");
        ChannelTest.Joined room = socket.join("room:c-crash");
        String ref = room.push("crash");
        room.assertCrashed();
        room.refuteReply(ref, QUIET);
        ChannelTest.Joined again = socket.join("room:c-crash");
        again.assertJoined(Map.of());
        again.assertReply(again.push("ping", Map.of("back", true)), "ok", Map.of("back", true));
    }

    // stop -> phx_close

    @Test
    void stopClosesTheChannelNormally() {
        ChannelTest.Joined room = connect("alice").join("room:c-stop");
        ChannelTest.Joined watcher = connect("watcher").join("room:c-stop");
        watcher.assertPresent("alice");
        String ref = room.push("stop");
        room.assertClosed();
        room.refuteReply(ref, QUIET);
        watcher.assertAbsent("alice");
    }

    // any other event -> the channel fails

    @Test
    void anUnknownEventFailsTheChannel() {
        ChannelTest.Joined room = connect("alice").join("room:c-unknown");
        room.push("no_such_event", Map.of());
        room.assertCrashed();
    }

    // bench:* -> join ok {} without presence; new_msg broadcast; ping replies

    @Test
    void benchJoinsWithoutPresenceBroadcastsAndPings() {
        ChannelTest.Joined bench = connect("alice").subscribeAndJoin("bench:c-1");
        bench.assertJoined(Map.of());
        bench.refutePush("presence_state", QUIET);
        String ref = bench.push("new_msg", Map.of("body", "load"));
        bench.assertBroadcast("new_msg", Map.of("body", "load", "user", "alice"));
        bench.assertPush("new_msg", "{\"body\":\"load\",\"user\":\"alice\"}");
        bench.refuteReply(ref, QUIET);
        bench.assertReply(bench.push("ping", Map.of("t", 1)), "ok", Map.of("t", 1));
        bench.push("set_status", Map.of("status", "away"));
        bench.assertCrashed();
    }

    /** The meta of alice with status "away" among a presence_diff's joins, or null. */
    private static JsonNode awayMeta(JsonNode diff) {
        JsonNode alice = diff.get("joins").get("alice");
        if (alice == null) {
            return null;
        }
        for (JsonNode meta : alice.get("metas")) {
            if ("away".equals(meta.get("status").asString())) {
                return meta;
            }
        }
        return null;
    }
}
