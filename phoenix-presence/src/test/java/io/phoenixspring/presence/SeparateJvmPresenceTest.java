package io.phoenixspring.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.presence.support.Events;
import io.phoenixspring.presence.support.Node;
import io.phoenixspring.presence.support.PresenceNodeMain;
import io.phoenixspring.presence.support.UserOffline;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A node in a second JVM process is killed (SIGKILL, no goodbye) and started again. The local node
 * has the README's "user went offline" {@link PresenceHandler}: it sees the killed node's presences
 * leave.
 */
class SeparateJvmPresenceTest {

    private static final String TOPIC = UserOffline.LOBBY;

    @Test
    void aKilledNodeProcessesPresencesLeaveEverywhereAndItsRestartAddsNoGhosts() throws Exception {
        try (RedisServer redis = RedisServer.start();
                Node local = new Node("local", redis.url(), TOPIC, Node.fastTracker(), List.of(UserOffline::new))) {
            Events offline = new Events("user_offline");
            local.endpoint.subscribe(TOPIC, offline);
            String mine = local.presence.track(new Object(), TOPIC, "local-0", Map.of());

            Remote first = Remote.start(redis.url());
            Map<String, Set<Object>> withRemote = new HashMap<>(Map.of("local-0", Set.of(mine)));
            for (int i = 0; i < first.refs.length; i++) {
                withRemote.put("remote-" + i, Set.of(first.refs[i]));
            }
            awaitListed(local, withRemote);

            long killed = System.nanoTime();
            first.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            awaitListed(local, Map.of("local-0", Set.of(mine)));
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("noticed by silence, after down_period")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            awaitOffline(offline, List.of("remote-0", "remote-1", "remote-2"));

            Remote second = Remote.start(redis.url());
            Map<String, Set<Object>> restarted = new HashMap<>(Map.of("local-0", Set.of(mine)));
            for (int i = 0; i < second.refs.length; i++) {
                restarted.put("remote-" + i, Set.of(second.refs[i]));
            }
            awaitListed(local, restarted);
            assertThat(local.presence.tracker().downReplicas()).as("the killed incarnation is discarded").isEmpty();
            assertThat(local.presence.tracker().size(TOPIC)).isEqualTo(1 + second.refs.length);

            second.process.getOutputStream().close(); // a clean exit: goodbye
            assertThat(second.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            awaitListed(local, Map.of("local-0", Set.of(mine)));
            awaitOffline(offline, List.of("remote-0", "remote-1", "remote-2", "remote-0", "remote-1", "remote-2"));
        }
    }

    /** The handler's "user_offline"s, each user once per leave, sorted within each batch; never local-0. */
    private static void awaitOffline(Events offline, List<String> users) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> offline.payloads().size() >= users.size());
        List<Object> seen = offline.payloads();
        assertThat(seen).hasSize(users.size());
        for (int from = 0; from < users.size(); from += 3) {
            assertThat(seen.subList(from, from + 3)).containsExactlyInAnyOrderElementsOf(
                    users.subList(from, from + 3).stream().map(user -> Map.of("user", user)).toList());
        }
    }

    private static void awaitListed(Node node, Map<String, Set<Object>> expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(node.listed()).isEqualTo(expected);
            assertThat(node.view.refs()).isEqualTo(expected);
        });
    }

    private record Remote(Process process, String[] refs) {

        static Remote start(String url) throws Exception {
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process process = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                    PresenceNodeMain.class.getName(), url, "remote", TOPIC, "3")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("READY ")) {
                            return line.substring("READY ".length());
                        }
                    }
                    return null;
                } catch (Exception e) {
                    return null;
                }
            });
            String line = ready.get(60, TimeUnit.SECONDS);
            if (line == null) {
                process.destroyForcibly();
                throw new AssertionError("the remote node exited before READY");
            }
            return new Remote(process, Arrays.stream(line.split(",")).toArray(String[]::new));
        }
    }
}
