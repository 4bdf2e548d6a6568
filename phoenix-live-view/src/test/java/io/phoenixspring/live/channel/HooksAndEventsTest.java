package io.phoenixspring.live.channel;

import static io.phoenixspring.live.support.Browser.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.live.support.Browser;
import io.phoenixspring.live.support.EventsLive;
import io.phoenixspring.live.support.LiveServer;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the official client sends besides clicks and forms, frame by frame as phoenix_live_view 1.0's
 * client builds them (view.js pushHookEvent / pushEvent with extractMeta, live_socket.js's key, focus
 * and blur bindings; HooksAndEventsClientTest drives the same page in Chromium): each reaches its
 * handler with exactly that value, a hook's reply travels as {@code "r"} and push_event as {@code "e"}.
 */
class HooksAndEventsTest {

    static LiveServer server;
    static final EventsLive EVENTS = new EventsLive();

    @BeforeAll
    static void start() {
        server = LiveServer.builder().appLayout()
                .view(EVENTS, EventsLive.TEMPLATE)
                .router(live -> Router.builder()
                        .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash()).plug(Plugs.protectFromForgery()))
                        .scope("/", s -> s.pipeThrough("browser").get("/events", live.route(EventsLive.class)))
                        .build())
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Browser.Page joined(Browser browser) {
        Browser.Page page = browser.get("/events");
        browser.connect(page.csrfToken());
        assertThat(browser.join(page).get(4).get("status").asString()).isEqualTo("ok");
        EVENTS.take();
        return page;
    }

    /** Sends an event frame's payload, given as the client's JSON, and returns the reply's payload. */
    private static JsonNode send(Browser browser, Browser.Page page, String payload) {
        return browser.push("4", page, "event", json(payload)).get(4);
    }

    @Test
    void aHooksPushEventGetsItsReplyAsRAndThePushedEventAsE() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser);
            // this.pushEvent("hook-ping", {n: 1}, (reply, ref) => …): no cid outside a live component
            assertThat(send(browser, page, "{\"type\":\"hook\",\"event\":\"hook-ping\",\"value\":{\"n\":1}}")).isEqualTo(json(
                    "{\"response\":{\"diff\":{\"r\":{\"pong\":2},\"e\":[[\"server-said\",{\"text\":\"pinged 1\"}]]}},\"status\":\"ok\"}"));
            assertThat(EVENTS.take()).containsExactly(List.of("hook-ping", Map.of("n", 1)));
        }
    }

    @Test
    void aHookMayPushAnyJsonValueToAHandlerTakingObjectButNotToOneTakingAMap() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser);
            send(browser, page, "{\"type\":\"hook\",\"event\":\"hook-list\",\"value\":[1,\"two\",{\"three\":3}]}");
            send(browser, page, "{\"type\":\"hook\",\"event\":\"hook-list\",\"value\":\"text\"}");
            assertThat(EVENTS.take()).containsExactly(List.of("hook-list", List.of(1, "two", Map.of("three", 3))),
                    List.of("hook-list", "text"));

            // A list for a handler taking a Map: refused with the reason, the view lives on.
            JsonNode refused = send(browser, page, "{\"type\":\"hook\",\"event\":\"hook-ping\",\"value\":[1]}");
            assertThat(refused.get("status").asString()).isEqualTo("error");
            assertThat(refused.get("response").get("reason").asString())
                    .isEqualTo("the event \"hook-ping\" carries a list where its handler takes an object (a Map); "
                            + "a handler may declare the value as Object to take any JSON value");
            assertThat(send(browser, page, "{\"type\":\"hook\",\"event\":\"hook-ping\",\"value\":{\"n\":5}}")
                    .get("response").get("diff").get("r")).isEqualTo(json("{\"pong\":6}"));
        }
    }

    @Test
    void keyEventsCarryTheKeyThePhxValuesAndTheInputsValue() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser);
            // phx-keydown on an input: {key, ...phx-value-*, value}
            assertThat(send(browser, page, "{\"type\":\"keydown\",\"event\":\"key\",\"value\":{\"key\":\"b\",\"extra\":\"x\",\"value\":\"a\"}}"))
                    .isEqualTo(json("{\"response\":{\"diff\":{\"1\":{\"0\":\"1\"}}},\"status\":\"ok\"}"));
            // phx-keyup with phx-key="Enter": only Enter is sent
            send(browser, page, "{\"type\":\"keyup\",\"event\":\"enter\",\"value\":{\"key\":\"Enter\",\"value\":\"hi\"}}");
            // phx-window-keydown on a div: the key only (a div has no value)
            send(browser, page, "{\"type\":\"keydown\",\"event\":\"window-key\",\"value\":{\"key\":\"Escape\"}}");
            assertThat(EVENTS.take()).containsExactly(
                    List.of("key", Map.of("key", "b", "extra", "x", "value", "a")),
                    List.of("enter", Map.of("key", "Enter", "value", "hi")),
                    List.of("window-key", Map.of("key", "Escape")));
        }
    }

    @Test
    void focusBlurDebouncedChangesAndThrottledClicksAreOrdinaryEvents() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser);
            send(browser, page, "{\"type\":\"focus\",\"event\":\"focused\",\"value\":{\"value\":\"f\"}}");
            send(browser, page, "{\"type\":\"blur\",\"event\":\"blurred\",\"value\":{\"value\":\"f\"}}");
            // phx-debounce only delays the client's phx-change: the form event is as always.
            send(browser, page, "{\"type\":\"form\",\"event\":\"search\",\"value\":\"q=abc&_target=q\",\"uploads\":{}}");
            send(browser, page, "{\"type\":\"click\",\"event\":\"throttled\",\"value\":{\"value\":\"\"}}");
            assertThat(EVENTS.take()).containsExactly(
                    List.of("focused", Map.of("value", "f")),
                    List.of("blurred", Map.of("value", "f")),
                    List.of("search", Map.of("q", "abc", "_target", List.of("q"))),
                    List.of("throttled", Map.of("value", "")));
        }
    }
}
