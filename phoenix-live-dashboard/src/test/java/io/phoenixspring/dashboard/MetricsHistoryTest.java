package io.phoenixspring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The metrics page's history: sampling of each kind of meter, ring buffer bounds, the series cap. */
class MetricsHistoryTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private MetricsHistory history(int capacity, int maxSeries) {
        return new MetricsHistory(() -> registry, capacity, Duration.ofSeconds(1), maxSeries);
    }

    private static List<Double> values(MetricsHistory history, String key) {
        return history.window(List.of(key), -1).values().get(0);
    }

    @Test
    void countersAreSampledAsARatePerSecond() {
        Counter counter = registry.counter("phoenix.test.events", "kind", "a");
        MetricsHistory history = history(10, 500);
        history.sample(1_000);
        counter.increment(6);
        history.sample(3_000); // 6 in 2 s
        counter.increment(1);
        history.sample(4_000);
        assertThat(values(history, "phoenix.test.events{kind=a}")).containsExactly(null, 3.0, 1.0);
        assertThat(history.window(List.of("phoenix.test.events{kind=a}"), -1).times()).containsExactly(1_000L, 3_000L, 4_000L);
    }

    @Test
    void gaugesAreSampledAsTheirValue() {
        AtomicLong level = new AtomicLong(5);
        Gauge.builder("phoenix.test.level", level, AtomicLong::doubleValue).register(registry);
        MetricsHistory history = history(10, 500);
        history.sample(1_000);
        level.set(42);
        history.sample(2_000);
        assertThat(values(history, "phoenix.test.level")).containsExactly(5.0, 42.0);
    }

    @Test
    void timersAndSummariesAreSampledAsTheMeanOfTheIntervalsEvents() {
        Timer timer = registry.timer("phoenix.test.latency");
        DistributionSummary sizes = registry.summary("phoenix.test.size");
        MetricsHistory history = history(10, 500);
        history.sample(1_000);
        timer.record(Duration.ofMillis(10));
        timer.record(Duration.ofMillis(30));
        sizes.record(100);
        history.sample(2_000);
        history.sample(3_000); // no event: a gap, not a mean of 0
        timer.record(Duration.ofMillis(7));
        history.sample(4_000);
        assertThat(values(history, "phoenix.test.latency")).containsExactly(null, 20.0, null, 7.0);
        assertThat(values(history, "phoenix.test.size")).containsExactly(null, 100.0, null, null);
        assertThat(MetricsHistory.kind(timer)).isEqualTo(MetricsHistory.Kind.MEAN);
        assertThat(MetricsHistory.unit(timer)).isEqualTo("ms");
    }

    @Test
    void theRingBufferKeepsTheLastCapacitySamplesAndWindowsReturnOnlyNewRounds() {
        AtomicLong level = new AtomicLong();
        Gauge.builder("phoenix.test.level", level, AtomicLong::doubleValue).register(registry);
        MetricsHistory history = history(3, 500);
        for (int i = 0; i < 7; i++) {
            level.set(i);
            history.sample(1_000L * i);
        }
        assertThat(history.rounds()).isEqualTo(7);
        MetricsHistory.Window all = history.window(List.of("phoenix.test.level"), -1);
        assertThat(all.values().get(0)).containsExactly(4.0, 5.0, 6.0);
        assertThat(all.times()).containsExactly(4_000L, 5_000L, 6_000L);
        assertThat(all.lastRound()).isEqualTo(6);

        level.set(7);
        history.sample(7_000);
        MetricsHistory.Window next = history.window(List.of("phoenix.test.level"), all.lastRound());
        assertThat(next.times()).containsExactly(7_000L);
        assertThat(next.values().get(0)).containsExactly(7.0);
        assertThat(history.window(List.of("phoenix.test.level"), next.lastRound()).times()).isEmpty();
    }

    @Test
    void severalChartsAreReadAtOnceEachAfterItsOwnRound() {
        AtomicLong level = new AtomicLong();
        Gauge.builder("phoenix.test.level", level, AtomicLong::doubleValue).register(registry);
        registry.counter("phoenix.test.events");
        MetricsHistory history = history(10, 500);
        for (int i = 0; i < 3; i++) {
            level.set(i);
            history.sample(1_000L * i);
        }
        List<MetricsHistory.Window> windows = history.windows(List.of(
                new MetricsHistory.Read(List.of("phoenix.test.level"), -1),
                new MetricsHistory.Read(List.of("phoenix.test.events"), 1)));
        assertThat(windows.get(0).times()).containsExactly(0L, 1_000L, 2_000L);
        assertThat(windows.get(0).values().get(0)).containsExactly(0.0, 1.0, 2.0);
        assertThat(windows.get(1).times()).containsExactly(2_000L);
        assertThat(windows).extracting(MetricsHistory.Window::lastRound).containsExactly(2L, 2L);
        assertThat(windows.get(1).values().get(0)).containsExactly(0.0);   // the counter's rate in round 2
    }

    @Test
    void withoutHistoryOnlyTheLatestRoundIsKept() {
        AtomicLong level = new AtomicLong();
        Gauge.builder("phoenix.test.level", level, AtomicLong::doubleValue).register(registry);
        MetricsHistory history = history(0, 500);
        for (int i = 0; i < 5; i++) {
            level.set(i);
            history.sample(1_000L * i);
        }
        assertThat(values(history, "phoenix.test.level")).containsExactly(4.0);
    }

    @Test
    void theSeriesAreCappedAndGoneMetersLeaveWhenTheirSamplesAgedOut() {
        List<Meter> first = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(registry.counter("phoenix.test.many", "i", String.valueOf(i)));
        }
        MetricsHistory history = history(2, 4);
        history.sample(1_000);
        for (int i = 4; i < 10; i++) {
            registry.counter("phoenix.test.many", "i", String.valueOf(i));
        }
        history.sample(2_000);
        assertThat(history.seriesCount()).isEqualTo(4);
        assertThat(history.untrackedSeries()).isEqualTo(6);
        // An untracked series reads as a gap.
        assertThat(values(history, "phoenix.test.many{i=9}")).containsExactly(null, null);
        assertThat(values(history, "phoenix.test.many{i=0}")).containsExactly(null, 0.0);

        first.forEach(registry::remove);
        history.sample(3_000);
        assertThat(history.seriesCount()).as("still in the buffers").isEqualTo(4);
        history.sample(4_000);
        // The removed series left once their samples aged out (2 rounds, the capacity); others took their place.
        assertThat(history.seriesCount()).isEqualTo(4);
        assertThat(values(history, "phoenix.test.many{i=0}")).containsExactly(null, null);
        history.sample(5_000);
        long charted = java.util.stream.IntStream.range(4, 10)
                .mapToObj(i -> values(history, "phoenix.test.many{i=" + i + "}").get(1))
                .filter(v -> v != null && v == 0.0)
                .count();
        assertThat(charted).isEqualTo(4);
    }

    @Test
    void samplingRunsOnItsThreadOnlyOnceStartedAndStopsOnClose() {
        registry.counter("phoenix.test.events").increment();
        MetricsHistory history = new MetricsHistory(() -> registry, 5, Duration.ofMillis(20), 500);
        assertThat(history.started()).isFalse();
        assertThat(history.rounds()).isZero();
        history.start();
        history.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> history.rounds() >= 3);
        assertThat(history.window(List.of("phoenix.test.events"), -1).times()).hasSizeLessThanOrEqualTo(5);
        history.close();
        assertThat(history.started()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("phx-dashboard-metrics")));
        long rounds = history.rounds();
        history.start(); // closed: stays stopped
        assertThat(history.started()).isFalse();
        assertThat(history.rounds()).isEqualTo(rounds);
    }

    @Test
    void withoutARegistryNothingStarts() {
        MetricsHistory history = new MetricsHistory(() -> null, 5, Duration.ofMillis(20), 500);
        history.start();
        assertThat(history.started()).isFalse();
        assertThat(history.registry()).isNull();
    }
}
