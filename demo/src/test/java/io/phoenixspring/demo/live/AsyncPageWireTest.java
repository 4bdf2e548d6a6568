package io.phoenixspring.demo.live;

import static io.phoenixspring.demo.live.LiveWire.click;
import static io.phoenixspring.demo.live.LiveWire.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /async} in raw frames against the transcript's ({@code shared/liveview-wire-transcripts.md},
 * "/async — assign_async", copied verbatim below): the dead render shows the loading slot; the join
 * reply renders it too; 300 ms later the answer arrives as a server {@code diff}; {@code #fail} is
 * acked with the loading slot again and the failure follows as another {@code diff}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AsyncPageWireTest {

    /** The join reply's {@code rendered} in the transcript. */
    static final String JOIN_RENDERED = """
            {
              "0": {"0":{"0":"","s":["",""]},"1":{"0":"","s":["",""]},"r":1,"s":["<div id=\\"flash-group\\">\\n  ","\\n  ","\\n</div>"]},
              "1": {"0":{"0":{"s":["loading…"]},"s":["",""]},"s":["<h1>Async</h1>\\n<p id=\\"answer\\">","</p>\\n<button id=\\"fail\\" phx-click=\\"fail\\">fail</button>"]},
              "s": ["","\\n",""],
              "t": "Async"
            }""";
    /** The server-initiated diff with the answer. */
    static final String ANSWER = "{\"1\":{\"0\":{\"0\":{\"0\":\"42\",\"s\":[\"\",\"\"]},\"s\":[\"\",\"\"]}}}";
    /** The ack of #fail. */
    static final String FAIL_ACK = "{\"response\":{\"diff\":{\"1\":{\"0\":{\"0\":{\"s\":[\"loading…\"]},\"s\":[\"\",\"\"]}}}},\"status\":\"ok\"}";
    /** The server-initiated diff with the failure. */
    static final String FAILED = "{\"1\":{\"0\":{\"0\":{\"s\":[\"failed\"]},\"s\":[\"\",\"\"]}}}";

    @LocalServerPort
    int port;

    @Test
    void theDeadRenderTheJoinTheAnswerAndTheFailureAreTheTranscripts() throws Exception {
        String deadRender;
        try (InputStream in = AsyncPageWireTest.class.getResourceAsStream("transcript-frames.json")) {
            deadRender = LiveWire.JSON.readTree(in).get("deadRenders").get("/async").asString();
        }
        try (LiveWire browser = new LiveWire(port)) {
            LiveWire.Page page = browser.page("/async");
            assertThat(page.containerHtml().lines().filter(line -> !line.isBlank()).collect(Collectors.joining("\n")))
                    .isEqualTo(deadRender);

            JsonNode joined = browser.connect(page.csrfToken()).join(page);
            long joinedAt = System.nanoTime();
            assertThat(joined.get("status").asString()).isEqualTo("ok");
            assertThat(joined.get("response").get("rendered")).isEqualTo(json(JOIN_RENDERED));
            assertThat(LivePagesWireTest.RenderedHtml.of(joined.get("response").get("rendered"))).isEqualTo(page.containerHtml());

            assertThat(browser.push("diff")).isEqualTo(json(ANSWER));
            assertThat(Duration.ofNanos(System.nanoTime() - joinedAt)).as("the answer takes about 300 ms")
                    .isGreaterThan(Duration.ofMillis(200));

            assertThat(browser.push("4", page, "event", click("fail", Map.of()))).isEqualTo(json(FAIL_ACK));
            assertThat(browser.push("diff")).isEqualTo(json(FAILED));
            assertThat(browser.quietFor(Duration.ofMillis(500))).noneMatch(text -> text.contains("\"diff\""));
        }
    }
}
