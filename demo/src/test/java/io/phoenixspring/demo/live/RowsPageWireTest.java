package io.phoenixspring.demo.live;

import static io.phoenixspring.demo.live.LiveWire.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /bench/rows} (the LiveView benchmark's large page) in raw frames: 1,000 streamed rows, each
 * with its own {@link RowCounter} component, and a click on one row's component whose diff is that
 * component's change alone — not the stream, not another row, not the view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RowsPageWireTest {

    @LocalServerPort
    int port;

    private static Map<String, Object> clickOn(int cid) {
        return Map.of("type", "click", "event", "click", "value", Map.of("value", ""), "cid", cid);
    }

    @Test
    void aClickOnOneRowsComponentDiffsThatComponentAlone() throws Exception {
        try (LiveWire browser = new LiveWire(port)) {
            LiveWire.Page page = browser.page("/bench/rows");
            assertThat(page.containerHtml()).contains("id=\"rows-1000\"", "id=\"row-1000-button\"");
            JsonNode rendered = browser.connect(page.csrfToken()).join(page).get("response").get("rendered");
            JsonNode components = rendered.get("c");
            assertThat(components.size()).isEqualTo(RowsLive.ROWS);
            // cids in walk order: row N is cid N, its id the first dynamic, its count the last.
            assertThat(components.get("500").get("0").asString()).isEqualTo(" id=\"row-500\"");
            assertThat(components.get("500").get("3").asString()).isEqualTo("0");

            assertThat(browser.push("4", page, "event", clickOn(500)))
                    .isEqualTo(json("{\"response\":{\"diff\":{\"c\":{\"500\":{\"3\":\"1\"}}}},\"status\":\"ok\"}"));
            assertThat(browser.push("4", page, "event", clickOn(7)))
                    .isEqualTo(json("{\"response\":{\"diff\":{\"c\":{\"7\":{\"3\":\"1\"}}}},\"status\":\"ok\"}"));
            assertThat(browser.push("4", page, "event", clickOn(500)))
                    .isEqualTo(json("{\"response\":{\"diff\":{\"c\":{\"500\":{\"3\":\"2\"}}}},\"status\":\"ok\"}"));
            assertThat(browser.quietFor(Duration.ofMillis(200))).isEmpty();
        }
    }
}
