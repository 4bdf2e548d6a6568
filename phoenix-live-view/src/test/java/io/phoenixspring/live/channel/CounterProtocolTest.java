package io.phoenixspring.live.channel;

import static io.phoenixspring.live.support.Browser.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.live.support.Browser;
import io.phoenixspring.live.support.CounterLive;
import io.phoenixspring.live.support.HandTemplates;
import io.phoenixspring.live.support.LiveServer;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The /counter transcript, frame by frame, against a real server with a hand-written counter template. */
class CounterProtocolTest {

    static LiveServer server;

    @BeforeAll
    static void start() {
        server = LiveServer.builder().appLayout().view(new CounterLive(), HandTemplates.COUNTER)
                .router(live -> Router.builder()
                        .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash())
                                .plug(Plugs.protectFromForgery()))
                        .scope("/", s -> s.pipeThrough("browser").get("/counter", live.route(CounterLive.class)))
                        .build())
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCounterTranscriptJoinClicksAndLivePatch() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/counter?start=5");
            assertThat(page.status()).isEqualTo(200);
            browser.connect(page.csrfToken());
            JsonNode joined = browser.join(page);
            assertThat(joined.get(0).asString()).isEqualTo("4");
            assertThat(joined.get(2).asString()).isEqualTo(page.topic());
            assertThat(joined.get(4)).isEqualTo(json("""
                    {"response":{"liveview_version":"1.0.19","rendered":{
                      "0":{"0":{"0":"","s":["",""]},"1":{"0":"","s":["",""]},"r":1,"s":["<div id=\\"flash-group\\">\\n  ","\\n  ","\\n</div>"]},
                      "1":{"0":"5",
                           "1":{"0":" href=\\"/counter?start=0\\"","1":" data-phx-link-state=\\"push\\"","2":" id=\\"reset-link\\"","3":{"s":["reset"]},"r":1,"s":["<a"," data-phx-link=\\"patch\\"","",">","</a>"]},
                           "s":["<h1>Counter</h1>\\n<p>Count: <span id=\\"count\\">","</span></p>\\n<button id=\\"dec\\" phx-click=\\"dec\\">-1</button>\\n<button id=\\"inc\\" phx-click=\\"inc\\">+1</button>\\n<button id=\\"inc-by\\" phx-click=\\"inc\\" phx-value-by=\\"5\\">+5</button>\\n",""]},
                      "s":["","\\n",""],
                      "t":"Count 5"}},
                     "status":"ok"}
                    """));

            JsonNode inc = browser.push("4", page, "event", Map.of("type", "click", "event", "inc", "value", Map.of("value", "")));
            assertThat(inc.get(4)).isEqualTo(json("{\"response\":{\"diff\":{\"1\":{\"0\":\"6\"},\"t\":\"Count 6\"}},\"status\":\"ok\"}"));

            JsonNode incBy = browser.push("4", page, "event",
                    Map.of("type", "click", "event", "inc", "value", Map.of("by", "5", "value", "")));
            assertThat(incBy.get(4)).isEqualTo(json("{\"response\":{\"diff\":{\"1\":{\"0\":\"11\"},\"t\":\"Count 11\"}},\"status\":\"ok\"}"));

            JsonNode patched = browser.push("4", page, "live_patch", Map.of("url", server.url("/counter?start=0")));
            assertThat(patched.get(4)).isEqualTo(json("{\"response\":{\"diff\":{\"1\":{\"0\":\"0\"},\"t\":\"Count 0\"}},\"status\":\"ok\"}"));
            assertThat(patched.get(0).asString()).isEqualTo("4");
        }
    }
}
