package io.phoenixspring.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.TestServer;
import io.phoenixspring.presence.support.RoomPresence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official {@code phoenix} npm client's {@code Presence} (src/test/js, installed by
 * {@code npm ci} at process-test-resources) against a real server: two users, one user with two
 * sockets, a meta update, leaves on disconnect; asserts what {@code Presence.list},
 * {@code onJoin}, {@code onLeave} and {@code onSync} observed.
 */
class OfficialPresenceClientTest {

    private static final Path JS = Path.of("src", "test", "js");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = RoomPresence.server();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode run(String topic) throws Exception {
        assertThat(JS.resolve("node_modules/phoenix/package.json")).as("npm ci ran (exec-maven-plugin)").exists();
        Process node = new ProcessBuilder("node", "presence.mjs", "http://127.0.0.1:" + server.port(), topic)
                .directory(JS.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out;
        try {
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("node presence.mjs did not finish in 60 s");
            }
        } finally {
            out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        JsonNode result = JsonMapper.builder().build().readTree(out.substring(out.lastIndexOf("\n{") + 1));
        assertThat(result.get("ok").asBoolean()).as("scenario failed: %s", out).isTrue();
        return result.get("observed");
    }

    private static List<String> summary(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(p -> p.get("id").asString() + ":" + p.get("count").asInt() + ":" + p.get("statuses").toString()
                        + ":" + p.get("refsOk").asBoolean() + ":" + p.get("onlineAtOk").asBoolean())
                .toList();
    }

    @Test
    void theJsClientsPresenceSeesUsersTabsUpdatesAndLeaves() throws Exception {
        JsonNode observed = run("room:js-presence");

        assertThat(summary(observed.get("twoUsers").get("alice1")))
                .containsExactly("alice:1:[\"online\"]:true:true", "bob:1:[\"online\"]:true:true");
        assertThat(summary(observed.get("twoUsers").get("bob")))
                .containsExactly("alice:1:[\"online\"]:true:true", "bob:1:[\"online\"]:true:true");

        // one user, two sockets: listed once with two metas, by everyone
        for (String who : new String[] {"alice1", "alice2", "bob"}) {
            assertThat(summary(observed.get("twoTabs").get(who))).as(who)
                    .containsExactly("alice:2:[\"online\",\"online\"]:true:true", "bob:1:[\"online\"]:true:true");
        }
        // bob's onJoin for alice's second tab found one meta already there
        assertThat(observed.get("bobJoinsSeenSoFar").toString()).contains("{\"key\":\"alice\",\"hadBefore\":1,\"joined\":[\"online\"]}");

        // set_status: the update is seen as a join of the new meta and a leave of the old one
        assertThat(summary(observed.get("update").get("alice1")))
                .contains("bob:1:[\"away\"]:true:true");
        assertThat(observed.get("update").get("alice1BobJoins").toString()).contains("\"joined\":[\"away\"]");
        assertThat(observed.get("update").get("alice1BobLeaves").toString())
                .isEqualTo("[{\"key\":\"bob\",\"remaining\":1,\"left\":[\"online\"]}]");

        // a tab closes: alice stays with one meta; then her last socket closes: she is gone
        assertThat(summary(observed.get("tabClosed").get("bob")))
                .containsExactly("alice:1:[\"online\"]:true:true", "bob:1:[\"away\"]:true:true");
        assertThat(observed.get("tabClosed").get("bobAliceLeaves").toString())
                .isEqualTo("[{\"key\":\"alice\",\"remaining\":1,\"left\":[\"online\"]}]");
        assertThat(summary(observed.get("aliceGone").get("bob"))).containsExactly("bob:1:[\"away\"]:true:true");
        assertThat(observed.get("aliceGone").get("bobAliceLeaves").toString())
                .isEqualTo("[{\"key\":\"alice\",\"remaining\":1,\"left\":[\"online\"]},"
                        + "{\"key\":\"alice\",\"remaining\":0,\"left\":[\"online\"]}]");
        assertThat(observed.get("aliceGone").get("bobSyncs").asInt()).isGreaterThanOrEqualTo(5);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> RoomPresence.of(server).list("room:js-presence").equals(Map.of()));
    }

}
