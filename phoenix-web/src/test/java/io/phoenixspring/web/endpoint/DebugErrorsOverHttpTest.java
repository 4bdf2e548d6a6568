package io.phoenixspring.web.endpoint;

import static io.phoenixspring.web.support.BothFormatsApp.CRASH_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.web.support.BothFormatsApp;
import io.phoenixspring.web.support.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code phoenix.endpoint.debug-errors} over real HTTP: on, a crashing action's 500 carries the
 * exception's message and stack trace, as JSON and as a page; off, neither.
 */
class DebugErrorsOverHttpTest {

    private static final String FRAME = "BothFormatsApp$Actions.crash";

    @Test
    void debugErrorsShowTheMessageAndTheStackTraceInJsonAndHtml() {
        try (TestServer server = TestServer.start(BothFormatsApp.class, BothFormatsApp.DebugOn.class)) {
            String json = get(server, "/api/crash", "application/json");
            assertThat(json).startsWith("{\"errors\":{\"detail\":\"Internal Server Error\"").contains(CRASH_MESSAGE)
                    .contains(IllegalStateException.class.getName()).contains(FRAME);
            String html = get(server, "/crash", "text/html");
            assertThat(html).contains("<h1>Internal Server Error</h1>").contains(CRASH_MESSAGE).contains(FRAME);
        }
    }

    @Test
    void withoutDebugErrorsNeitherTheMessageNorTheStackTraceLeaks() {
        try (TestServer server = TestServer.start(BothFormatsApp.class, BothFormatsApp.DebugOff.class)) {
            String json = get(server, "/api/crash", "application/json");
            assertThat(json).isEqualTo("{\"errors\":{\"detail\":\"Internal Server Error\"}}");
            String html = get(server, "/crash", "text/html");
            assertThat(html).contains("<h1>Internal Server Error</h1>").doesNotContain(CRASH_MESSAGE)
                    .doesNotContain("BothFormatsApp").doesNotContain("<pre>");
        }
    }

    private static String get(TestServer server, String path, String accept) {
        byte[] body = server.client().get().uri(path).header("accept", accept).exchange()
                .expectStatus().isEqualTo(500).expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }
}
