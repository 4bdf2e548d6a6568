package ${package}.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.SentConn;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The LiveView, as Phoenix.LiveViewTest tests one: the dead render (inside the layouts), then the connected view, in-process. */
@PhoenixTest
class CounterLiveTest {

    @Autowired
    LiveViewTest lv;
    @Autowired
    ConnTest conn;

    @Test
    void theDeadRenderIsAWholePageWithTheOfficialClients() {
        SentConn page = conn.get("/counter");
        assertThat(page.htmlResponse(200)).contains("<span id=\"count\">0</span>", "Count 0 · Phoenix</title>",
                "<meta name=\"csrf-token\"", "/assets/phoenix.min.js", "/assets/phoenix_live_view.min.js", "/assets/app.js",
                "id=\"flash-group\"");
        LiveViewTest.View view = lv.live(page);
        assertThat(view.element("#count").render()).isEqualTo("<span id=\"count\">0</span>");
    }

    @Test
    void clicksChangeTheCountAndTheTitle() {
        LiveViewTest.View view = lv.live("/counter");
        assertThat(view.element("#inc").click()).contains("<span id=\"count\">1</span>");
        assertThat(view.element("#inc-by").click()).contains("<span id=\"count\">6</span>");
        assertThat(view.element("#dec").click()).contains("<span id=\"count\">5</span>");
        assertThat(view.pageTitle()).isEqualTo("Count 5");
    }

    @Test
    void aHandMadeStepIsBoundedAndAnythingElseIsOne() {
        LiveViewTest.View view = lv.live("/counter");
        assertThat(view.renderClick("inc", Map.of("by", "99999999999"))).contains("<span id=\"count\">1000000</span>");
        assertThat(view.renderClick("inc", Map.of("by", "many"))).contains("<span id=\"count\">1000001</span>");
    }
}
