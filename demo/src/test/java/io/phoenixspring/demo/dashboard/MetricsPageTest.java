package io.phoenixspring.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phoenixspring.dashboard.MetricsHistory;
import io.phoenixspring.demo.UserSocket;
import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The dashboard's metrics page in-process, on a SimpleMeterRegistry (the @PhoenixTest slice has no
 * actuator): the groups and charts of the meters Phoenix and the test registered, and the samples the
 * page pushes to its charts equal what the history sampled. The history here samples once when the
 * page starts it, then not for an hour, so that what is pushed is known exactly.
 */
@PhoenixTest(components = {ItemStore.class, Notes.class})
@Import(MetricsPageTest.Metrics.class)
class MetricsPageTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Metrics {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        MetricsHistory metricsHistory(MeterRegistry registry) {
            return new MetricsHistory(() -> registry, 120, Duration.ofHours(1), 500);
        }
    }

    private static final String EVENT = "phx_dashboard:metrics";

    @Autowired
    LiveViewTest lv;

    @Autowired
    ChannelTest channels;

    @Autowired
    MeterRegistry registry;

    @Autowired
    MetricsHistory history;

    @Test
    void theMetricsPageChartsTheMetersByGroupAndPushesTheSampledValues() {
        channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada")).subscribeAndJoin("room:metrics");
        channels.socket(UserSocket.class, "user_socket:bob", Map.of("user", "bob")).subscribeAndJoin("room:metrics");
        Counter clicks = registry.counter("dashtest.clicks", "button", "ok");
        clicks.increment(3);
        registry.counter("dashtest.clicks", "button", "cancel").increment();
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.find("phoenix.channels.joined").gauge() != null
                && registry.find("phoenix.channels.joined").gauge().value() >= 2);

        // A dashboard page joined and sent an event once, so that the meters of LiveView joins and events
        // exist before the history's one round (a meter born later gets a chart of its own, pushed apart).
        LiveViewTest.View home = lv.live("/dashboard");
        home.form("#refresh-form", Map.of("refresh", "1")).change();
        home.close();

        LiveViewTest.View page = lv.live("/dashboard/metrics?group=phoenix");
        assertThat(page.pageTitle()).isEqualTo("Metrics");
        assertThat(page.hasElement("#menu-metrics.active")).isTrue();
        // The page started the sampling: one round, then none for an hour.
        await().atMost(Duration.ofSeconds(5)).until(() -> history.rounds() == 1);
        assertThat(page.hasElement("#metrics-group-phoenix.active")).isTrue();
        assertThat(page.hasElement("#metrics-group-dashtest")).isTrue();

        Element joined = chart(page, "phoenix.channels.joined");
        assertThat(joined.attr("phx-hook")).isEqualTo("PhoenixChart");
        assertThat(Jsoup.parse(page.render()).selectFirst("[data-metric='phoenix.channels.joined'] h3").text())
                .isEqualTo("phoenix.channels.joined (value)");
        double joinedSampled = history.window(List.of("phoenix.channels.joined"), -1).values().get(0).get(0);
        assertThat(joinedSampled).isGreaterThanOrEqualTo(2.0);

        // The refresh at mount may have come before the round: pick 1s, the next refresh pushes it.
        page.form("#refresh-form", Map.of("refresh", "1")).change();
        Map<String, Object> phoenixCharts = expected(page);
        assertThat(phoenixCharts).containsKey(joined.id());
        assertThat(phoenixCharts.get(joined.id())).asList().element(0).asList().containsExactly((int) joinedSampled);
        page.assertPushEvent(EVENT, frame(phoenixCharts));
        // Later refreshes push only new samples: no new round, so the history is not pushed again.
        sleep(Duration.ofMillis(1500));
        page.refutePushEvent(EVENT, frame(phoenixCharts));

        // Another group: a patch (?group=dashtest), its charts open with their history.
        page.element("#metrics-group-dashtest").click();
        page.assertPatch("/dashboard/metrics?group=dashtest");
        assertThat(page.hasElement("#metrics-group-dashtest.active")).isTrue();
        Element clicksChart = chart(page, "dashtest.clicks");
        assertThat(clicksChart.attr("data-labels")).isEqualTo("[\"button=cancel\",\"button=ok\"]");
        assertThat(Jsoup.parse(page.render()).selectFirst("[data-metric='dashtest.clicks'] h3").text())
                .isEqualTo("dashtest.clicks (per second)");
        Map<String, Object> dashtest = expected(page);
        assertThat(dashtest).containsOnlyKeys(clicksChart.id());
        page.assertPushEvent(EVENT, frame(dashtest));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The chart elements of the group shown, their series as the page picks them (the first 8 tag sets
     * by label), and the history of those: all of it, the charts being new to the page.
     */
    private Map<String, Object> expected(LiveViewTest.View page) {
        Map<String, Object> charts = new LinkedHashMap<>();
        for (Element chart : Jsoup.parse(page.render()).select("[phx-hook=PhoenixChart]")) {
            List<String> keys = registry.getMeters().stream()
                    .filter(m -> m.getId().getName().equals(chart.attr("data-metric")))
                    .map(Meter::getId)
                    .sorted(Comparator.comparing(MetricsHistory::label))
                    .limit(8)
                    .map(MetricsHistory::key)
                    .toList();
            MetricsHistory.Window window = history.window(keys, -1);
            assertThat(window.times()).isEqualTo(times());
            List<Object> series = new ArrayList<>();
            for (List<Double> values : window.values()) {
                series.add(values.stream().map(MetricsPageTest::json).toList());
            }
            charts.put(chart.id(), series);
        }
        return charts;
    }

    /** A sample as JSON reads it back: whole numbers travel without their ".0" (an int when small). */
    private static Object json(Double v) {
        if (v == null || v != Math.rint(v)) {
            return v;
        }
        return v.longValue() == v.intValue() ? (Object) v.intValue() : (Object) v.longValue();
    }

    private List<Long> times() {
        return history.window(List.of(), -1).times();
    }

    /** The event's payload: the charts sharing the history's one round. */
    private Map<String, Object> frame(Map<String, Object> charts) {
        return Map.of("windows", List.of(Map.of("t", times(), "charts", charts)));
    }

    private static Element chart(LiveViewTest.View view, String metric) {
        Element chart = Jsoup.parse(view.render()).selectFirst("[phx-hook=PhoenixChart][data-metric='" + metric + "']");
        assertThat(chart).as("the chart of " + metric).isNotNull();
        return chart;
    }
}
