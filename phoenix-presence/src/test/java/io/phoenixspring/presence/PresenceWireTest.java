package io.phoenixspring.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.channels.support.TestServer;
import io.phoenixspring.presence.support.RoomPresence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Frames byte for byte against a real server, compared with what Phoenix 1.7 sends
 * (phoenix-wire-transcripts.md sections 2.2, 2.6, 2.7, 2.10, 5.1, 5.3).
 */
class PresenceWireTest {

    private static final String REF = "([A-Za-z0-9_-]{16})";
    private static final String AT = "(\\d{13})";
    private static TestServer server;
    private static Presence presence;

    @BeforeAll
    static void start() {
        server = RoomPresence.server();
        presence = RoomPresence.of(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String meta(String at, String ref, String status) {
        return "{\"online_at\":\"" + at + "\",\"phx_ref\":\"" + ref + "\",\"status\":\"" + status + "\"}";
    }

    private static Matcher match(String regex, String frame) {
        Matcher m = Pattern.compile(regex).matcher(frame);
        assertThat(m.matches()).as("frame %s\nshould match %s", frame, regex).isTrue();
        return m;
    }

    /** The phx_ref of the first meta of {@code key} in a presence_state or presence_diff frame. */
    private static String refOf(String frame, String key) {
        tools.jackson.databind.JsonNode payload = MAPPER.readTree(frame).get(4);
        tools.jackson.databind.JsonNode presences = payload.has("joins") ? payload.get("joins") : payload;
        return presences.get(key).get("metas").get(0).get("phx_ref").asString();
    }

    private static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder().build();

    private static String q(String s) {
        return Pattern.quote(s);
    }

    /** Joins and returns {diff, state} (in either order on the wire, as in Phoenix). */
    private static List<String> join(RawClient client, String joinRef, String topic) {
        client.send("[\"" + joinRef + "\",\"" + joinRef + "\",\"" + topic + "\",\"phx_join\",{}]");
        assertThat(client.next()).isEqualTo("[\"" + joinRef + "\",\"" + joinRef + "\",\"" + topic
                + "\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        String first = client.next();
        String second = client.next();
        String state = first.contains("\"presence_state\"") ? first : second;
        String diff = first.contains("\"presence_state\"") ? second : first;
        return List.of(diff, state);
    }

    @Test
    void joinPushesPresenceStateAndBroadcastsTheJoinersOwnDiffAsPhoenixDoes() {
        try (RawClient alice = RawClient.connect(server.wsUrlFor("alice"))) {
            List<String> frames = join(alice, "1", "room:lobby");
            Matcher diff = match(q("[null,null,\"room:lobby\",\"presence_diff\",{\"joins\":{\"alice\":{\"metas\":[{\"online_at\":\"")
                    + AT + q("\",\"phx_ref\":\"") + REF + q("\",\"status\":\"online\"}]}},\"leaves\":{}}]"), frames.get(0));
            String at = diff.group(1);
            String ref = diff.group(2);
            assertThat(frames.get(1)).isEqualTo("[\"1\",null,\"room:lobby\",\"presence_state\",{\"alice\":{\"metas\":["
                    + meta(at, ref, "online") + "]}}]");
            assertThat(Long.parseLong(at)).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));

            // set_status: one diff, new meta in joins (new ref, phx_ref_prev = old), old meta in leaves
            alice.send("[\"1\",\"8\",\"room:lobby\",\"set_status\",{\"status\":\"away\"}]");
            List<String> after = List.of(alice.next(), alice.next());
            assertThat(after).contains("[\"1\",\"8\",\"room:lobby\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            String update = after.stream().filter(f -> f.contains("presence_diff")).findFirst().orElseThrow();
            Matcher u = match(q("[null,null,\"room:lobby\",\"presence_diff\",{\"joins\":{\"alice\":{\"metas\":[{\"online_at\":\""
                    + at + "\",\"phx_ref\":\"") + REF + q("\",\"phx_ref_prev\":\"" + ref + "\",\"status\":\"away\"}]}},"
                    + "\"leaves\":{\"alice\":{\"metas\":[" + meta(at, ref, "online") + "]}}}]"), update);
            assertThat(u.group(1)).isNotEqualTo(ref);

            alice.send("[\"1\",\"9\",\"room:lobby\",\"phx_leave\",{}]");
            assertThat(alice.next()).isEqualTo("[\"1\",\"9\",\"room:lobby\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            assertThat(alice.next()).isEqualTo("[\"1\",\"1\",\"room:lobby\",\"phx_close\",{}]");
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> presence.list("room:lobby").isEmpty());
    }

    @Test
    void twoTabsOfOneUserAreOneKeyWithTwoMetasAndEveryoneSeesEveryChange() {
        try (RawClient a = RawClient.connect(server.wsUrlFor("alice"));
                RawClient b = RawClient.connect(server.wsUrlFor("alice"));
                RawClient c = RawClient.connect(server.wsUrlFor("bob"))) {
            List<String> aFrames = join(a, "1", "room:pres");
            String refA = refOf(aFrames.get(1), "alice");
            String atA = match(".*\"online_at\":\"" + AT + "\".*", aFrames.get(1)).group(1);

            List<String> bFrames = join(b, "1", "room:pres");
            Matcher bJoin = match(q("[null,null,\"room:pres\",\"presence_diff\",{\"joins\":{\"alice\":{\"metas\":[{\"online_at\":\"")
                    + AT + q("\",\"phx_ref\":\"") + REF + q("\",\"status\":\"online\"}]}},\"leaves\":{}}]"), bFrames.get(0));
            String metaB = meta(bJoin.group(1), bJoin.group(2), "online");
            assertThat(bFrames.get(1)).isEqualTo("[\"1\",null,\"room:pres\",\"presence_state\",{\"alice\":{\"metas\":["
                    + meta(atA, refA, "online") + "," + metaB + "]}}]");
            assertThat(a.next()).isEqualTo(bFrames.get(0));

            List<String> cFrames = join(c, "1", "room:pres");
            Matcher cJoin = match(q("[null,null,\"room:pres\",\"presence_diff\",{\"joins\":{\"bob\":{\"metas\":[{\"online_at\":\"")
                    + AT + q("\",\"phx_ref\":\"") + REF + q("\",\"status\":\"online\"}]}},\"leaves\":{}}]"), cFrames.get(0));
            String metaC = meta(cJoin.group(1), cJoin.group(2), "online");
            assertThat(cFrames.get(1)).isEqualTo("[\"1\",null,\"room:pres\",\"presence_state\",{\"alice\":{\"metas\":["
                    + meta(atA, refA, "online") + "," + metaB + "]},\"bob\":{\"metas\":[" + metaC + "]}}]");
            assertThat(a.next()).isEqualTo(cFrames.get(0));
            assertThat(b.next()).isEqualTo(cFrames.get(0));

            b.send("[\"1\",\"2\",\"room:pres\",\"phx_leave\",{}]");
            assertThat(b.next()).isEqualTo("[\"1\",\"2\",\"room:pres\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            assertThat(b.next()).isEqualTo("[\"1\",\"1\",\"room:pres\",\"phx_close\",{}]");
            String leave = "[null,null,\"room:pres\",\"presence_diff\",{\"joins\":{},\"leaves\":{\"alice\":{\"metas\":["
                    + metaB + "]}}}]";
            assertThat(a.next()).isEqualTo(leave);
            assertThat(c.next()).isEqualTo(leave);

            // bob closes his socket cleanly (5.3): alice sees bob leave
            c.closeAndAwait(1000);
            assertThat(a.next()).isEqualTo("[null,null,\"room:pres\",\"presence_diff\",{\"joins\":{},\"leaves\":{\"bob\":{\"metas\":["
                    + metaC + "]}}}]");
        }
    }

    @Test
    void aDuplicateJoinClosesTheOldChannelAndItsSocketSeesNoLeaveOfTheOldMeta() {
        try (RawClient a = RawClient.connect(server.wsUrlFor("alice"));
                RawClient watcher = RawClient.connect(server.wsUrlFor("bob"))) {
            join(watcher, "1", "room:dup");
            List<String> first = join(a, "1", "room:dup");
            String oldRef = refOf(first.get(1), "alice");
            watcher.next(); // alice's join

            a.send("[\"2\",\"2\",\"room:dup\",\"phx_join\",{}]");
            assertThat(a.next()).isEqualTo("[\"2\",\"2\",\"room:dup\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            assertThat(a.next()).isEqualTo("[\"1\",\"1\",\"room:dup\",\"phx_close\",{}]");
            List<String> rest = new ArrayList<>(a.drain(Duration.ofMillis(700)));
            assertThat(rest).noneMatch(f -> f.contains(oldRef) && !f.contains("phx_ref_prev"));
            assertThat(rest).anyMatch(f -> f.startsWith("[\"2\",null,\"room:dup\",\"presence_state\",{\"alice\":{\"metas\":[{"));
            assertThat(rest).anyMatch(f -> f.startsWith("[null,null,\"room:dup\",\"presence_diff\",{\"joins\":{\"alice\""));
            String state = rest.stream().filter(f -> f.contains("presence_state")).findFirst().orElseThrow();
            assertThat(state).doesNotContain(oldRef).contains("\"bob\"");

            // the other user does see the old meta leave and the new one join
            List<String> seen = watcher.drain(Duration.ofMillis(300));
            assertThat(String.join("\n", seen)).contains("\"leaves\":{\"alice\":{\"metas\":[{\"online_at\"")
                    .contains(oldRef);
            assertThat(presence.getByKey("room:dup", "alice").orElseThrow().get("metas")).asList().hasSize(1);
        }
    }

    @Test
    void aCrashedChannelAndADisconnectedUserLeaveWithADiff() throws Exception {
        try (RawClient alice = RawClient.connect(server.wsUrlFor("alice"));
                RawClient bob = RawClient.connect(server.wsUrlFor("bob"))) {
            join(bob, "1", "room:crash");
            String aliceRef = refOf(join(alice, "1", "room:crash").get(1), "alice");
            bob.next();
            alice.send("[\"1\",\"2\",\"room:crash\",\"crash\",{}]");
            assertThat(alice.next()).isEqualTo("[\"1\",\"1\",\"room:crash\",\"phx_error\",{}]");
            assertThat(bob.next()).startsWith("[null,null,\"room:crash\",\"presence_diff\",{\"joins\":{},\"leaves\":{\"alice\":"
                    + "{\"metas\":[{\"online_at\":").contains(aliceRef);

            // rejoin, as the JS client would, then the server disconnects every socket of alice (5.1)
            join(alice, "4", "room:crash");
            String joined = bob.next();
            String newRef = refOf(joined, "alice");
            server.endpoint.disconnect("user_socket:alice").get();
            assertThat(alice.closeCode(Duration.ofSeconds(5))).isEqualTo(1011);
            assertThat(bob.next()).startsWith("[null,null,\"room:crash\",\"presence_diff\",{\"joins\":{},\"leaves\":{\"alice\":")
                    .contains(newRef);
            assertThat(presence.list("room:crash")).containsOnlyKeys("bob");
        }
    }
}
