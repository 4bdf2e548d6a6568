package io.phoenixspring.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.pubsub.testing.HubAdapter;
import io.phoenixspring.pubsub.testing.Inbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read-only figures a dashboard shows: topics with their subscribers and messages, nodes heard from. */
class PubSubStatsTest {

    private final List<PubSub> nodes = new ArrayList<>();

    @AfterEach
    void close() {
        nodes.forEach(PubSub::close);
    }

    private PubSub node(String name, PubSubAdapter adapter) {
        PubSub pubSub = PubSub.builder().name("test").nodeName(name).poolSize(4).adapter(adapter).build();
        nodes.add(pubSub);
        return pubSub;
    }

    private static Map<String, TopicStats> byTopic(PubSub pubSub) {
        return pubSub.topicStats().stream().collect(Collectors.toMap(TopicStats::topic, Function.identity()));
    }

    @Test
    void topicStatsCountSubscribersAcrossShardsAndTheMessagesDispatchedToEachTopic() {
        PubSub pubSub = node("a", null);
        for (int i = 0; i < 7; i++) {
            pubSub.subscribe("busy", new Inbox("busy-" + i));
        }
        Inbox quiet = new Inbox("quiet");
        pubSub.subscribe("quiet", quiet);
        pubSub.subscribe("quiet", quiet);

        for (int i = 0; i < 5; i++) {
            pubSub.broadcast("busy", i);
        }
        pubSub.localBroadcast("busy", "local");
        pubSub.broadcast("nobody", "lost");

        Map<String, TopicStats> stats = byTopic(pubSub);
        assertThat(stats).containsOnlyKeys("busy", "quiet");
        assertThat(stats.get("busy")).isEqualTo(new TopicStats("busy", 7, 6));
        assertThat(stats.get("quiet")).isEqualTo(new TopicStats("quiet", 2, 0));
    }

    @Test
    void aTopicsMessageCounterGoesWithItsLastSubscriber() {
        PubSub pubSub = node("a", null);
        Inbox one = new Inbox("one");
        Inbox two = new Inbox("two");
        pubSub.subscribe("room", one);
        pubSub.subscribe("room", two);
        pubSub.broadcast("room", 1);
        pubSub.unsubscribe("room", one);
        pubSub.broadcast("room", 2);
        assertThat(byTopic(pubSub).get("room")).isEqualTo(new TopicStats("room", 1, 2));

        // The last one goes, and the count with it: a topic that comes back starts from zero.
        pubSub.unsubscribe("room", two);
        pubSub.subscribe("room", one);
        assertThat(byTopic(pubSub).get("room")).isEqualTo(new TopicStats("room", 1, 0));

        pubSub.unsubscribe("room", one);
        assertThat(pubSub.topicStats()).isEmpty();
    }

    @Test
    void nodesSeenAreTheOtherNodesHeardFromWithTheirLatestTime() {
        HubAdapter.Hub hub = new HubAdapter.Hub();
        PubSub a = node("a", hub.adapter());
        PubSub b = node("b", hub.adapter());
        PubSub c = node("c", hub.adapter());
        long before = System.currentTimeMillis();

        b.broadcast("t", 1).join();
        c.broadcast("t", 2).join();

        assertThat(a.nodesSeen()).extracting(NodeSeen::node).containsExactlyInAnyOrder("b", "c");
        assertThat(a.nodesSeen()).allSatisfy(seen -> assertThat(seen.lastSeen().toEpochMilli()).isGreaterThanOrEqualTo(before));
        assertThat(b.nodesSeen()).extracting(NodeSeen::node).containsExactly("c");
        assertThat(node("alone", null).nodesSeen()).isEmpty();
    }

    @Test
    void nodesSeenStayBounded() {
        HubAdapter.Hub hub = new HubAdapter.Hub();
        PubSub a = node("a", hub.adapter());
        for (int i = 0; i < PubSub.MAX_NODES_SEEN + 10; i++) {
            PubSub other = node("n" + i, hub.adapter());
            other.broadcast("t", i).join();
            other.close();
        }
        assertThat(a.nodesSeen()).hasSize(PubSub.MAX_NODES_SEEN);
        assertThat(a.nodesSeen()).extracting(NodeSeen::node).contains("n" + (PubSub.MAX_NODES_SEEN + 9));
    }
}
