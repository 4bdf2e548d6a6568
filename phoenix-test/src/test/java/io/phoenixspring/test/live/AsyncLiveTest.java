package io.phoenixspring.test.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code render_async} over assignAsync and startAsync, and {@code render_hook} with any JSON value. */
@PhoenixTest
class AsyncLiveTest {

    @Autowired
    LiveViewTest lv;
    @Autowired
    ConnTest conn;

    @Test
    void theDeadRenderShowsLoadingAndRenderAsyncWaitsForTheAnswer() {
        assertThat(conn.get("/async").htmlResponse(200)).contains("<p id=\"answer\">loading…</p>");
        LiveViewTest.View view = lv.live("/async");
        assertThat(view.render()).contains("<p id=\"answer\">loading…</p>");
        assertThat(view.renderAsync()).contains("<p id=\"answer\">42</p>");
    }

    @Test
    void renderAsyncWaitsForWorkAnEventStartedAndShowsItsFailure() {
        LiveViewTest.View view = lv.live("/async");
        view.renderAsync();
        assertThat(view.element("#fail").click()).contains("<p id=\"answer\">loading…</p>");
        assertThat(view.element("#answer").renderAsync()).isEqualTo("<p id=\"answer\">failed: no answer</p>");
    }

    @Test
    void startAsyncsOutcomeReachesHandleAsync() {
        LiveViewTest.View view = lv.live("/async");
        assertThat(view.element("#report-button").click()).contains("<p id=\"report\">building</p>");
        assertThat(view.renderAsync()).contains("<p id=\"report\">ready</p>");
    }

    @Test
    void renderAsyncFailsWhenTheWorkOutlastsItsTimeout() {
        LiveViewTest.View view = lv.live("/async");
        view.element("#slow").click();
        assertThatThrownBy(() -> view.renderAsync(Duration.ofMillis(300))).isInstanceOf(AssertionError.class)
                .hasMessage("expected the async work of the LiveView at /async to finish within 300 ms");
    }

    @Test
    void renderHookSendsAnyJsonValueAHookMayPush() {
        LiveViewTest.View view = lv.live("/async");
        assertThat(view.renderHook("items", List.of(1, "two"))).contains("<p id=\"hooked\">[1, two]</p>");
        assertThat(view.renderHook("items", Map.of("a", 1))).contains("<p id=\"hooked\">{a=1}</p>");
    }
}
