package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.Html;
import io.phoenixspring.test.SentConn;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The home page through the {@code :browser} pipeline, with ConnTest, as phx.new's {@code PageControllerTest}. */
@PhoenixTest
class PageControllerTest {

    @Autowired
    ConnTest conn;

    @Test
    void homeRendersPageHtmlInsideTheLayouts() {
        SentConn sent = conn.get("/");
        Html page = sent.html(200);
        assertThat(page.text("h1")).isEqualTo("Welcome to ${artifactId}");
        // The root layout: the title, the CSRF token the clients send back, the stylesheet through ~p.
        assertThat(page.text("title")).isEqualTo("Home · Phoenix");
        assertThat(page.attribute("meta[name=csrf-token]", "content")).isNotBlank();
        assertThat(page.attribute("link[rel=stylesheet]", "href")).isEqualTo("/assets/app.css");
        // The app layout: the flash group around the page.
        assertThat(page.hasElement("main #flash-group")).isTrue();
        assertThat(sent.respHeader("x-frame-options")).isNotEmpty();
    }

    @Test
    void theApiRefusesToAnswerInHtml() {
        ConnTest.assertErrorSent(406, () -> conn.putReqHeader("accept", "text/html").get("/api/token?user=ada"));
    }
}
