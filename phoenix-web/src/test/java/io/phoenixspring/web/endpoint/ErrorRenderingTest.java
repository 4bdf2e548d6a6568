package io.phoenixspring.web.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.controller.Controller;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Phoenix's render_errors: format choice, user views, and what production hides. */
class ErrorRenderingTest {

    private static Conn conn(WebEndpoint endpoint, String accept) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.set("accept", accept);
        }
        return Conn.of("GET", "/x", headers, endpoint);
    }

    @Test
    void browsersGetAPageAndApisGetJsonWhenBothFormatsAreConfigured() {
        WebEndpoint endpoint = WebEndpoint.defaults().withErrorFormats(List.of("html", "json"));
        Conn page = ErrorRenderer.renderStatus(conn(endpoint, "text/html,application/xhtml+xml,*/*;q=0.8"), 404, null);
        assertThat(page.respHeaders()).containsEntry("content-type", "text/html; charset=utf-8");
        assertThat(page.respBodyText()).contains("<h1>Not Found</h1>");
        Conn json = ErrorRenderer.renderStatus(conn(endpoint, "application/json"), 404, null);
        assertThat(json.respBodyText()).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        Conn none = ErrorRenderer.renderStatus(conn(endpoint, null), 400, null);
        assertThat(none.respBodyText()).contains("<h1>Bad Request</h1>");
    }

    @Test
    void theNegotiatedFormatWinsOverTheAcceptHeader() {
        WebEndpoint endpoint = WebEndpoint.defaults().withErrorFormats(List.of("html", "json"));
        Conn negotiated = Controller.putFormat(conn(endpoint, "text/html"), "json");
        assertThat(ErrorRenderer.renderStatus(negotiated, 406, null).respBodyText())
                .isEqualTo("{\"errors\":{\"detail\":\"Not Acceptable\"}}");
    }

    @Test
    void productionHidesTheExceptionAndDebugShowsIt() {
        IllegalStateException boom = new IllegalStateException("secret detail");
        WebEndpoint prod = WebEndpoint.defaults().withErrorFormats(List.of("html"));
        Conn hidden = ErrorRenderer.render(conn(prod, "text/html"), boom);
        assertThat(hidden.status()).isEqualTo(500);
        assertThat(hidden.respBodyText()).contains("Internal Server Error").doesNotContain("secret detail")
                .doesNotContain("ErrorRenderingTest");
        Conn shown = ErrorRenderer.render(conn(prod.withDebugErrors(true), "text/html"), boom);
        assertThat(shown.respBodyText()).contains("secret detail").contains("ErrorRenderingTest");
    }

    @Test
    void aUserErrorViewReplacesTheDefaultOneAndAFailingViewStillAnswers() {
        ErrorView custom = new DefaultErrorView() {
            @Override
            public Object json(int status, Conn conn, Throwable error) {
                return java.util.Map.of("message", "custom " + status);
            }
        };
        Conn out = ErrorRenderer.renderStatus(conn(WebEndpoint.defaults().withErrorView(custom), null), 404, null);
        assertThat(out.respBodyText()).isEqualTo("{\"message\":\"custom 404\"}");

        ErrorView broken = new DefaultErrorView() {
            @Override
            public Object json(int status, Conn conn, Throwable error) {
                throw new IllegalStateException("view bug");
            }
        };
        Conn fallback = ErrorRenderer.renderStatus(conn(WebEndpoint.defaults().withErrorView(broken), null), 404, null);
        assertThat(fallback.status()).isEqualTo(404);
        assertThat(fallback.respBodyText()).isEqualTo("Not Found");
    }

    @Test
    void statusComesFromPlugStatusExceptions() {
        assertThat(ErrorRenderer.statusOf(StatusException.notAcceptable("x"))).isEqualTo(406);
        assertThat(ErrorRenderer.statusOf(new RuntimeException())).isEqualTo(500);
        assertThat(ErrorRenderer.statusOf(new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.CONFLICT))).isEqualTo(409);
    }
}
