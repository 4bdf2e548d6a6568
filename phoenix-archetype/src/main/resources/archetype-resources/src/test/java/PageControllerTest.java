package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.test.SentConn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The home page through the {@code :browser} pipeline, with ConnTest. */
@PhoenixTest
class PageControllerTest {

    @Autowired
    ConnTest conn;

    @Test
    void homeIsAnHtmlPageWithSecureBrowserHeaders() {
        SentConn page = conn.get("/");
        assertThat(page.htmlResponse(200)).contains("<h1>Welcome to ${artifactId}</h1>");
        assertThat(page.respHeader("x-frame-options")).isNotEmpty();
    }

    @Test
    void theApiRefusesToAnswerInHtml() {
        ConnTest.assertErrorSent(406, () -> conn.putReqHeader("accept", "text/html").get("/api/token?user=ada"));
    }
}
