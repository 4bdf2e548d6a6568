package io.phoenixspring.presence.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.channels.support.TestServer;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.presence.PresenceOptions;
import io.phoenixspring.presence.support.Node;
import io.phoenixspring.presence.support.RoomPresence;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One user must not be able to stop presence replication (issue 12): a meta that cannot be
 * written is refused when tracked, anything a client can send replicates, and an entry that
 * cannot be written anyway (forced in) is left out with one WARN line while the others go on.
 */
class ReplicableMetaTest {

    private static final String TOPIC = "room:deep";

    private final List<AutoCloseable> closing = new ArrayList<>();
    private RedisServer redis;

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    // ---- refused at track / update ----

    @Test
    void trackingAMetaNestedDeeperThanAnyWriterAllowsIsRefusedAndChangesNothing() {
        List<String> diffs = new ArrayList<>();
        Tracker tracker = tracker(diffs);
        Snapshot before = tracker.shard(TOPIC).snapshot();
        Object alice = new Object();

        assertThatThrownBy(() -> tracker.track(alice, TOPIC, "alice", Map.of("status", nested(1200))))
                .isInstanceOf(InvalidMetaException.class)
                .hasMessageContaining("'alice'").hasMessageContaining("'" + TOPIC + "'")
                .hasMessageContaining("'status'").hasMessageContaining("990");

        assertThat(tracker.list(TOPIC)).isEmpty();
        assertThat(tracker.shard(TOPIC).snapshot()).isEqualTo(before);
        assertThat(diffs).isEmpty();
        // the slot is still free
        String ref = tracker.track(alice, TOPIC, "alice", Map.of("status", "online"));
        assertThat(tracker.getByKey(TOPIC, "alice")).extracting(m -> m.get("phx_ref")).containsExactly(ref);
    }

    @Test
    void updatingToAMetaThatCannotBeWrittenIsRefusedAndKeepsTheOldMeta() {
        List<String> diffs = new ArrayList<>();
        Tracker tracker = tracker(diffs);
        Object alice = new Object();
        String ref = tracker.track(alice, TOPIC, "alice", Map.of("status", "online"));
        Snapshot before = tracker.shard(TOPIC).snapshot();
        diffs.clear();

        assertThatThrownBy(() -> tracker.update(alice, TOPIC, "alice", Map.of("status", nested(1200))))
                .isInstanceOf(InvalidMetaException.class)
                .hasMessageContaining("'alice'").hasMessageContaining("'status'").hasMessageContaining("990");
        assertThatThrownBy(() -> tracker.update(alice, TOPIC, "alice", meta -> {
            meta.put("status", nested(1200)); // as the demo's set_status does with the client's value
            return meta;
        })).isInstanceOf(InvalidMetaException.class).hasMessageContaining("'alice'").hasMessageContaining("'status'");
        assertThatThrownBy(() -> tracker.update(alice, TOPIC, "alice", meta -> {
            meta.put("socket", new Unwritable()); // a value Jackson cannot write
            return meta;
        })).isInstanceOf(InvalidMetaException.class).hasMessageContaining("'alice'").hasMessageContaining("'socket'")
                .hasMessageContaining("not now");
        Map<String, Object> cycle = new LinkedHashMap<>();
        cycle.put("self", cycle);
        assertThatThrownBy(() -> tracker.track(new Object(), TOPIC, "bob", Map.of("socket", new Unwritable())))
                .isInstanceOf(InvalidMetaException.class).hasMessageContaining("'bob'").hasMessageContaining("'socket'");
        assertThatThrownBy(() -> tracker.track(new Object(), TOPIC, "carol", Map.of("loop", cycle)))
                .isInstanceOf(InvalidMetaException.class).hasMessageContaining("'carol'");

        assertThat(tracker.shard(TOPIC).snapshot()).isEqualTo(before);
        assertThat(tracker.getByKey(TOPIC, "alice")).singleElement()
                .satisfies(meta -> assertThat(meta).containsEntry("phx_ref", ref).containsEntry("status", "online"));
        assertThat(diffs).isEmpty();
        // and the presence can still be updated
        String next = tracker.update(alice, TOPIC, "alice", Map.of("status", "away"));
        assertThat(tracker.getByKey(TOPIC, "alice")).extracting(m -> m.get("phx_ref")).containsExactly(next);
    }

    // ---- what a client can send replicates ----

    @Test
    void aStatusAsDeepAsAClientCanSendReplicatesToTheOtherNodeAndReachesPresenceDiff() {
        Object status = deepestClientStatus();
        Node n1 = node("n1");
        Node n2 = node("n2");
        Object alice = new Object();
        String first = n1.presence.track(alice, TOPIC, "alice", Map.of("status", "online"));
        assertConverged(Map.of("alice", Set.of(first)), n1, n2);

        // what the demo's set_status does with the client's payload
        String second = n1.presence.update(alice, TOPIC, "alice", meta -> {
            meta.put("status", status);
            return meta;
        });
        assertConverged(Map.of("alice", Set.of(second)), n1, n2);
        Map<String, Object> replicated = onlyMeta(n2, "alice");
        assertThat(replicated).containsEntry("phx_ref", second).containsEntry("phx_ref_prev", first);
        assertThat(replicated.get("status")).isEqualTo(status);
    }

    // ---- an entry that cannot be written blocks nobody ----

    @Test
    void aPresenceThatCannotBeWrittenIsLeftOutWithOneLineAndTheOthersReplicate() {
        ListAppender<ILoggingEvent> logged = capture(Shard.class);
        Node n1 = node("n1");
        Node n2 = node("n2");

        poison(n1.presence.tracker(), new Object(), "mallory");
        String bob = n1.presence.track(new Object(), TOPIC, "bob", Map.of("status", "online"));
        assertConverged(Map.of("bob", Set.of(bob)), n1, n2); // by the heartbeat's delta
        Node n3 = node("n3");
        assertConverged(Map.of("bob", Set.of(bob)), n1, n2, n3); // by a transfer of the whole state

        assertThat(n1.presence.tracker().unwritableMetas()).isEqualTo(1);
        assertOneLineWarning(logged, "mallory");
    }

    @Test
    void aPresenceThatCannotBeWrittenIsLeftOutOfPresenceDiffAndPresenceStateOnARealSocket() {
        ListAppender<ILoggingEvent> logged = capture(Shard.class);
        TestServer server = RoomPresence.server(PubSub.builder().build(),
                PresenceOptions.defaults().withDiffWindow(Duration.ofMillis(300)));
        closing.add(server);
        Presence presence = RoomPresence.of(server);
        RawClient alice = join(server, "alice");

        // in one diff window: the bad presence and a good one
        poison(presence.tracker(), new Object(), "mallory");
        presence.track(new Object(), TOPIC, "bob", Map.of("status", "online"));
        String diff = alice.await(frame -> frame.contains("\"presence_diff\"") && frame.contains("\"bob\""));
        assertThat(diff).doesNotContain("mallory");

        RawClient carol = RawClient.connect(server.wsUrlFor("carol"));
        closing.add(carol);
        carol.send("[\"1\",\"1\",\"" + TOPIC + "\",\"phx_join\",{}]");
        String state = carol.await(frame -> frame.contains("\"presence_state\""));
        assertThat(state).contains("\"alice\"", "\"bob\"", "\"carol\"").doesNotContain("mallory");

        assertOneLineWarning(logged, "mallory");
    }

    // ---- helpers ----

    /** A value Jackson cannot write: its only property fails. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("not now");
        }
    }

    /**
     * The deepest {@code status} a client can send in a set_status: its frame nests exactly 500
     * levels, the most the channels' reader takes (Jackson's default), one more is refused.
     */
    private static Object deepestClientStatus() {
        JsonMapper clientReader = JsonMapper.builder().build();
        String frame = "[null,\"3\",\"" + TOPIC + "\",\"set_status\",{\"status\":" + nestedJson(498) + "}]";
        String tooDeep = "[null,\"3\",\"" + TOPIC + "\",\"set_status\",{\"status\":" + nestedJson(499) + "}]";
        assertThatThrownBy(() -> clientReader.readTree(tooDeep)).isInstanceOf(StreamConstraintsException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = clientReader.treeToValue(clientReader.readTree(frame).get(4), Map.class);
        return payload.get("status");
    }

    private RawClient join(TestServer server, String user) {
        RawClient client = RawClient.connect(server.wsUrlFor(user));
        closing.add(client);
        client.send("[\"1\",\"1\",\"" + TOPIC + "\",\"phx_join\",{}]");
        client.await(frame -> frame.contains("\"presence_state\""));
        return client;
    }

    private static String nestedJson(int levels) {
        return "{\"a\":".repeat(levels) + "\"x\"" + "}".repeat(levels);
    }

    /** A JSON object nested {@code levels} deep, built server-side. */
    private static Map<String, Object> nested(int levels) {
        Object value = "x";
        for (int i = 0; i < levels; i++) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("a", value);
            value = level;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) value;
        return top;
    }

    /**
     * Forces a presence whose meta cannot be written into a tracker's state, past the checks of
     * track (as a bug or a future code path might).
     */
    private static void poison(Tracker tracker, Object owner, String key) {
        TreeMap<String, Object> meta = new TreeMap<>();
        meta.put("status", nested(1200));
        meta.put(Metas.PHX_REF, Refs.next());
        tracker.shard(TOPIC).add(owner, TOPIC, key, new EncodedMeta(meta));
    }

    private Tracker tracker(List<String> diffs) {
        PubSub pubSub = PubSub.builder().build();
        Tracker tracker = new Tracker(pubSub, TrackerOptions.defaults("refusals"),
                (topic, joins, leaves) -> diffs.add(topic + " +" + joins + " -" + leaves));
        closing.add(pubSub);
        closing.add(tracker);
        return tracker;
    }

    private Node node(String name) {
        if (redis == null) {
            redis = RedisServer.start();
        }
        Node node = new Node(name, redis.url(), TOPIC, Node.fastTracker());
        closing.add(node);
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyMeta(Node node, String key) {
        List<Object> metas = (List<Object>) node.presence.getByKey(TOPIC, key).orElseThrow().get("metas");
        assertThat(metas).hasSize(1);
        return (Map<String, Object>) metas.get(0);
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50));
    }

    private static void assertConverged(Map<String, Set<Object>> expected, Node... cluster) {
        await().untilAsserted(() -> {
            for (Node node : cluster) {
                assertThat(node.listed()).as("list on %s", node.name).isEqualTo(expected);
                assertThat(node.view.refs()).as("presence_diffs on %s", node.name).isEqualTo(expected);
            }
        });
    }

    private ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger logger = (Logger) LoggerFactory.getLogger(type);
        logger.addAppender(appender);
        closing.add(() -> logger.detachAppender(appender));
        return appender;
    }

    /** Exactly one WARN, about {@code key}, on one line and without a stack trace. */
    private static void assertOneLineWarning(ListAppender<ILoggingEvent> logged, String key) {
        List<ILoggingEvent> warnings = logged.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(warnings).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getThrowableProxy()).isNull();
            assertThat(event.getFormattedMessage()).contains("'" + key + "'").doesNotContain("\n");
        });
    }
}
