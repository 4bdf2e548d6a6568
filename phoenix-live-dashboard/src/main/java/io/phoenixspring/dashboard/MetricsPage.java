package io.phoenixspring.dashboard;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.LiveSocket;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The metrics page ({@code <dashboard>/metrics?group=jvm}): the application's Micrometer meters as
 * live uPlot charts, one per meter name, its tag sets as series (at most {@value #MAX_SERIES} per
 * chart), grouped by the first segment of the name as LiveDashboard's metrics page. A chart opens
 * with the {@link MetricsHistory} of its series, then each refresh pushes only the samples taken
 * since the last one ({@code push_event} {@value #EVENT}, which the {@code PhoenixChart} hook
 * appends). A built-in page; the auto-configuration makes it a bean.
 */
@TemplateImports(DashboardComponents.class)
public final class MetricsPage extends DashboardPage {

    /** Series per chart at most; the other tag sets of a meter are counted, not charted. */
    static final int MAX_SERIES = 8;

    /**
     * The event carrying new samples: {@code {"windows": [{"t": [epoch ms...], "charts": {chartId: [[v...], ...]}}]}},
     * one series per label of the chart, one value (or null) per time.
     */
    static final String EVENT = "phx_dashboard:metrics";

    private static final String CURSORS = "metrics_cursors";
    private static final MathContext SIGNIFICANT = new MathContext(6);

    private final ObjectProvider<MetricsHistory> history;

    public MetricsPage(ObjectProvider<MetricsHistory> history) {
        this.history = history;
    }

    /** A group of the sub-navigation: its name, its meters, its link. */
    public record Group(String name, int meters, String path) {
    }

    /**
     * A chart: its DOM id (changes with its series, so a new set of series gets a new chart), the
     * meter name, its title (with what is plotted), the series labels as a JSON array, the unit,
     * and how many tag sets are not shown.
     */
    public record Chart(String id, String name, String title, String labels, String unit, int hidden,
            List<String> keys) {
    }

    @Override
    protected void mountPage(Map<String, Object> params, LiveSocket socket) {
        MetricsHistory metrics = history.getIfAvailable();
        boolean available = metrics != null && metrics.registry() != null;
        socket.assign("available", available)
                .assign("group", String.valueOf(params.getOrDefault("group", "")))
                .assign("groups", List.of())
                .assign("charts", List.of())
                .assign("history", available ? metrics.capacity() : 0)
                .assign("history_interval", available ? Format.millis(metrics.interval().toMillis()) : "")
                .assign("untracked", 0L)
                .assign(CURSORS, Map.of());
        if (available && socket.connected()) {
            metrics.start();
        }
    }

    @Override
    public void handleParams(Map<String, Object> params, URI uri, LiveSocket socket) {
        String group = String.valueOf(params.getOrDefault("group", ""));
        if (!group.equals(socket.get("group"))) {
            socket.assign("group", group);
            handleRefresh(socket);
        }
    }

    @Override
    protected void handleRefresh(LiveSocket socket) {
        MetricsHistory metrics = history.getIfAvailable();
        MeterRegistry registry = metrics == null ? null : metrics.registry();
        if (registry == null) {
            return;
        }
        TreeMap<String, List<Meter>> byGroup = MetricsHistory.groups(registry);
        String base = socket.<DashboardInfo.MenuLink>get("page").path();
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((name, meters) -> groups.add(new Group(name,
                (int) meters.stream().map(m -> m.getId().getName()).distinct().count(),
                base + "?group=" + URLEncoder.encode(name, StandardCharsets.UTF_8))));
        String group = socket.get("group");
        if (!byGroup.containsKey(group)) {
            // No (or an unknown) group asked: the first one, as LiveDashboard opens its first tab.
            group = byGroup.isEmpty() ? "" : byGroup.firstKey();
        }
        List<Chart> charts = charts(byGroup.getOrDefault(group, List.of()));
        socket.assign("groups", groups)
                .assign("group", group)
                .assign("charts", charts)
                .assign("untracked", metrics.untrackedSeries());
        if (socket.connected()) {
            pushSamples(metrics, charts, socket);
        }
    }

    /** One chart per meter name, its first {@value #MAX_SERIES} tag sets (by label) as series. */
    static List<Chart> charts(List<Meter> meters) {
        Map<String, List<Meter>> byName = new TreeMap<>();
        for (Meter meter : meters) {
            byName.computeIfAbsent(meter.getId().getName(), n -> new ArrayList<>()).add(meter);
        }
        List<Chart> charts = new ArrayList<>();
        byName.forEach((name, all) -> {
            List<Meter> shown = all.stream()
                    .sorted(Comparator.comparing(m -> MetricsHistory.label(m.getId())))
                    .limit(MAX_SERIES)
                    .toList();
            Meter first = shown.get(0);
            String unit = MetricsHistory.unit(first);
            String title = name + " (" + MetricsHistory.kind(first).label() + (unit.isEmpty() ? "" : ", " + unit) + ")";
            List<String> keys = shown.stream().map(m -> MetricsHistory.key(m.getId())).toList();
            StringBuilder labels = new StringBuilder("[");
            for (Meter m : shown) {
                String label = MetricsHistory.label(m.getId());
                labels.append(labels.length() > 1 ? "," : "").append(json(label.isEmpty() ? name : label));
            }
            labels.append(']');
            String id = "metric-" + name.replaceAll("[^A-Za-z0-9_-]", "-") + "-"
                    + Integer.toHexString(keys.hashCode());
            charts.add(new Chart(id, name, title, labels.toString(), unit, all.size() - shown.size(), keys));
        });
        return charts;
    }

    /**
     * Pushes, per chart shown, the samples after the last round it was sent: a chart new to this
     * page gets its history, the others only what was sampled since the last refresh. Charts sent the
     * same rounds share one list of times (usually all of them: one list per frame).
     */
    private static void pushSamples(MetricsHistory metrics, List<Chart> charts, LiveSocket socket) {
        Map<String, Long> cursors = socket.get(CURSORS);
        Map<String, Long> next = new LinkedHashMap<>();
        Map<List<Long>, Map<String, Object>> windows = new LinkedHashMap<>();
        List<MetricsHistory.Read> reads = new ArrayList<>(charts.size());
        for (Chart chart : charts) {
            Long cursor = cursors.get(chart.id());
            long after = cursor != null ? cursor : metrics.capacity() == 0 ? metrics.rounds() - 1 : -1;
            reads.add(new MetricsHistory.Read(chart.keys(), after));
        }
        List<MetricsHistory.Window> read = metrics.windows(reads);
        for (int i = 0; i < charts.size(); i++) {
            Chart chart = charts.get(i);
            MetricsHistory.Window window = read.get(i);
            next.put(chart.id(), window.lastRound());
            if (window.times().isEmpty()) {
                continue;
            }
            List<Object> series = new ArrayList<>();
            for (List<Double> values : window.values()) {
                series.add(values.stream().map(MetricsPage::compact).toList());
            }
            windows.computeIfAbsent(window.times(), t -> new LinkedHashMap<>()).put(chart.id(), series);
        }
        socket.assign(CURSORS, next);
        if (!windows.isEmpty()) {
            List<Object> payload = new ArrayList<>();
            windows.forEach((times, byChart) -> payload.add(Map.of("t", times, "charts", byChart)));
            socket.pushEvent(EVENT, Map.of("windows", payload));
        }
    }

    /**
     * A sample as the frame carries it: six significant digits (what a chart can show), and a whole
     * number without its {@code .0}; null for none.
     */
    static Object compact(Double value) {
        if (value == null) {
            return null;
        }
        double rounded = new BigDecimal(value).round(SIGNIFICANT).doubleValue();
        return rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15 ? (Object) (long) rounded : (Object) rounded;
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
