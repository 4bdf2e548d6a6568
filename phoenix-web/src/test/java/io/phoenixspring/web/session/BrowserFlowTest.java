package io.phoenixspring.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.web.support.DemoAppOverHttp;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * A browser's visit through the :browser pipeline, cookies carried by hand as a browser would:
 * page with a CSRF token, a forged post refused, a real post redirected with a flash shown once.
 */
class BrowserFlowTest extends DemoAppOverHttp {

    private static String text(EntityExchangeResult<byte[]> r) {
        return r.getResponseBody() == null ? "" : new String(r.getResponseBody(), StandardCharsets.UTF_8);
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf_token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("csrf token in %s", page).isTrue();
        return m.group(1);
    }

    @Test
    void postWithTheFormTokenRedirectsAndTheFlashShowsOnce() {
        EntityExchangeResult<byte[]> home = client.get().uri("/?name=Ana").header("accept", "text/html").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("content-type", "text/html; charset=utf-8")
                .expectHeader().valueEquals("x-frame-options", "SAMEORIGIN")
                .expectHeader().valueEquals("x-content-type-options", "nosniff")
                .expectBody().returnResult();
        assertThat(text(home)).contains("Hello Ana").doesNotContain("class=\"info\"");
        ResponseCookie session = home.getResponseCookies().getFirst("_demo_key");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        String token = csrf(text(home));

        EntityExchangeResult<byte[]> posted = client.post().uri("/messages").cookie("_demo_key", session.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("body=hello&_csrf_token=" + token)
                .exchange().expectStatus().isFound().expectHeader().valueEquals("location", "/")
                .expectBody().returnResult();
        assertThat(text(posted)).contains("You are being <a href=\"/\">redirected</a>.");
        ResponseCookie withFlash = posted.getResponseCookies().getFirst("_demo_key");

        String shown = text(client.get().uri("/").cookie("_demo_key", withFlash.getValue()).exchange()
                .expectStatus().isOk().expectBody().returnResult());
        assertThat(shown).contains("<p class=\"info\">Message &quot;hello&quot; posted</p>");

        EntityExchangeResult<byte[]> afterShown = client.get().uri("/").cookie("_demo_key", withFlash.getValue())
                .exchange().expectBody().returnResult();
        ResponseCookie cleared = afterShown.getResponseCookies().getFirst("_demo_key");
        String again = text(client.get().uri("/").cookie("_demo_key", cleared.getValue()).exchange()
                .expectStatus().isOk().expectBody().returnResult());
        assertThat(again).doesNotContain("class=\"info\"");
    }

    @Test
    void postWithoutOrWithAForeignTokenIsForbidden() {
        EntityExchangeResult<byte[]> home = client.get().uri("/").exchange().expectBody().returnResult();
        String session = home.getResponseCookies().getFirst("_demo_key").getValue();
        client.post().uri("/messages").cookie("_demo_key", session).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("body=hi").exchange().expectStatus().isForbidden();

        // A token from another session does not unlock this one.
        String other = csrf(text(client.get().uri("/").exchange().expectBody().returnResult()));
        client.post().uri("/messages").cookie("_demo_key", session).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("body=hi&_csrf_token=" + other).exchange().expectStatus().isForbidden();

        // The header works like the param, e.g. for fetch() from the page.
        String mine = csrf(text(client.get().uri("/").cookie("_demo_key", session).exchange().expectBody().returnResult()));
        client.post().uri("/messages").cookie("_demo_key", session).header("x-csrf-token", mine)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("body=hi").exchange().expectStatus().isFound();
    }

    @Test
    void aTamperedSessionCookieIsAnEmptySession() {
        EntityExchangeResult<byte[]> home = client.get().uri("/").exchange().expectBody().returnResult();
        String session = home.getResponseCookies().getFirst("_demo_key").getValue();
        String token = csrf(text(home));
        String tampered = session.substring(0, session.length() - 2) + (session.endsWith("A") ? "BB" : "AA");
        client.post().uri("/messages").cookie("_demo_key", tampered).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("body=hi&_csrf_token=" + token).exchange().expectStatus().isForbidden();
    }
}
