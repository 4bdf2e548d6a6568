package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.Html;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The error pages of {@code phoenix.endpoint.render-errors} (application.yml), as phx.new's {@code ErrorHTMLTest}. */
@PhoenixTest
class ErrorHTMLTest {

    @Autowired
    ConnTest conn;

    @Test
    void anUnknownPageRendersErrorHtml404() {
        Html page = ConnTest.assertErrorSent(404, () -> conn.putReqHeader("accept", "text/html").get("/nowhere")).html(404);
        assertThat(page.text("h1")).isEqualTo("Page not found");
        assertThat(page.text("#request-path")).isEqualTo("/nowhere");
        assertThat(page.attribute("a", "Back home", "href")).isEqualTo("/");
    }

    @Test
    void aJsonClientGetsJsonErrors() {
        assertThat(ConnTest.assertErrorSent(404, () -> conn.putReqHeader("accept", "application/json").get("/nowhere"))
                .jsonResponse(404, java.util.Map.class)).isEqualTo(java.util.Map.of("errors", java.util.Map.of("detail", "Not Found")));
    }
}
