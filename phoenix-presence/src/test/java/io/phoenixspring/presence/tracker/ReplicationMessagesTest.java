package io.phoenixspring.presence.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.pubsub.JsonMessageCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplicationMessagesTest {

    private final JsonMessageCodec codec = new JsonMessageCodec();

    private Object roundTrip(Object message) {
        return codec.decode(codec.encode(message));
    }

    @Test
    void aHeartbeatWithItsDeltaSurvivesTheJsonCodec() {
        State a = new State("node1#x");
        Tag alice = a.add("room:1", "alice", Metas.withRefs(Map.of("online_at", "1", "nested", Map.of("k", List.of(1, 2))),
                Refs.next(), null), new Changes());
        a.takeDelta();
        a.remove(alice, new Changes());
        a.add("room:1", "bob", Metas.withRefs(Map.of("status", "online"), Refs.next(), null), new Changes());
        Delta delta = a.takeDelta();
        Map<?, ?> decoded = (Map<?, ?>) roundTrip(ReplicationMessages.heartbeat(a.replica(), "node1", a.clock(), delta));
        assertThat(ReplicationMessages.type(decoded)).isEqualTo("hb");
        assertThat(ReplicationMessages.hasDelta(decoded)).isTrue();
        assertThat(ReplicationMessages.delta("node1#x", decoded)).isEqualTo(delta);
    }

    @Test
    void aTransferSurvivesTheJsonCodec() {
        State a = new State("n#1");
        a.add("room:1", "alice", Metas.withRefs(Map.of("n", 1.5, "b", true), Refs.next(), null), new Changes());
        Map<?, ?> decoded = (Map<?, ?>) roundTrip(ReplicationMessages.transfer("n#1", "n", "m#2", a.clock(), a.ownValues()));
        assertThat(ReplicationMessages.transferValues(decoded)).isEqualTo(a.ownValues());
    }

    @Test
    void malformedMessagesAreRejectedWithIllegalArgumentOnly() {
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(new HashMap<>(Map.of("t", "hb", "r", "x", "n", "y", "c", "nope")));
        bad.add(new HashMap<>(Map.of("t", "hb", "r", "x", "n", "y", "c", -1)));
        bad.add(new HashMap<>(Map.of("t", "hb", "r", "x", "n", "y", "c", 3, "f", 1, "v", "notalist")));
        bad.add(new HashMap<>(Map.of("t", "hb", "r", "x", "n", "y", "c", 3, "f", 1, "v", List.of(List.of(9, "t", "k", Map.of("phx_ref", "r"))))));
        bad.add(new HashMap<>(Map.of("t", "hb", "r", "x", "n", "y", "c", 3, "f", 1, "v", List.of(List.of(2, "t", "k", Map.of())))));
        bad.add(new HashMap<>(Map.of("t", "hb", "r", "x", "n", "y", "c", 3, "f", 1, "v", List.of(List.of(2, 5, "k", Map.of("phx_ref", "r"))))));
        bad.add(new HashMap<>(Map.of("t", "hb", "r", "x", "n", "y", "c", 3, "f", 1, "x", List.of(2))));
        bad.add(new HashMap<>(Map.of("t", "hb", "r", "x", "n", "y", "c", 1, "f", 3)));
        bad.add(new HashMap<>(Map.of("t", "tres", "r", "x", "n", "y", "c", 1, "v", List.of("a"))));
        for (Map<String, Object> m : bad) {
            assertThatThrownBy(() -> {
                ReplicationMessages.number(m, "c");
                String type = ReplicationMessages.type(m);
                if (type.equals("hb")) {
                    ReplicationMessages.delta("x", m);
                } else {
                    ReplicationMessages.transferValues(m);
                }
            }).as("%s", m).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void randomGarbageNeverThrowsAnythingButIllegalArgument() {
        Random random = new Random(7);
        Object[] atoms = {null, "", "hb", "tres", 1, -5, 2.5, true, List.of(), Map.of(), List.of(1, "t", "k", Map.of()),
                Map.of("phx_ref", 3), Arrays.asList(1, null, null, null)};
        for (int i = 0; i < 5000; i++) {
            Map<String, Object> m = new HashMap<>();
            for (String field : new String[] {"t", "r", "n", "c", "f", "v", "x", "to"}) {
                if (random.nextBoolean()) {
                    Object value = atoms[random.nextInt(atoms.length)];
                    if (random.nextInt(4) == 0) {
                        value = List.of(atoms[random.nextInt(atoms.length - 1) + 1]);
                    }
                    m.put(field, value);
                }
            }
            try {
                ReplicationMessages.string(m, "r");
                ReplicationMessages.number(m, "c");
                if (ReplicationMessages.hasDelta(m)) {
                    ReplicationMessages.delta("x", m);
                }
                ReplicationMessages.transferValues(m);
            } catch (IllegalArgumentException expected) {
                // fine
            }
        }
    }
}
