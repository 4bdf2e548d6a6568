package io.phoenixspring.web.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.plug.Plugs;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Phoenix.Controller's functions on conns built by hand: what moved out of Conn behaves as it did. */
class ControllerTest {

    // A template engine that shows what it was given: the template's name and the model's keys.
    private static final WebEndpoint ENDPOINT = WebEndpoint.defaults()
            .withTemplates((template, assigns) -> template + " " + new java.util.TreeMap<>(assigns));

    private static Conn conn() {
        return Conn.of("GET", "/", new HttpHeaders(), ENDPOINT);
    }

    private static Conn withFlash() {
        return Plugs.fetchFlash().call(conn().withSession(Map.of()));
    }

    @Test
    void jsonTextAndHtmlSendWithTheirContentTypeUnlessOneIsSet() {
        Conn json = Controller.json(conn(), Map.of("ok", true));
        assertThat(json.state()).isEqualTo(Conn.State.SENT);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.respHeaders()).containsEntry("content-type", "application/json; charset=utf-8");
        assertThat(json.respBodyText()).isEqualTo("{\"ok\":true}");
        assertThat(Controller.text(conn(), "hi").respHeaders()).containsEntry("content-type", "text/plain; charset=utf-8");
        assertThat(Controller.html(conn(), "<p>").respHeaders()).containsEntry("content-type", "text/html; charset=utf-8");
        assertThat(Controller.text(conn().putRespContentType("text/csv"), "a,b").respHeaders())
                .containsEntry("content-type", "text/csv; charset=utf-8");
    }

    @Test
    void renderLooksUpBareNamesUnderTheViewWithAssignsAndFlash() {
        Conn rendered = Controller.render(Controller.putView(withFlash().assign("user", "ada"), "user"), "show",
                Map.of("tab", "posts"));
        assertThat(rendered.respBodyText()).isEqualTo("user/show {flash={}, tab=posts, user=ada}");
        assertThat(Controller.render(conn(), "page/home").respBodyText()).isEqualTo("page/home {flash={}}");
    }

    @Test
    void renderInTheJsonFormatCallsTheJsonView() {
        Conn conn = Controller.putJsonView(Controller.putFormat(conn(), "json"),
                (template, assigns) -> Map.of(template, assigns.get("user")));
        assertThat(Controller.getFormat(conn)).isEqualTo("json");
        assertThat(Controller.render(conn.assign("user", "ada"), "show").respBodyText()).isEqualTo("{\"show\":\"ada\"}");
    }

    @Test
    void redirectIsLocalOnlyAndRedirectExternalEscapesTheLink() {
        assertThat(Controller.redirect(conn(), "/users/1").status()).isEqualTo(302);
        assertThatThrownBy(() -> Controller.redirect(conn(), "/\\evil.example")).hasMessageContaining("not a local path");
        Conn away = Controller.redirectExternal(conn(), "https://example.com/?a=1&b=<2>");
        assertThat(away.respHeaders()).containsEntry("location", "https://example.com/?a=1&b=<2>");
        assertThat(away.respBodyText()).contains("href=\"https://example.com/?a=1&amp;b=&lt;2&gt;\"");
    }

    @Test
    void flashNeedsFetchFlashAndIsPutReadAndCleared() {
        assertThatThrownBy(() -> Controller.putFlash(conn(), "info", "hi")).hasMessageContaining("fetchFlash");
        Conn flashed = Controller.putFlash(withFlash(), "info", "Saved.");
        assertThat(Controller.getFlash(flashed)).containsExactly(Map.entry("info", "Saved."));
        assertThat(Controller.getFlash(flashed, "info")).isEqualTo("Saved.");
        assertThat(Controller.getFlash(flashed, "error")).isNull();
        assertThat(Controller.getFlash(Controller.clearFlash(flashed))).isEmpty();
    }
}
