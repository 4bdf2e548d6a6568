package io.phoenixspring.presence.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the CRDT with seeded random histories: three replicas track, untrack and
 * update their own presences; the merge is commutative, associative and idempotent, and replicas
 * that exchange deltas and transfers in any order, with duplicates and losses, converge.
 */
class CrdtPropertyTest {

    private static final String[] REPLICAS = {"a", "b", "c"};
    private static final String[] TOPICS = {"room:1", "room:2"};
    private static final String[] KEYS = {"alice", "bob", "carol", "dave"};

    /** Random local history for one replica, applied to its own state. */
    private static void randomLocalOp(State state, Random random, List<Tag> mine) {
        int op = random.nextInt(10);
        if (mine.isEmpty() || op < 5) {
            Map<String, Object> meta = Metas.withRefs(Map.of("status", "s" + random.nextInt(3)), Refs.next(), null);
            mine.add(state.add(TOPICS[random.nextInt(TOPICS.length)], KEYS[random.nextInt(KEYS.length)], meta, new Changes()));
        } else if (op < 8) {
            Tag tag = mine.remove(random.nextInt(mine.size()));
            assertThat(state.remove(tag, new Changes())).isTrue();
        } else {
            Tag old = mine.remove(random.nextInt(mine.size()));
            Entry entry = state.entry(old);
            state.remove(old, new Changes());
            Map<String, Object> meta = Metas.withRefs(Map.of("status", "u" + random.nextInt(3)), Refs.next(), entry.ref());
            mine.add(state.add(entry.topic(), entry.key(), meta, new Changes()));
        }
    }

    /** A reachable snapshot: some replicas' local histories, partially merged into one another. */
    private static Snapshot randomSnapshot(Random random, Map<String, List<Snapshot>> histories) {
        Snapshot s = Snapshot.EMPTY;
        for (String replica : REPLICAS) {
            List<Snapshot> history = histories.get(replica);
            if (random.nextBoolean()) {
                s = Snapshot.join(s, history.get(random.nextInt(history.size())));
            }
        }
        return s;
    }

    private static Map<String, List<Snapshot>> histories(Random random, int steps) {
        Map<String, List<Snapshot>> histories = new HashMap<>();
        for (String replica : REPLICAS) {
            State state = new State(replica);
            List<Tag> mine = new ArrayList<>();
            List<Snapshot> history = new ArrayList<>();
            history.add(state.snapshot());
            for (int i = 0; i < steps; i++) {
                randomLocalOp(state, random, mine);
                history.add(state.snapshot());
            }
            histories.put(replica, history);
        }
        return histories;
    }

    @Test
    void joinIsCommutativeAssociativeAndIdempotent() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            Map<String, List<Snapshot>> histories = histories(random, 25);
            Snapshot x = randomSnapshot(random, histories);
            Snapshot y = randomSnapshot(random, histories);
            Snapshot z = randomSnapshot(random, histories);
            assertThat(Snapshot.join(x, y)).as("commutative, seed %d", seed).isEqualTo(Snapshot.join(y, x));
            assertThat(Snapshot.join(Snapshot.join(x, y), z)).as("associative, seed %d", seed)
                    .isEqualTo(Snapshot.join(x, Snapshot.join(y, z)));
            assertThat(Snapshot.join(x, x)).as("idempotent, seed %d", seed).isEqualTo(x);
            assertThat(Snapshot.join(Snapshot.join(x, y), y)).as("absorbs, seed %d", seed).isEqualTo(Snapshot.join(x, y));
        }
    }

    @Test
    void joinKeepsTheNewestKnowledgeOfEveryReplica() {
        Random random = new Random(42);
        Map<String, List<Snapshot>> histories = histories(random, 40);
        for (String replica : REPLICAS) {
            List<Snapshot> history = histories.get(replica);
            Snapshot old = history.get(10);
            Snapshot latest = history.get(history.size() - 1);
            // whatever order an old and a new view of a replica are merged in, the new one wins
            assertThat(Snapshot.join(old, latest)).isEqualTo(latest);
            assertThat(Snapshot.join(latest, old)).isEqualTo(latest);
        }
    }

    /** A message on the simulated network. */
    private record Message(String to, Delta delta, String transferFrom, long transferClock, Map<Long, Entry> transfer) {
    }

    @Test
    void randomInterleavingsOfDeltasAndTransfersAcrossThreeReplicasConverge() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            Map<String, State> states = new TreeMap<>();
            Map<String, List<Tag>> mine = new HashMap<>();
            for (String replica : REPLICAS) {
                states.put(replica, new State(replica));
                mine.put(replica, new ArrayList<>());
            }
            List<Message> network = new ArrayList<>();
            int steps = 150 + random.nextInt(150);
            for (int step = 0; step < steps; step++) {
                String replica = REPLICAS[random.nextInt(REPLICAS.length)];
                State state = states.get(replica);
                int action = random.nextInt(10);
                if (action < 5) {
                    randomLocalOp(state, random, mine.get(replica));
                } else if (action < 7) {
                    broadcastDelta(state, network, random);
                } else if (!network.isEmpty()) {
                    deliver(network, states, random, random.nextInt(5) == 0);
                }
            }
            // Quiesce: every replica broadcasts what is pending and the network drains (no loss).
            for (int round = 0; round < 10; round++) {
                for (State state : states.values()) {
                    broadcastDelta(state, network, null);
                }
                while (!network.isEmpty()) {
                    deliver(network, states, random, false);
                }
            }
            // A replica never misses a change for good: heartbeats carry clocks, a gap asks for a transfer.
            for (State receiver : states.values()) {
                for (State owner : states.values()) {
                    if (receiver != owner && receiver.clock(owner.replica()) < owner.clock()) {
                        receiver.replaceReplica(owner.replica(), owner.clock(), owner.ownValues(), new Changes());
                    }
                }
            }
            Snapshot expected = Snapshot.EMPTY;
            for (State state : states.values()) {
                expected = Snapshot.join(expected, ownOnly(state));
            }
            for (State state : states.values()) {
                assertThat(state.snapshot()).as("replica %s, seed %d", state.replica(), seed).isEqualTo(expected);
                for (String topic : TOPICS) {
                    assertThat(asSets(state.list(topic))).as("list of %s on %s, seed %d", topic, state.replica(), seed)
                            .isEqualTo(asSets(states.get("a").list(topic)));
                }
            }
        }
    }

    /** Listed presences with metas as sets: the order of metas of one key is not part of the contract. */
    static Map<String, java.util.Set<Map<String, Object>>> asSets(Map<String, List<Map<String, Object>>> list) {
        Map<String, java.util.Set<Map<String, Object>>> out = new TreeMap<>();
        list.forEach((key, metas) -> out.put(key, new java.util.HashSet<>(metas)));
        return out;
    }

    private static Snapshot ownOnly(State state) {
        Map<Tag, Entry> values = new HashMap<>();
        state.ownValues().forEach((clock, entry) -> values.put(new Tag(state.replica(), clock), entry));
        return new Snapshot(Map.of(state.replica(), state.clock()), values);
    }

    private static void broadcastDelta(State state, List<Message> network, Random lossy) {
        Delta delta = state.takeDelta();
        for (String to : REPLICAS) {
            if (!to.equals(state.replica()) && (lossy == null || lossy.nextInt(6) != 0)) {
                network.add(new Message(to, delta, null, 0, null));
            }
        }
    }

    private static void deliver(List<Message> network, Map<String, State> states, Random random, boolean duplicate) {
        int index = random.nextInt(network.size());
        Message message = duplicate ? network.get(index) : network.remove(index);
        State receiver = states.get(message.to());
        if (message.delta() != null) {
            if (receiver.mergeDelta(message.delta(), new Changes()) == State.MergeResult.GAP) {
                State owner = states.get(message.delta().replica());
                network.add(new Message(message.to(), null, owner.replica(), owner.clock(), owner.ownValues()));
            }
        } else {
            receiver.replaceReplica(message.transferFrom(), message.transferClock(), message.transfer(), new Changes());
        }
    }

    @Test
    void compactedDeltasApplyLikeTheDeltasOneByOne() {
        for (int seed = 0; seed < 100; seed++) {
            Random random = new Random(seed);
            State owner = new State("a");
            List<Tag> mine = new ArrayList<>();
            State stepwise = new State("b");
            State compacted = new State("c");
            Delta combined = null;
            for (int i = 0; i < 20; i++) {
                for (int j = random.nextInt(5); j >= 0; j--) {
                    randomLocalOp(owner, random, mine);
                }
                Delta delta = owner.takeDelta();
                assertThat(stepwise.mergeDelta(delta, new Changes())).isEqualTo(State.MergeResult.APPLIED);
                combined = combined == null ? delta : combined.then(delta);
            }
            assertThat(compacted.mergeDelta(combined, new Changes())).isEqualTo(State.MergeResult.APPLIED);
            assertThat(asSets(compacted.list("room:1"))).isEqualTo(asSets(stepwise.list("room:1")));
            assertThat(asSets(compacted.list("room:2"))).isEqualTo(asSets(stepwise.list("room:2")));
            assertThat(compacted.clock("a")).isEqualTo(owner.clock());
        }
    }
}
