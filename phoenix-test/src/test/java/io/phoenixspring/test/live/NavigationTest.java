package io.phoenixspring.test.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.LiveViewTest.Redirect;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Live redirects, plain redirects and the flash they carry; redirects on mount. */
@PhoenixTest
class NavigationTest {

    @Autowired
    LiveViewTest lv;

    @Test
    void pushNavigateIsALiveRedirectFollowedOnTheSameSocketWithTheFlash() {
        LiveViewTest.View view = lv.live("/counter");
        view.element("#inc5").click();
        view.renderClick("save");
        assertThat(view.assertRedirect("/nav/1")).isEqualTo(Map.of("info", "Saved 5"));
        assertThat(view.assertRedirect().kind()).isEqualTo(Redirect.Kind.LIVE_REDIRECT);

        LiveViewTest.View next = view.followRedirect();
        assertThat(next.render()).contains("<h1>Page 1</h1>", "<p id=\"flash\">Saved 5</p>");
        assertThat(next.pageTitle()).isEqualTo("Page 1");
        assertThat(next.id()).isEqualTo(view.id());       // live navigation keeps the container
        assertThatThrownBy(view::render).isInstanceOf(AssertionError.class)
                .hasMessage("the LiveView at /counter navigated away (a LIVE_REDIRECT to /nav/1): assertRedirect or followRedirect it");
        assertThatThrownBy(() -> view.renderClick("inc")).isInstanceOf(AssertionError.class).hasMessageContaining("navigated away");
    }

    @Test
    void navigateLinksAndLiveRedirect() {
        LiveViewTest.View view = lv.live("/counter");
        view.element("#to-nav").click();
        assertThat(view.assertRedirect()).isEqualTo(new Redirect(Redirect.Kind.LIVE_REDIRECT, "/nav/2", Map.of()));
        LiveViewTest.View page2 = view.followRedirect("/nav/2");
        assertThat(page2.render()).contains("<h1>Page 2</h1>");

        LiveViewTest.View page5 = page2.liveRedirect("/nav/5");
        assertThat(page5.render()).contains("<h1>Page 5</h1>");
        assertThat(page5.path()).isEqualTo("/nav/5");
    }

    @Test
    void liveNavigationToAnotherLiveSessionLoadsThePage() {
        LiveViewTest.View admin = lv.live("/counter").liveRedirect("/admin");
        assertThat(admin.render()).contains("<h1>Admin of admin</h1>");

        LiveViewTest.View view = lv.live("/counter");
        view.renderClick("admin");
        LiveViewTest.View loaded = view.followRedirect();
        assertThat(loaded.render()).contains("<h1>Admin of admin</h1>", "<p id=\"flash\">Welcome, admin</p>");
        assertThat(loaded.id()).isNotEqualTo(view.id());   // a new page
    }

    @Test
    void redirectIsAPageLoad() {
        LiveViewTest.View view = lv.live("/counter");
        view.renderClick("away");
        assertThat(view.assertRedirected("/plain")).isEqualTo(Map.of("info", "Bye"));
        view.refuteRedirected("/elsewhere");
        assertThat(view.followRedirectConn().textResponse(200)).isEqualTo("plain page");
        assertThatThrownBy(view::followRedirect).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected /plain to render a LiveView, but the page has no LiveView container")
                .hasMessageContaining("use followRedirectConn");

        LiveViewTest.View linked = lv.live("/counter");
        linked.element("#to-plain").click();
        assertThat(linked.assertRedirect()).isEqualTo(new Redirect(Redirect.Kind.REDIRECT, "/plain", Map.of()));
    }

    @Test
    void aRedirectInTheDeadRender() {
        LiveViewTest.View view = lv.live("/gate");
        assertThat(view.assertRedirect("/plain")).isEqualTo(Map.of("error", "Sign in first"));
        assertThatThrownBy(view::render).isInstanceOf(AssertionError.class)
                .hasMessage("the LiveView at /gate never rendered connected: it redirected to /plain (assertRedirect or followRedirect it)");
    }

    @Test
    void aRedirectInTheConnectedMount() {
        LiveViewTest.View view = lv.live("/gate?when=connected");
        assertThat(view.assertRedirect("/nav/9")).isEqualTo(Map.of("info", "Moved"));
        assertThat(view.followRedirect().render()).contains("<h1>Page 9</h1>", "<p id=\"flash\">Moved</p>");
    }

    @Test
    void aNavigationFromHandleInfo() {
        LiveViewTest.View view = lv.live("/counter");
        view.send("navigate");
        view.assertRedirect("/nav/3");
        assertThat(view.followRedirect().render()).contains("<h1>Page 3</h1>");
    }
}
