package io.phoenixspring.presence.bench;

import io.phoenixspring.presence.tracker.Tracker;
import io.phoenixspring.presence.tracker.TrackerOptions;
import io.phoenixspring.pubsub.PubSub;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-operation costs with 10,000 presences (100 users × 100 metas) on one topic: track+untrack,
 * update, list, and the JSON size/time of presence_state and of presence_diffs (one change, and a
 * coalesced batch of 100 joins). The baseline is the same map work without the tracker.
 *
 * <pre>
 * mvn -B -pl phoenix-presence -am -Pbench verify -Dbench.args="-f 1 -wi 3 -i 5 PresenceBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PresenceBenchmark {

    static final String TOPIC = "room:bench";
    static final int PRESENCES = 10_000;
    static final int USERS = 100;
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private PubSub pubSub;
    private Tracker tracker;
    private final Object updater = new Object();
    private final Object churner = new Object();
    private long diffs;
    private int counter;
    private Map<String, Object> oneJoinDiff;
    private Map<String, Object> batchDiff;
    private Map<String, Map<String, Object>> baseline;

    @Setup(Level.Trial)
    public void setUp() {
        pubSub = PubSub.builder().nodeName("bench").build();
        tracker = new Tracker(pubSub, TrackerOptions.defaults("bench"), (topic, joins, leaves) -> diffs++);
        for (int i = 0; i < PRESENCES - 1; i++) {
            tracker.track(new Object(), TOPIC, "user" + (i % USERS), meta());
        }
        tracker.track(updater, TOPIC, "updater", meta());
        baseline = new HashMap<>();
        tracker.list(TOPIC).forEach((key, metas) -> baseline.put(key, Map.of("metas", metas)));

        List<Map<String, Object>> one = tracker.getByKey(TOPIC, "updater");
        oneJoinDiff = diff(Map.of("updater", Map.of("metas", one)), Map.of());
        Map<String, Object> joins = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> listed = tracker.list(TOPIC);
        int taken = 0;
        for (Map.Entry<String, List<Map<String, Object>>> e : listed.entrySet()) {
            joins.put(e.getKey(), Map.of("metas", e.getValue().subList(0, 1)));
            if (++taken == 100) {
                break;
            }
        }
        batchDiff = diff(joins, Map.of());
        System.out.printf("%nsizes at %d presences: presence_state %d bytes; presence_diff of one join %d bytes; "
                + "coalesced presence_diff of 100 joins %d bytes%n", PRESENCES, JSON.writeValueAsBytes(stateOf()).length,
                JSON.writeValueAsBytes(oneJoinDiff).length, JSON.writeValueAsBytes(batchDiff).length);
    }

    private static Map<String, Object> diff(Map<String, Object> joins, Map<String, Object> leaves) {
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("joins", joins);
        diff.put("leaves", leaves);
        return diff;
    }

    private Map<String, Object> stateOf() {
        Map<String, Object> state = new LinkedHashMap<>();
        tracker.list(TOPIC).forEach((key, metas) -> state.put(key, Map.of("metas", metas)));
        return state;
    }

    private static Map<String, Object> meta() {
        return Map.of("online_at", String.valueOf(System.currentTimeMillis()), "status", "online");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tracker.close();
        pubSub.close();
    }

    /** track then untrack one presence on the 10,000-presence topic (two diffs reported). */
    @Benchmark
    public String trackAndUntrack() {
        String ref = tracker.track(churner, TOPIC, "user" + (counter++ % USERS), meta());
        tracker.untrack(churner);
        return ref;
    }

    /** update of one presence's meta (one diff: a join and a leave). */
    @Benchmark
    public String update() {
        return tracker.update(updater, TOPIC, "updater", Map.of("status", (counter++ & 1) == 0 ? "away" : "online"));
    }

    /** list of the topic: 100 keys, 10,000 metas. */
    @Benchmark
    public Map<String, List<Map<String, Object>>> list() {
        return tracker.list(TOPIC);
    }

    /** presence_state JSON for a joiner (list + encode). */
    @Benchmark
    public byte[] presenceStateJson() {
        return JSON.writeValueAsBytes(stateOf());
    }

    /** presence_diff JSON of one join. */
    @Benchmark
    public byte[] oneJoinDiffJson() {
        return JSON.writeValueAsBytes(oneJoinDiff);
    }

    /** presence_diff JSON of a coalesced batch of 100 joins. */
    @Benchmark
    public byte[] batchDiffJson() {
        return JSON.writeValueAsBytes(batchDiff);
    }

    /** Baseline: the same put/remove on a plain map, no tracker, no CRDT. */
    @Benchmark
    public Object baselineMapPutRemove() {
        String key = "user" + (counter++ % USERS);
        baseline.put("churn", Map.of("metas", List.of(meta())));
        return baseline.remove("churn") == null ? key : baseline;
    }

    /** Baseline: copying a plain map of the same 100 keys (what list costs without the tracker). */
    @Benchmark
    public Object baselineMapCopy() {
        return new HashMap<>(baseline);
    }
}
