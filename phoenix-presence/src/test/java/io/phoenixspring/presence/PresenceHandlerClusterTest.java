package io.phoenixspring.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.presence.support.Events;
import io.phoenixspring.presence.support.HandlerCalls;
import io.phoenixspring.presence.support.Node;
import io.phoenixspring.presence.support.UserGone;
import io.phoenixspring.presence.support.UserOffline;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's "user went offline" handlers on two nodes over a real redis-server: every node's
 * handlers see every node's diffs, and the presences of a node that dies; the guarded one speaks
 * from one node only.
 * {@code SeparateJvmPresenceTest} does the same with a node process killed by SIGKILL.
 */
class PresenceHandlerClusterTest {

    private static final String LOBBY = UserOffline.LOBBY;
    private RedisServer redis;
    private final List<Node> nodes = new ArrayList<>();

    /**
     * One node with the README's two example handlers and a recording one, and subscribers of the
     * lobby's "user_offline" (every node says it to its own subscribers) and "user_gone" (one node
     * says it to all).
     */
    private record Member(Node node, HandlerCalls calls, Events offline, Events gone) {
    }

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

    private Member member(String name) {
        HandlerCalls calls = new HandlerCalls();
        AtomicReference<Presence> presence = new AtomicReference<>();
        Node node = new Node(name, redis.url(), LOBBY, Node.fastTracker(),
                List.of(UserOffline::new, endpoint -> new UserGone(endpoint, presence::get), endpoint -> calls));
        presence.set(node.presence);
        nodes.add(node);
        Events offline = new Events("user_offline");
        Events gone = new Events("user_gone");
        node.endpoint.subscribe(LOBBY, offline);
        node.endpoint.subscribe(LOBBY, gone);
        return new Member(node, calls, offline, gone);
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20));
    }

    @Test
    void everyNodeSaysUserOfflineOnceWhenTheUsersLastTabLeavesWhereverItWas() throws Exception {
        Member m1 = member("n1");
        Member m2 = member("n2");
        Object tab1 = new Object();
        Object tab2 = new Object();
        String a1 = m1.node().presence.track(tab1, LOBBY, "alice", Map.of());
        String a2 = m2.node().presence.track(tab2, LOBBY, "alice", Map.of());
        String b = m1.node().presence.track(new Object(), LOBBY, "bob", Map.of());
        for (Member m : List.of(m1, m2)) {
            await().until(() -> m.calls().joinedRefs().containsAll(List.of(a1, a2, b)));
        }

        m1.node().presence.untrackAll(tab1); // one of alice's two tabs
        for (Member m : List.of(m1, m2)) {
            await().until(() -> m.calls().leftRefs().contains(a1));
        }
        Thread.sleep(100);
        for (Member m : List.of(m1, m2)) {
            assertThat(m.offline().payloads()).as("alice still has a tab on n2").isEmpty();
            assertThat(m.gone().payloads()).as("alice still has a tab on n2").isEmpty();
        }

        m2.node().presence.untrackAll(tab2); // her last one, on the other node
        for (Member m : List.of(m1, m2)) {
            await().until(() -> m.calls().leftRefs().contains(a2));
        }
        for (Member m : List.of(m1, m2)) {
            await().until(() -> !m.gone().payloads().isEmpty());
        }
        Thread.sleep(200);
        for (Member m : List.of(m1, m2)) {
            assertThat(m.offline().payloads()).as("on %s", m.node().name).containsExactly(Map.of("user", "alice"));
            assertThat(m.gone().payloads()).as("once in the cluster, on %s", m.node().name)
                    .containsExactly(Map.of("user", "alice"));
        }
    }

    @Test
    void whenTheNodeHoldingTheUserDiesTheSurvivorsHandlerSeesTheLeavesAndSaysUserOffline() throws Exception {
        Member victim = member("n1"); // the first node up: the one that said "user_gone" until now
        Member survivor = member("n2");
        String b = survivor.node().presence.track(new Object(), LOBBY, "bob", Map.of());
        String c1 = victim.node().presence.track(new Object(), LOBBY, "carol", Map.of());
        String c2 = victim.node().presence.track(new Object(), LOBBY, "carol", Map.of());
        await().until(() -> survivor.calls().joinedRefs().containsAll(List.of(b, c1, c2)));

        victim.node().crash(); // no goodbye: the survivor notices the silence after down_period
        await().until(() -> survivor.calls().leftRefs().containsAll(List.of(c1, c2)));
        await().until(() -> !survivor.offline().payloads().isEmpty() && !survivor.gone().payloads().isEmpty());
        Thread.sleep(200);
        assertThat(survivor.offline().payloads()).containsExactly(Map.of("user", "carol"));
        assertThat(survivor.gone().payloads()).as("the survivor is the first node up now")
                .containsExactly(Map.of("user", "carol"));
        assertThat(survivor.calls().last().presenceRefs()).containsOnlyKeys("bob");
    }
}
