package io.phoenixspring.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.dashboard.MetricsHistory;
import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The metrics page of an application without a MeterRegistry (the @PhoenixTest slice has none): how to get one. */
@PhoenixTest(components = {ItemStore.class, Notes.class})
class MetricsPageWithoutRegistryTest {

    @Autowired
    LiveViewTest lv;

    @Autowired
    MetricsHistory history;

    @Test
    void thePageSaysToAddTheActuatorAndNothingIsSampled() {
        LiveViewTest.View page = lv.live("/dashboard/metrics");
        assertThat(page.pageTitle()).isEqualTo("Metrics");
        assertThat(page.element("#metrics-unavailable").render()).contains("spring-boot-starter-actuator");
        assertThat(page.hasElement("#metrics-charts")).isFalse();
        assertThat(history.started()).isFalse();
    }
}
