package io.phoenixspring.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.presence.support.Node;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two and three nodes replicating presences through a real redis-server. */
class PresenceRedisClusterTest {

    private static final String TOPIC = "room:cluster";
    private RedisServer redis;
    private final List<Node> nodes = new java.util.ArrayList<>();

    @BeforeEach
    void startRedis() {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() {
        nodes.forEach(node -> {
            try {
                node.close();
            } catch (RuntimeException ignored) {
                // already crashed
            }
        });
        redis.close();
    }

    private Node node(String name) {
        Node node = new Node(name, redis.url(), TOPIC, Node.fastTracker());
        nodes.add(node);
        return node;
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50));
    }

    /** Every node lists the same presences, and every node's client view shows exactly that. */
    private static void assertConverged(Map<String, Set<Object>> expected, Node... cluster) {
        await().untilAsserted(() -> {
            for (Node node : cluster) {
                assertThat(node.listed()).as("list on %s", node.name).isEqualTo(expected);
                assertThat(node.view.refs()).as("client view on %s", node.name).isEqualTo(expected);
            }
        });
    }

    @Test
    void trackOnOneNodeListOnTheOthersThenUpdateAndUntrack() {
        Node n1 = node("n1");
        Node n2 = node("n2");
        Object alice = new Object();
        Object tab2 = new Object();
        String a1 = n1.presence.track(alice, TOPIC, "alice", Map.of("status", "online"));
        String a2 = n2.presence.track(tab2, TOPIC, "alice", Map.of("status", "online"));
        assertConverged(Map.of("alice", Set.of(a1, a2)), n1, n2);

        Node n3 = node("n3"); // a late node gets everything by transfer
        Object bob = new Object();
        String b1 = n3.presence.track(bob, TOPIC, "bob", Map.of("status", "online"));
        assertConverged(Map.of("alice", Set.of(a1, a2), "bob", Set.of(b1)), n1, n2, n3);

        String a1b = n1.presence.update(alice, TOPIC, "alice", Map.of("status", "away"));
        assertConverged(Map.of("alice", Set.of(a1b, a2), "bob", Set.of(b1)), n1, n2, n3);
        Map<String, Object> remoteMeta = n3.presence.getByKey(TOPIC, "alice").orElseThrow().get("metas") instanceof List<?> metas
                ? metas.stream().map(m -> (Map<String, Object>) castMeta(m)).filter(m -> a1b.equals(m.get("phx_ref")))
                        .findFirst().orElseThrow()
                : Map.of();
        assertThat(remoteMeta).containsEntry("status", "away").containsEntry("phx_ref_prev", a1);

        n2.presence.untrackAll(tab2);
        n3.presence.untrack(bob, TOPIC, "bob");
        assertConverged(Map.of("alice", Set.of(a1b)), n1, n2, n3);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMeta(Object meta) {
        return (Map<String, Object>) meta;
    }

    @Test
    void aCleanShutdownRemovesTheNodesPresencesAtOnce() {
        Node n1 = node("n1");
        Node n2 = node("n2");
        String a = n1.presence.track(new Object(), TOPIC, "alice", Map.of());
        String b = n2.presence.track(new Object(), TOPIC, "bob", Map.of());
        assertConverged(Map.of("alice", Set.of(a), "bob", Set.of(b)), n1, n2);
        long closed = System.nanoTime();
        n2.close();
        nodes.remove(n2);
        assertConverged(Map.of("alice", Set.of(a)), n1);
        // well before down_period (1 s): the goodbye did it
        assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void aCrashedNodesPresencesLeaveAfterDownPeriodAndItsRestartBringsNoGhosts() {
        Node n1 = node("n1");
        Node n2 = node("n2");
        Node n3 = node("n3");
        String a = n1.presence.track(new Object(), TOPIC, "alice", Map.of());
        String c1 = n3.presence.track(new Object(), TOPIC, "carol", Map.of());
        String c2 = n3.presence.track(new Object(), TOPIC, "carol", Map.of());
        assertConverged(Map.of("alice", Set.of(a), "carol", Set.of(c1, c2)), n1, n2, n3);

        long crashed = System.nanoTime();
        n3.crash();
        nodes.remove(n3);
        assertConverged(Map.of("alice", Set.of(a)), n1, n2);
        assertThat(Duration.ofNanos(System.nanoTime() - crashed)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(n1.presence.tracker().downReplicas()).hasSize(1);

        Node n3again = node("n3");
        String c3 = n3again.presence.track(new Object(), TOPIC, "carol", Map.of());
        assertConverged(Map.of("alice", Set.of(a), "carol", Set.of(c3)), n1, n2, n3again);
        // the old incarnation was discarded as soon as the new one was heard
        await().until(() -> n1.presence.tracker().downReplicas().isEmpty());
    }

    @Test
    void afterAPartitionHealsEveryNodeListsTheSamePresences() {
        Node n1 = node("n1");
        Node n2 = node("n2");
        Node n3 = node("n3");
        Object alice = new Object();
        Object bob = new Object();
        String a = n1.presence.track(alice, TOPIC, "alice", Map.of("status", "online"));
        String b = n2.presence.track(bob, TOPIC, "bob", Map.of());
        String c = n3.presence.track(new Object(), TOPIC, "carol", Map.of());
        assertConverged(Map.of("alice", Set.of(a), "bob", Set.of(b), "carol", Set.of(c)), n1, n2, n3);

        redis.kill(); // every node is cut off from every other
        String a2 = n1.presence.update(alice, TOPIC, "alice", Map.of("status", "away"));
        n2.presence.untrackAll(bob);
        String d = n3.presence.track(new Object(), TOPIC, "dave", Map.of());
        // each side marks the others down and keeps only its own presences
        await().untilAsserted(() -> {
            assertThat(n1.listed()).isEqualTo(Map.of("alice", Set.of(a2)));
            assertThat(n2.listed()).isEqualTo(Map.of());
            assertThat(n3.listed()).isEqualTo(Map.of("carol", Set.of(c), "dave", Set.of(d)));
        });
        redis.restart();
        assertConverged(Map.of("alice", Set.of(a2), "carol", Set.of(c), "dave", Set.of(d)), n1, n2, n3);
    }
}
