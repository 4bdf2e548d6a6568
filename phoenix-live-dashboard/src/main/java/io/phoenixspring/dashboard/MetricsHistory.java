package io.phoenixspring.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LiveDashboard's {@code metrics_history}: samples the application's Micrometer meters every
 * {@code interval} on one daemon thread into ring buffers of {@code capacity} samples per series, so
 * that a chart of the metrics page opens with its recent past. One series per meter (a name and its
 * tags); counters are kept as a rate per second, gauges as their value, timers and distribution
 * summaries as the mean of the interval's events (milliseconds for timers), long task timers as their
 * active tasks.
 *
 * <pre>{@code
 * MetricsHistory history = new MetricsHistory(() -> registry, 120, Duration.ofSeconds(1), 500);
 * history.start();                       // the metrics page does this on its first mount
 * MetricsHistory.Window w = history.window(List.of("jvm.threads.live"), -1);
 * }</pre>
 *
 * <p>Memory is bounded: at most {@code maxSeries} series are tracked (the first met; the others are
 * counted by {@link #untrackedSeries()} and shown as gaps), each holding {@code capacity} doubles; a
 * series whose meter is gone leaves once its samples have aged out. Capacity 0 keeps no history: the
 * charts start empty and get the samples taken while they are open. Sampling starts with the first
 * {@link #start()} (no dashboard page open, no thread) and runs until {@link #close()}.
 */
public final class MetricsHistory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsHistory.class);

    /** How a series' samples are derived from its meter; the chart title says which. */
    public enum Kind {
        /** Counters: the increase per second over the interval. */
        RATE("per second"),
        /** Gauges: the value when sampled. */
        VALUE("value"),
        /** Timers and distribution summaries: the mean of the interval's events (ms for timers). */
        MEAN("mean"),
        /** Long task timers: the tasks running when sampled. */
        ACTIVE("active tasks");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return how the chart title says it, e.g. {@code per second} */
        public String label() {
            return label;
        }
    }

    /**
     * The samples of some series after a round: the round times (epoch milliseconds) and, per series
     * in the order asked, one value per time ({@code null} where the series had none).
     *
     * @param lastRound the last round included (pass it as {@code afterRound} next time)
     */
    public record Window(long lastRound, List<Long> times, List<List<Double>> values) {
    }

    private final Supplier<? extends MeterRegistry> registry;
    private final int capacity;
    private final int slots;
    private final Duration interval;
    private final int maxSeries;

    // Guarded by this: the rounds' times and the series, written by the sampler, read by pages.
    private final long[] times;
    private long rounds;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private long untracked;
    private ScheduledExecutorService sampler;
    private boolean closed;

    /**
     * @param registry the meters (called when sampling starts; null when the application has none)
     * @param capacity samples kept per series (0: no history)
     * @param interval sampling period
     * @param maxSeries series tracked at most
     */
    public MetricsHistory(Supplier<? extends MeterRegistry> registry, int capacity, Duration interval, int maxSeries) {
        this.registry = Objects.requireNonNull(registry, "registry");
        if (capacity < 0 || maxSeries < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("metrics history: capacity >= 0, maxSeries >= 1 and a positive interval"
                    + ", got " + capacity + ", " + maxSeries + ", " + interval);
        }
        this.capacity = capacity;
        this.slots = Math.max(1, capacity);
        this.interval = interval;
        this.maxSeries = maxSeries;
        this.times = new long[slots];
    }

    /** A history of the given registry with the defaults: 120 samples, every second, 500 series. */
    public static MetricsHistory of(MeterRegistry registry) {
        return new MetricsHistory(() -> registry, 120, Duration.ofSeconds(1), 500);
    }

    /** @return the registry sampled, or null when the application has none */
    public MeterRegistry registry() {
        return registry.get();
    }

    /** @return samples kept per series (0: no history) */
    public int capacity() {
        return capacity;
    }

    public Duration interval() {
        return interval;
    }

    public int maxSeries() {
        return maxSeries;
    }

    /** Starts sampling (once; later calls do nothing). Does nothing without a registry or after {@link #close()}. */
    public synchronized void start() {
        if (sampler != null || closed || registry.get() == null) {
            return;
        }
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "phx-dashboard-metrics");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sampleSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return whether sampling runs */
    public synchronized boolean started() {
        return sampler != null;
    }

    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            closed = true;
            stopping = sampler;
            sampler = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    /** @return the rounds sampled so far; the last one is {@code rounds() - 1} */
    public synchronized long rounds() {
        return rounds;
    }

    /** @return series met but not tracked because {@code maxSeries} were already (counted once per round) */
    public synchronized long untrackedSeries() {
        return untracked;
    }

    /** @return the series tracked now */
    public synchronized int seriesCount() {
        return series.size();
    }

    /**
     * The samples of {@code keys} (see {@link #key}) in the rounds after {@code afterRound} that the
     * buffers still hold, oldest first; {@code -1} for all of them.
     */
    public synchronized Window window(List<String> keys, long afterRound) {
        long first = Math.max(afterRound + 1, rounds - slots);
        List<Long> windowTimes = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            values.add(new ArrayList<>());
        }
        for (long round = Math.max(0, first); round < rounds; round++) {
            int slot = (int) (round % slots);
            windowTimes.add(times[slot]);
            for (int i = 0; i < keys.size(); i++) {
                Series s = series.get(keys.get(i));
                double v = s == null || round < s.since ? Double.NaN : s.values[slot];
                values.get(i).add(Double.isNaN(v) || Double.isInfinite(v) ? null : v);
            }
        }
        return new Window(rounds - 1, windowTimes, values);
    }

    /** What {@link #windows} reads for one chart: its series' keys, after the last round it was sent (or {@code -1}). */
    public record Read(List<String> keys, long afterRound) {
    }

    /**
     * {@link #window} for several charts at once: all see the same rounds, so a round stored while a page reads
     * reaches every chart in this read or none (a refresh does not send half a round).
     */
    public synchronized List<Window> windows(List<Read> reads) {
        List<Window> windows = new ArrayList<>(reads.size());
        for (Read read : reads) {
            windows.add(window(read.keys(), read.afterRound()));
        }
        return windows;
    }

    /** The series key of a meter: its name and its tags, e.g. {@code jvm.memory.used{area=heap,id=G1 Eden Space}}. */
    public static String key(Meter.Id id) {
        StringBuilder key = new StringBuilder(id.getName());
        List<Tag> tags = id.getTags();
        if (!tags.isEmpty()) {
            key.append('{').append(label(id)).append('}');
        }
        return key.toString();
    }

    /** The tags of a meter as a series label, {@code k=v,k=v} (sorted by key, as Micrometer keeps them). */
    public static String label(Meter.Id id) {
        StringBuilder label = new StringBuilder();
        for (Tag tag : id.getTags()) {
            if (!label.isEmpty()) {
                label.append(',');
            }
            label.append(tag.getKey()).append('=').append(tag.getValue());
        }
        return label.toString();
    }

    /** @return how samples of this meter are derived */
    public static Kind kind(Meter meter) {
        if (meter instanceof Counter || meter instanceof FunctionCounter) {
            return Kind.RATE;
        }
        if (meter instanceof Timer || meter instanceof FunctionTimer || meter instanceof DistributionSummary) {
            return Kind.MEAN;
        }
        if (meter instanceof LongTaskTimer) {
            return Kind.ACTIVE;
        }
        return Kind.VALUE;
    }

    /** @return the unit the samples of this meter are in ({@code ms} for timers, else the base unit, or "") */
    public static String unit(Meter meter) {
        if (meter instanceof LongTaskTimer) {
            return ""; // charted as a number of tasks, whatever its base unit
        }
        if (meter instanceof Timer || meter instanceof FunctionTimer || meter instanceof TimeGauge) {
            return "ms";
        }
        String base = meter.getId().getBaseUnit();
        return base == null ? "" : base;
    }

    private void sampleSafely() {
        try {
            sample(System.currentTimeMillis());
        } catch (RuntimeException e) {
            // A gauge whose function throws must not stop the sampling of the others for good.
            log.warn("metrics history: a sampling round failed ({})", e.toString());
        }
    }

    /** One round: reads every meter (outside the lock: gauges run application code), then stores. */
    void sample(long now) {
        MeterRegistry meters = registry.get();
        if (meters == null) {
            return;
        }
        List<Reading> readings = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            Reading reading = read(meter);
            if (reading != null) {
                readings.add(reading);
            }
        }
        store(now, readings);
    }

    /** A meter's cumulative or instant figures at sampling time. */
    private record Reading(String key, Kind kind, double count, double total) {
    }

    private static Reading read(Meter meter) {
        String key = key(meter.getId());
        Kind kind = kind(meter);
        if (meter instanceof Counter c) {
            return new Reading(key, kind, c.count(), 0);
        }
        if (meter instanceof FunctionCounter c) {
            return new Reading(key, kind, c.count(), 0);
        }
        if (meter instanceof Timer t) {
            return new Reading(key, kind, t.count(), t.totalTime(TimeUnit.MILLISECONDS));
        }
        if (meter instanceof FunctionTimer t) {
            return new Reading(key, kind, t.count(), t.totalTime(TimeUnit.MILLISECONDS));
        }
        if (meter instanceof DistributionSummary d) {
            return new Reading(key, kind, d.count(), d.totalAmount());
        }
        if (meter instanceof LongTaskTimer t) {
            return new Reading(key, kind, t.activeTasks(), 0);
        }
        if (meter instanceof TimeGauge g) {
            return new Reading(key, kind, g.value(TimeUnit.MILLISECONDS), 0);
        }
        if (meter instanceof Gauge g) {
            return new Reading(key, kind, g.value(), 0);
        }
        Iterator<Measurement> measures = meter.measure().iterator();
        return measures.hasNext() ? new Reading(key, kind, measures.next().getValue(), 0) : null;
    }

    private synchronized void store(long now, List<Reading> readings) {
        long round = rounds;
        // A series whose meter is gone leaves once this round overwrites the last of its samples.
        series.values().removeIf(s -> round - s.lastSeen >= slots);
        int slot = (int) (round % slots);
        times[slot] = now;
        for (Series s : series.values()) {
            s.values[slot] = Double.NaN;
        }
        for (Reading reading : readings) {
            Series s = series.get(reading.key());
            if (s == null) {
                if (series.size() >= maxSeries) {
                    untracked++;
                    continue;
                }
                s = new Series(slots, rounds);
                series.put(reading.key(), s);
            }
            s.values[slot] = s.next(reading, now);
            s.lastSeen = rounds;
        }
        rounds++;
    }

    /** One series' ring of samples and what the next rate or mean is computed from. */
    private static final class Series {
        final double[] values;
        final long since;
        long lastSeen;
        boolean primed;
        double lastCount;
        double lastTotal;
        long lastTime;

        Series(int slots, long since) {
            this.values = new double[slots];
            Arrays.fill(values, Double.NaN);
            this.since = since;
        }

        double next(Reading reading, long now) {
            double value = switch (reading.kind()) {
                case VALUE, ACTIVE -> reading.count();
                case RATE -> !primed || now <= lastTime || reading.count() < lastCount ? Double.NaN
                        : (reading.count() - lastCount) * 1000.0 / (now - lastTime);
                case MEAN -> {
                    double events = reading.count() - lastCount;
                    // No event in the interval: no mean (a gap), not a mean of 0.
                    yield !primed || events <= 0 ? Double.NaN : (reading.total() - lastTotal) / events;
                }
            };
            primed = true;
            lastCount = reading.count();
            lastTotal = reading.total();
            lastTime = now;
            return value;
        }
    }

    /** The meters of a registry by group (the first segment of their names), for the page's navigation. */
    static TreeMap<String, List<Meter>> groups(MeterRegistry registry) {
        TreeMap<String, List<Meter>> groups = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            groups.computeIfAbsent(group(meter.getId().getName()), g -> new ArrayList<>()).add(meter);
        }
        return groups;
    }

    static String group(String meterName) {
        int dot = meterName.indexOf('.');
        return dot < 0 ? meterName : meterName.substring(0, dot);
    }
}
