package io.phoenixspring.live.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.live.support.Browser;
import io.phoenixspring.live.support.CounterLive;
import io.phoenixspring.live.support.HandTemplates;
import io.phoenixspring.live.support.LiveServer;
import io.phoenixspring.live.support.TestViews;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The plain HTTP render of live routes: the document, the container and its tokens, as the transcripts show. */
class DeadRenderTest {

    static LiveServer server;

    @BeforeAll
    static void start() {
        server = LiveServer.builder().appLayout().view(new CounterLive(), HandTemplates.COUNTER)
                .view(new TestViews.OtherLive(), HandTemplates.VALUE)
                .view(new Bare(), HandTemplates.VALUE)
                .view(new ActionLess(), null)
                .router(live -> Router.builder()
                        .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash())
                                .plug(Plugs.protectFromForgery()))
                        .scope("/", s -> s.pipeThrough("browser")
                                .get("/counter", live.route(CounterLive.class))
                                .get("/other", live.route(TestViews.OtherLive.class))
                                .get("/bare", live.route(Bare.class, "index"))
                                .get("/actionless", live.route(ActionLess.class)))
                        .get("/sessionless", live.route(CounterLive.class))
                        .build())
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDeadRenderIsTheRootLayoutAroundTheContainerAsTheCounterTranscriptShows() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/counter?start=5");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.headers().get("content-type")).containsExactly("text/html; charset=utf-8");
            Matcher container = Pattern.compile("<div id=\"(phx-[A-Za-z0-9_-]{16})\" data-phx-main data-phx-session=\"([^\"]+)\" "
                    + "data-phx-static=\"([^\"]+)\">").matcher(page.html());
            assertThat(container.find()).isTrue();
            assertThat(page.html()).startsWith("""
                    <!DOCTYPE html>
                    <html lang="en">
                      <head>
                        <meta charset="utf-8">
                        <meta name="viewport" content="width=device-width, initial-scale=1">
                        <meta name="csrf-token" content=\"""" + page.csrfToken() + """
                    ">
                        <title data-default="Live" data-suffix=" · Live">Count 5 · Live</title>
                      </head>
                      <body>
                        <main>
                          <div id=\"""");
            assertThat(page.html()).contains(container.group() + """
                    <div id="flash-group">
                     \s
                     \s
                    </div>
                    <h1>Counter</h1>
                    <p>Count: <span id="count">5</span></p>
                    <button id="dec" phx-click="dec">-1</button>
                    <button id="inc" phx-click="inc">+1</button>
                    <button id="inc-by" phx-click="inc" phx-value-by="5">+5</button>
                    <a href="/counter?start=0" data-phx-link="patch" data-phx-link-state="push" id="reset-link">reset</a></div>
                        </main>
                      </body>
                    </html>
                    """);
            LiveTokens.Session session = server.liveTokens.verifySession(container.group(2), "lv:" + container.group(1));
            assertThat(session).isEqualTo(new LiveTokens.Session(container.group(1), CounterLive.class.getName(), "default", Map.of()));
            assertThat(server.liveTokens.verifyStatic(container.group(3), container.group(1))).isEmpty();
            // The session cookie holds the CSRF token the meta tag masks.
            String token = (String) server.cookies.get(browser.cookies.get(LiveServer.COOKIE)).get("_csrf_token");
            assertThat(io.phoenixspring.web.session.CsrfToken.matches(token, page.csrfToken())).isTrue();
        }
    }

    @Test
    void theContainersHtmlIsTheHtmlOfTheJoinsRenderedTree() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/counter?start=-3");
            browser.connect(page.csrfToken());
            JsonNode rendered = browser.join(page).get(4).get("response").get("rendered");
            String html = page.html();
            int start = html.indexOf('>', html.indexOf("data-phx-main")) + 1;
            String inner = html.substring(start, html.indexOf("</div>\n    </main>"));
            assertThat(toHtml(rendered)).isEqualTo(inner);
            assertThat(inner).contains("<span id=\"count\">-3</span>");
        }
    }

    @Test
    void aStartThatIsNotAWholeNumberCountsFromZero() {
        try (Browser browser = new Browser(server)) {
            assertThat(browser.get("/counter?start=4x").document().getElementById("count").text()).isEqualTo("0");
            assertThat(browser.get("/counter?start=abc").document().title()).isEqualTo("Count 0 · Live");
        }
    }

    @Test
    void aFlashCookieLeftByARedirectIsShownOnceAndDeleted() {
        try (Browser browser = new Browser(server)) {
            browser.cookies.put("__phoenix_flash__", server.liveTokens.signFlash(Map.of("info", "Welcome")));
            Browser.Page page = browser.get("/other");
            assertThat(page.document().getElementById("value").text()).isEqualTo("Welcome");
            assertThat(page.document().getElementById("flash-info").text()).isEqualTo("Welcome");
            assertThat(browser.cookies).doesNotContainKey("__phoenix_flash__");
            // The static token carries the flash to the connected mount.
            Map<String, String> flash = server.liveTokens.verifyStatic(page.staticToken(), page.id());
            assertThat(flash).isEqualTo(Map.of("info", "Welcome"));
            // A forged one is ignored.
            browser.cookies.put("__phoenix_flash__", new LiveTokens(PhoenixToken.of(LiveServer.SECRET_KEY_BASE), "other salt",
                    Duration.ofDays(1)).signFlash(Map.of("info", "Forged")));
            assertThat(browser.get("/other").document().getElementById("value").text()).isEqualTo("null");
        }
    }

    @Test
    void aLiveRouteWithoutTheSessionInItsPipelineIsAServerErrorNamingTheFix() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/sessionless");
            assertThat(page.status()).isEqualTo(500);
        }
    }

    static class Untemplated implements LiveView {
    }

    /** Without the app layout; shows its route's action. */
    @io.phoenixspring.live.view.PhoenixLiveView(layout = io.phoenixspring.live.view.PhoenixLiveView.NoLayout.class)
    static class Bare implements LiveView {
        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, io.phoenixspring.live.view.LiveSocket socket) {
            socket.assign("value", socket.get("live_action"));
        }
    }

    @Test
    void aViewMayRenderWithoutTheAppLayoutAndSeesItsRoutesAction() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/bare");
            assertThat(page.html()).contains("data-phx-static=\"" + page.staticToken() + "\"><p id=\"value\">index</p></div>");
        }
    }

    /** Reads {@code @live_action} on a route without an action. */
    @io.phoenixspring.live.view.PhoenixLiveView(layout = io.phoenixspring.live.view.PhoenixLiveView.NoLayout.class)
    static class ActionLess implements LiveView {
        @Override
        public io.phoenixspring.live.template.Template template() {
            return io.phoenixspring.live.template.Templates.compile(
                    "<p :if={is_nil(@live_action)} id=\"action\">none</p>", "ActionLess.heex", ActionLess.class);
        }
    }

    @Test
    void liveActionIsAssignedNilOnARouteWithoutAnAction() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/actionless");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html()).contains("><p id=\"action\">none</p></div>");
        }
    }

    @Test
    void aViewWithoutATemplateFailsWhenItsRouteIsDeclared() {
        LiveRoutes routes = LiveRoutes.builder(type -> new Untemplated(), server.liveTokens).build();
        assertThatThrownBy(() -> routes.route(Untemplated.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no template for " + Untemplated.class.getName())
                .hasMessageContaining("Untemplated.html.heex");
        assertThatThrownBy(() -> routes.session("default", s -> { }))
                .hasMessageContaining("declared twice");
    }

    interface LivePaths {
        @io.phoenixspring.web.router.VerifiedPath("/nav/{page}")
        String nav(Object page);
    }

    interface WrongPaths {
        @io.phoenixspring.web.router.VerifiedPath("/navigate/{page}")
        String nav(Object page);
    }

    @Test
    void liveRoutesAreVerifiedRoutesLikeAnyOther() {
        LiveRoutes routes = LiveRoutes.builder(type -> new Untemplated(), server.liveTokens)
                .templates(type -> (assigns, changed) -> io.phoenixspring.live.rendered.Rendered.of(
                        java.util.List.of("<p>", "</p>"), java.util.List.of("x"), 1L, true)).build();
        io.phoenixspring.web.router.Router router = io.phoenixspring.web.router.Router.builder()
                .get("/nav/:page", routes.route(Untemplated.class)).build();
        assertThat(io.phoenixspring.web.router.VerifiedRoutes.create(LivePaths.class, router).nav(2)).isEqualTo("/nav/2");
        // The route table (mix phx.routes, phoenix:routes) names the LiveView, not "(plug)".
        assertThat(router.format()).contains("/nav/:page").contains("live Untemplated");
        assertThatThrownBy(() -> io.phoenixspring.web.router.VerifiedRoutes.create(WrongPaths.class, router))
                .hasMessageContaining("/navigate/{page}");
    }

    /** What the client does with a join's rendered tree: statics and dynamics interleaved, comprehensions' rows. */
    static String toHtml(JsonNode rendered) {
        StringBuilder html = new StringBuilder();
        append(html, rendered, null);
        return html.toString();
    }

    private static void append(StringBuilder html, JsonNode node, JsonNode templates) {
        if (node.isString()) {
            html.append(node.asString());
            return;
        }
        JsonNode shared = node.has("p") ? node.get("p") : templates;
        JsonNode statics = node.get("s").isInt() ? shared.get(node.get("s").asString()) : node.get("s");
        if (node.has("d")) {
            for (JsonNode row : node.get("d")) {
                Iterator<JsonNode> values = row.iterator();
                for (int i = 0; i < statics.size(); i++) {
                    html.append(statics.get(i).asString());
                    if (values.hasNext()) {
                        append(html, values.next(), shared);
                    }
                }
            }
            return;
        }
        for (int i = 0; i < statics.size(); i++) {
            html.append(statics.get(i).asString());
            if (i < statics.size() - 1) {
                append(html, node.get(String.valueOf(i)), shared);
            }
        }
    }
}
