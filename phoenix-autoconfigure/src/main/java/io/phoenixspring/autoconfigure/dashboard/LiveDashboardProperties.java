package io.phoenixspring.autoconfigure.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code phoenix.live-dashboard.*}: the metrics page's history (LiveDashboard's {@code metrics_history}).
 *
 * <pre>
 * phoenix.live-dashboard.metrics-history=300
 * phoenix.live-dashboard.metrics-history-interval=2s
 * </pre>
 */
@ConfigurationProperties("phoenix.live-dashboard")
public class LiveDashboardProperties {

    /** Samples kept per meter series, so that a chart opens with its recent past; 0 keeps none (charts start empty). */
    private int metricsHistory = 120;

    /** How often the meters are sampled for the history (from the first metrics page opened on). */
    private Duration metricsHistoryInterval = Duration.ofSeconds(1);

    /** Series (a meter name and its tags) sampled at most; the others are shown as gaps. Bounds the history's memory. */
    private int metricsHistoryMaxSeries = 500;

    public int getMetricsHistory() {
        return metricsHistory;
    }

    public void setMetricsHistory(int metricsHistory) {
        this.metricsHistory = metricsHistory;
    }

    public Duration getMetricsHistoryInterval() {
        return metricsHistoryInterval;
    }

    public void setMetricsHistoryInterval(Duration metricsHistoryInterval) {
        this.metricsHistoryInterval = metricsHistoryInterval;
    }

    public int getMetricsHistoryMaxSeries() {
        return metricsHistoryMaxSeries;
    }

    public void setMetricsHistoryMaxSeries(int metricsHistoryMaxSeries) {
        this.metricsHistoryMaxSeries = metricsHistoryMaxSeries;
    }
}
