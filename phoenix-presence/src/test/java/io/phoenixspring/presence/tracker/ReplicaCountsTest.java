package io.phoenixspring.presence.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.pubsub.PubSub;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-replica counts of a topic (the dashboard's presence page): keys and metas per node, down nodes hidden. */
class ReplicaCountsTest {

    private static Map<String, Object> meta() {
        return Metas.withRefs(Map.of("status", "online"), Refs.next(), null);
    }

    @Test
    void countsKeysAndMetasPerReplicaAndHidesDownReplicas() {
        State a = new State("a");
        State b = new State("b");
        a.add("room:1", "alice", meta(), new Changes());
        a.add("room:1", "alice", meta(), new Changes()); // a second tab: same key, one more meta
        a.add("room:1", "bob", meta(), new Changes());
        a.add("room:2", "carol", meta(), new Changes());
        b.add("room:1", "alice", meta(), new Changes()); // alice on node b too
        a.mergeDelta(b.takeDelta(), new Changes());

        assertThat(a.replicaCounts("room:1")).containsExactly(
                new ReplicaCount("a", 2, 3),
                new ReplicaCount("b", 1, 1));
        assertThat(a.replicaCounts("room:2")).containsExactly(new ReplicaCount("a", 1, 1));
        assertThat(a.replicaCounts("room:none")).isEmpty();

        a.replicaDown("b", new Changes());
        assertThat(a.replicaCounts("room:1")).containsExactly(new ReplicaCount("a", 2, 3));
        // The counts agree with what the tracker lists and counts.
        assertThat(a.count("room:1")).isEqualTo(3);
        assertThat(a.list("room:1")).hasSize(2);
    }

    @Test
    void theTrackerAnswersPerTopicWhateverShardHoldsIt() {
        try (PubSub pubSub = PubSub.builder().nodeName("dash").build();
                Tracker tracker = new Tracker(pubSub, TrackerOptions.defaults("counts").withPoolSize(4), (t, j, l) -> {
                })) {
            Object tab1 = new Object();
            Object tab2 = new Object();
            for (int i = 0; i < 8; i++) {
                tracker.track(tab1, "room:" + i, "alice", Map.of());
                tracker.track(tab2, "room:" + i, "alice", Map.of());
                tracker.track(tab1, "room:" + i, "bob", Map.of());
            }
            for (int i = 0; i < 8; i++) {
                assertThat(tracker.replicaCounts("room:" + i)).containsExactly(new ReplicaCount(tracker.replica(), 2, 3));
            }
            tracker.untrack(tab1);
            assertThat(tracker.replicaCounts("room:3")).containsExactly(new ReplicaCount(tracker.replica(), 1, 1));
            assertThat(tracker.replicaCounts("room:none")).isEmpty();
        }
    }
}
