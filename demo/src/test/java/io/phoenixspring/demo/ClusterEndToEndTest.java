package io.phoenixspring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.pubsub.testing.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two demo instances as separate JVMs with the {@code cluster} profile on a real
 * {@code redis-server}, driven by the official {@code phoenix} npm client in Node.js
 * ({@code src/test/js/cluster.mjs}): a message to one instance reaches a client of the other (over
 * the socket and from the HTTP API), presence is the same on both, a disconnect requested on one
 * closes the user's socket on the other, and when one instance is killed (SIGKILL) its client
 * reconnects to the other and rejoins.
 *
 * <p>The client that moves connects through {@link FailoverBalancer}, a TCP proxy in front of
 * instance A then B, the way a load balancer sends new connections to the nodes that are up: the
 * JS client keeps its one URL and its own reconnect logic. Presence timings are shortened
 * (heartbeat every second, a silent node down after 3 s) so that the killed node's presences
 * leave within the test. Logs of the instances are in {@code target/cluster-e2e/}.
 *
 * <p>The demo's notices across the two instances ({@code src/test/js/notices.mjs}): a direct notice
 * posted to one reaches the user's tabs on the other, and when a user's last tab closes on one
 * instance, the listeners of {@code notices:lobby} on both hear "went offline" exactly once.
 */
class ClusterEndToEndTest {

    private static final Path JS = Path.of("src/test/js");
    private static final Path LOGS = Path.of("target/cluster-e2e");

    private final List<Process> processes = new ArrayList<>();
    private RedisServer redis;
    private FailoverBalancer balancer;

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (balancer != null) {
            balancer.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void messagesAndPresenceCrossNodesAndAClientOfAKilledNodeMovesToTheOther() throws Exception {
        assertThat(JS.resolve("node_modules/phoenix")).as("npm ci ran in src/test/js").isDirectory();
        Files.createDirectories(LOGS);
        redis = RedisServer.start();
        int portA = freePort();
        int portB = freePort();
        Process a = startInstance("demo-a", portA);
        Process b = startInstance("demo-b", portB);
        awaitHealthy(a, portA, "demo-a");
        awaitHealthy(b, portB, "demo-b");
        balancer = new FailoverBalancer(List.of(portA, portB));

        Process node = new ProcessBuilder("node", "cluster.mjs", "http://127.0.0.1:" + balancer.port(),
                "http://127.0.0.1:" + portA, "http://127.0.0.1:" + portB, Long.toString(a.pid()))
                .directory(JS.toFile())
                .redirectError(LOGS.resolve("node.err").toFile())
                .start();
        processes.add(node);
        boolean done = node.waitFor(90, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Files.writeString(LOGS.resolve("scenario.json"), output);
        assertThat(done).as("the scenario finished; output so far: %s", output).isTrue();
        assertThat(output).as("scenario result (stderr in %s)", LOGS.resolve("node.err")).startsWith("{\"ok\":true");
        assertThat(output).contains("\"presenceAfter\"");
        assertThat(a.isAlive()).as("instance A was killed by the scenario").isFalse();
        assertThat(b.isAlive()).isTrue();
    }

    @Test
    void offlineAndDirectNoticesCrossNodes() throws Exception {
        assertThat(JS.resolve("node_modules/phoenix")).as("npm ci ran in src/test/js").isDirectory();
        Files.createDirectories(LOGS);
        redis = RedisServer.start();
        int portA = freePort();
        int portB = freePort();
        Process a = startInstance("notices-a", portA);
        Process b = startInstance("notices-b", portB);
        awaitHealthy(a, portA, "notices-a");
        awaitHealthy(b, portB, "notices-b");

        Process node = new ProcessBuilder("node", "notices.mjs", "http://127.0.0.1:" + portA, "http://127.0.0.1:" + portB)
                .directory(JS.toFile())
                .redirectError(LOGS.resolve("notices-node.err").toFile())
                .start();
        processes.add(node);
        boolean done = node.waitFor(45, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Files.writeString(LOGS.resolve("notices-scenario.json"), output);
        assertThat(done).as("the scenario finished; output so far: %s", output).isTrue();
        assertThat(output).as("scenario result (stderr in %s)", LOGS.resolve("notices-node.err")).startsWith("{\"ok\":true");
        assertThat(output).contains("\"offline\":{\"erin\":[\"carol@notices\",\"dave@notices\"],\"dave\":[\"carol@notices\",\"dave@notices\"]}");
    }

    private Process startInstance(String name, int port) throws IOException {
        Process process = DemoInstances.start(LOGS, name, port, "cluster", redis.url(),
                "--phoenix.presence.broadcast-period=200ms",
                "--phoenix.presence.max-silent-periods=5",
                "--phoenix.presence.down-period=3s");
        processes.add(process);
        return process;
    }

    private static void awaitHealthy(Process process, int port, String name) throws Exception {
        DemoInstances.awaitHealthy(process, LOGS, port, name);
    }

    private static int freePort() throws IOException {
        return DemoInstances.freePort();
    }
}
