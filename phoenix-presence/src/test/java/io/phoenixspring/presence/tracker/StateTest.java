package io.phoenixspring.presence.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateTest {

    private static Map<String, Object> meta(String status) {
        return Metas.withRefs(Map.of("status", status), Refs.next(), null);
    }

    private static List<String> refs(List<Change> changes) {
        return changes.stream().map(c -> c.entry().ref()).toList();
    }

    @Test
    void localAddAndRemoveReportJoinAndLeaveAndBumpTheClock() {
        State a = new State("a");
        Changes out = new Changes();
        Tag tag = a.add("room:1", "alice", meta("online"), out);
        assertThat(a.clock()).isEqualTo(1);
        assertThat(out.byTopic().get("room:1").joins()).hasSize(1);
        Changes left = new Changes();
        assertThat(a.remove(tag, left)).isTrue();
        assertThat(a.clock()).isEqualTo(2);
        assertThat(left.byTopic().get("room:1").leaves()).hasSize(1);
        assertThat(a.remove(tag, new Changes())).as("second remove").isFalse();
        assertThat(a.list("room:1")).isEmpty();
    }

    @Test
    void aDeltaFromAheadOfWhatWasSeenIsAGapAndChangesNothing() {
        State a = new State("a");
        State b = new State("b");
        a.add("room:1", "alice", meta("online"), new Changes());
        a.takeDelta(); // lost
        a.add("room:1", "bob", meta("online"), new Changes());
        Changes out = new Changes();
        assertThat(b.mergeDelta(a.takeDelta(), out)).isEqualTo(State.MergeResult.GAP);
        assertThat(out.isEmpty()).isTrue();
        assertThat(b.list("room:1")).isEmpty();
        assertThat(b.replaceReplica("a", a.clock(), a.ownValues(), out)).isTrue();
        assertThat(b.list("room:1")).containsOnlyKeys("alice", "bob");
        assertThat(out.byTopic().get("room:1").joins()).hasSize(2);
    }

    @Test
    void applyingADeltaTwiceOrAfterANewerTransferChangesNothing() {
        State a = new State("a");
        State b = new State("b");
        Tag alice = a.add("room:1", "alice", meta("online"), new Changes());
        Delta first = a.takeDelta();
        assertThat(b.mergeDelta(first, new Changes())).isEqualTo(State.MergeResult.APPLIED);
        Changes again = new Changes();
        assertThat(b.mergeDelta(first, again)).isEqualTo(State.MergeResult.DUPLICATE);
        assertThat(again.isEmpty()).isTrue();

        a.remove(alice, new Changes());
        Delta second = a.takeDelta();
        b.replaceReplica("a", a.clock(), a.ownValues(), new Changes());
        assertThat(b.list("room:1")).isEmpty();
        Changes stale = new Changes();
        assertThat(b.mergeDelta(second, stale)).isEqualTo(State.MergeResult.DUPLICATE);
        assertThat(b.mergeDelta(first, stale)).isEqualTo(State.MergeResult.DUPLICATE);
        assertThat(stale.isEmpty()).isTrue();
        assertThat(b.list("room:1")).isEmpty();
        assertThat(b.replaceReplica("a", 1, Map.of(1L, new Entry("room:1", "alice", meta("x"))), stale))
                .as("an older transfer is ignored").isFalse();
        assertThat(b.list("room:1")).isEmpty();
    }

    @Test
    void aDeltaRemovesOlderPresencesAndAnUpdateIsOneLeaveAndOneJoin() {
        State a = new State("a");
        State b = new State("b");
        Tag alice = a.add("room:1", "alice", meta("online"), new Changes());
        b.mergeDelta(a.takeDelta(), new Changes());
        Entry old = a.entry(alice);
        a.remove(alice, new Changes());
        a.add("room:1", "alice", Metas.withRefs(Map.of("status", "away"), Refs.next(), old.ref()), new Changes());
        Delta update = a.takeDelta();
        assertThat(update.removed()).containsExactly(alice.clock());
        Changes out = new Changes();
        assertThat(b.mergeDelta(update, out)).isEqualTo(State.MergeResult.APPLIED);
        Changes.TopicChanges changes = out.byTopic().get("room:1");
        assertThat(refs(changes.leaves())).containsExactly(old.ref());
        assertThat(changes.joins()).hasSize(1);
        assertThat(changes.joins().get(0).entry().meta()).containsEntry("phx_ref_prev", old.ref())
                .containsEntry("status", "away");
        assertThat(b.get("room:1", "alice")).hasSize(1);
    }

    @Test
    void aDownReplicaIsHiddenThenShownAgainWithoutDuplicatesOrDroppedForGood() {
        State a = new State("a");
        State b = new State("b");
        a.add("room:1", "alice", meta("online"), new Changes());
        a.add("room:1", "alice", meta("online"), new Changes());
        b.mergeDelta(a.takeDelta(), new Changes());
        assertThat(b.get("room:1", "alice")).hasSize(2);

        Changes down = new Changes();
        b.replicaDown("a", down);
        assertThat(down.byTopic().get("room:1").leaves()).hasSize(2);
        assertThat(b.list("room:1")).isEmpty();
        assertThat(b.count("room:1")).isZero();

        // while down, a's heartbeat delta is merged hidden
        a.add("room:1", "bob", meta("online"), new Changes());
        Changes hidden = new Changes();
        assertThat(b.mergeDelta(a.takeDelta(), hidden)).isEqualTo(State.MergeResult.APPLIED);
        assertThat(hidden.isEmpty()).isTrue();

        Changes up = new Changes();
        b.replicaUp("a", up);
        assertThat(up.byTopic().get("room:1").joins()).hasSize(3);
        assertThat(b.get("room:1", "alice")).hasSize(2);
        assertThat(b.get("room:1", "bob")).hasSize(1);

        Changes gone = new Changes();
        b.removeReplica("a", gone);
        assertThat(gone.byTopic().get("room:1").leaves()).hasSize(3);
        assertThat(b.list("room:1")).isEmpty();
        assertThat(b.clock("a")).isZero();
        assertThat(b.knows("a")).isFalse();
    }

    @Test
    void aTransferReplacesWhatWasKnownOfTheReplicaAndReportsOnlyTheDifference() {
        State a = new State("a");
        State b = new State("b");
        Tag alice = a.add("room:1", "alice", meta("online"), new Changes());
        a.add("room:1", "bob", meta("online"), new Changes());
        b.mergeDelta(a.takeDelta(), new Changes());
        a.remove(alice, new Changes());
        a.add("room:2", "carol", meta("online"), new Changes());
        a.takeDelta(); // lost
        Changes out = new Changes();
        b.replaceReplica("a", a.clock(), a.ownValues(), out);
        assertThat(out.byTopic().get("room:1").leaves()).hasSize(1);
        assertThat(out.byTopic().get("room:1").joins()).isEmpty();
        assertThat(out.byTopic().get("room:2").joins()).hasSize(1);
        assertThat(b.list("room:1")).containsOnlyKeys("bob");
        assertThat(b.list("room:2")).containsOnlyKeys("carol");
    }

    @Test
    void ownPresencesCannotBeChangedByOthers() {
        State a = new State("a");
        a.add("room:1", "alice", meta("online"), new Changes());
        assertThat(a.mergeDelta(new Delta("a", 0, 5, Map.of(), java.util.Set.of()), new Changes()))
                .isEqualTo(State.MergeResult.DUPLICATE);
        assertThat(a.replaceReplica("a", 10, Map.of(), new Changes())).isFalse();
        a.replicaDown("a", new Changes());
        a.removeReplica("a", new Changes());
        assertThat(a.list("room:1")).containsOnlyKeys("alice");
        assertThat(a.remove(new Tag("b", 1), new Changes())).isFalse();
    }
}
