package io.phoenixspring.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.AutoConfigurePhoenix;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard's request logger with real HTTP requests to the demo's {@code /api/health}: only the
 * requests carrying the page's cookie have their server log lines (the router's DEBUG "Processing with"
 * line too, though its logger is at INFO) streamed to the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigurePhoenix
class RequestLoggerPageTest {

    private static final String ROUTER_LOGGER = "io.phoenixspring.web.router";

    @Autowired
    LiveViewTest lv;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onlyTheMarkedBrowsersRequestLinesAreStreamedToThePage() throws Exception {
        LiveViewTest.View page = lv.live("/dashboard/request_logger");
        assertThat(page.pageTitle()).isEqualTo("Request logger");
        assertThat(page.hasElement("#menu-request_logger.active")).isTrue();
        Document setup = Jsoup.parse(page.element("#request-logger-cookie").render());
        String cookie = setup.selectFirst("#request-logger-cookie").attr("data-cookie-name");
        String value = setup.selectFirst("#request-logger-cookie").attr("data-cookie-value");
        assertThat(cookie).isEqualTo("request_logger");
        assertThat(value).isNotBlank();

        page.element("#request-logger-toggle").click();
        assertThat(page.element("#request-logger-cookie").render()).contains("data-enabled=\"true\"");
        assertThat(page.element("#request-logger-toggle").render()).contains("Disable cookie");

        assertThat(get("/api/health?probe=unmarked-one", null)).isEqualTo(200);
        assertThat(get("/api/health?probe=forged", cookie + "=" + value.substring(0, value.length() - 2) + "xx")).isEqualTo(200);
        assertThat(get("/api/health?probe=marked-one", cookie + "=" + value)).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(lines(page)).contains("marked-one").contains("/api/health"));
        String shown = lines(page);
        assertThat(shown).doesNotContain("unmarked-one").doesNotContain("forged");
        assertThat(Jsoup.parse(page.element("#request-logger-lines").render()).select("[data-level=DEBUG]"))
                .as("the router's DEBUG line, its logger being at INFO").isNotEmpty();

        // With the router's logger at DEBUG, unmarked lines are logged, and still never reach the page.
        ch.qos.logback.classic.Logger router = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(ROUTER_LOGGER);
        Level before = router.getLevel();
        router.setLevel(Level.DEBUG);
        try {
            assertThat(get("/api/health?probe=unmarked-two", null)).isEqualTo(200);
            assertThat(get("/api/health?probe=marked-two", cookie + "=" + value)).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lines(page)).contains("marked-two"));
            assertThat(lines(page)).doesNotContain("unmarked-two");
        } finally {
            router.setLevel(before);
        }

        // Another visit of the page (another browser) has its own key: the first browser's lines never appear there.
        LiveViewTest.View other = lv.live("/dashboard/request_logger");
        assertThat(get("/api/health?probe=marked-three", cookie + "=" + value)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lines(page)).contains("marked-three"));
        assertThat(lines(other)).doesNotContain("marked-three");

        page.element("#request-logger-toggle").click();
        assertThat(page.element("#request-logger-cookie").render()).contains("data-enabled=\"false\"");
        page.element("#request-logger-clear").click();
        assertThat(lines(page)).doesNotContain("marked-one");
    }

    private int get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (cookie != null) {
            request.header("cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String lines(LiveViewTest.View page) {
        return Jsoup.parse(page.element("#request-logger-lines").render()).text();
    }
}
