package io.phoenixspring.test.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.SentConn;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Phoenix.LiveViewTest's rendering, events, patches, pushed events, replies and messages, on a counter. */
@PhoenixTest
class CounterLiveTest {

    @Autowired
    LiveViewTest lv;
    @Autowired
    ConnTest conn;
    @Autowired
    PubSub pubSub;

    @Test
    void theDeadRenderThenTheConnectedMount() {
        SentConn page = conn.get("/counter");
        assertThat(page.htmlResponse(200)).contains("<p id=\"mode\">dead</p>");
        LiveViewTest.View view = lv.live(page);
        assertThat(view.render()).startsWith("<div id=\"" + view.id() + "\" data-phx-main")
                .contains("<h1>Count: 0</h1>", "<p id=\"mode\">connected</p>");
        assertThat(view.id()).startsWith("phx-");
        assertThat(view.path()).isEqualTo("/counter");
        assertThat(view.pageTitle()).isEqualTo("Count 0");
    }

    @Test
    void clicksSendTheElementsPhxClickWithItsPhxValues() {
        LiveViewTest.View view = lv.live("/counter");
        assertThat(view.element("#inc").click()).contains("<h1>Count: 1</h1>");
        assertThat(view.element("#inc5").click()).contains("<h1>Count: 6</h1>");
        assertThat(view.element("button", "Add ten").click()).contains("<h1>Count: 16</h1>");
        assertThat(view.element("button", Pattern.compile("^Add h")).click()).contains("<h1>Count: 116</h1>");
        assertThat(view.pageTitle()).isEqualTo("Count 116");
        // The rows of a comprehension, with a nested template whose statics are shared ("p").
        assertThat(view.element("#history").render()).contains("<li>0</li><li>1</li><li>6<b> big</b></li>"
                + "<li>16<b> big</b></li><li>116<b> big</b></li>");
        assertThat(view.hasElement("#history li", "16 big")).isTrue();
        assertThat(view.hasElement("#history li", "17")).isFalse();
    }

    @Test
    void aClickCarriesTheButtonsValueAndExtraValuesAsTheClientSendsThem() {
        LiveViewTest.View view = lv.live("/counter");
        view.element("#echo").click(Map.of("extra", "1"));
        assertThat(view.element("#echoed").render()).isEqualTo("<div id=\"echoed\">{extra=1, kind=button, value=b1}</div>");
    }

    @Test
    void jsPushCommandsAreSent() {
        LiveViewTest.View view = lv.live("/counter");
        assertThat(view.element("#js").click()).contains("<h1>Count: 3</h1>");
    }

    @Test
    void eventsStraightToTheView() {
        LiveViewTest.View view = lv.live("/counter");
        assertThat(view.renderClick("inc", Map.of("by", "2"))).contains("<h1>Count: 2</h1>");
        assertThat(view.renderKeydown("inc", Map.of("by", "3"))).contains("<h1>Count: 5</h1>");
    }

    @Test
    void patchLinksServerPatchesAndRenderPatch() {
        LiveViewTest.View view = lv.live("/counter");
        assertThat(view.element("#ten").click()).contains("<h1>Count: 10</h1>");
        view.assertPatch("/counter?start=10");
        assertThat(view.path()).isEqualTo("/counter?start=10");

        assertThat(view.renderClick("patch")).contains("<h1>Count: 42</h1>");
        assertThat(view.assertPatch()).isEqualTo("/counter?start=42");

        assertThat(view.renderPatch("/counter?start=3")).contains("<h1>Count: 3</h1>");
        view.assertPatched("/counter?start=3");
        assertThat(view.pageTitle()).isEqualTo("Count 3");
    }

    @Test
    void pushedEventsAndHookReplies() {
        LiveViewTest.View view = lv.live("/counter");
        view.renderClick("inc");
        view.renderClick("ping");
        view.assertPushEvent("pong", Map.of("count", 1));
        view.refutePushEvent("pong", Map.of("count", 1));

        view.renderHook("fetch", Map.of("what", "count"));
        view.assertReply(Map.of("count", 1, "asked", "count"));
    }

    @Test
    void messagesToTheViewAndPubSubBroadcastsShowInTheNextRender() {
        LiveViewTest.View view = lv.live("/counter");
        view.send(41);
        assertThat(view.render()).contains("<h1>Count: 41</h1>");
        pubSub.broadcast("counter", 99).join();
        assertThat(view.render()).contains("<h1>Count: 99</h1>");
        view.send("ping");
        view.assertPushEvent("pong", Map.of("count", 99));
        view.send("patch");
        view.assertPatch("/counter?start=7");
        assertThat(view.render()).contains("<h1>Count: 7</h1>");
    }

    @Test
    void connectParamsReachTheConnectedMount() {
        LiveViewTest.View view = lv.putConnectParams(Map.of("tz", "Europe/Paris")).live("/counter");
        assertThat(view.element("#tz").render()).isEqualTo("<p id=\"tz\">Europe/Paris</p>");
    }

    @Test
    void aConnWithASessionRendersThroughTheRouter() {
        LiveViewTest.View view = lv.live(conn.initTestSession(Map.of("user_id", 42)), "/counter?start=5");
        assertThat(view.render()).contains("<h1>Count: 5</h1>");
        assertThat(view.path()).isEqualTo("/counter?start=5");
    }
}
