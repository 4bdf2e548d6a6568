package io.phoenixspring.live.channel;

import static io.phoenixspring.live.support.Browser.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.live.router.LiveSession;
import io.phoenixspring.live.router.LiveTokens;
import io.phoenixspring.live.support.Browser;
import io.phoenixspring.live.support.HandTemplates;
import io.phoenixspring.live.support.LiveServer;
import io.phoenixspring.live.support.TestViews;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The LiveView protocol over a real /live socket: refusals, navigation, crashes, messages, streams, forms. */
class LiveChannelTest {

    static LiveServer server;
    static final TestViews.ShowLive SHOW = new TestViews.ShowLive();

    @BeforeAll
    static void start() {
        server = LiveServer.builder().appLayout()
                .view(SHOW, HandTemplates.VALUE)
                .view(new TestViews.OtherLive(), HandTemplates.VALUE)
                .view(new TestViews.AdminLive(), HandTemplates.VALUE)
                .view(new TestViews.GateLive(), HandTemplates.VALUE)
                .view(new TestViews.StreamLive(), HandTemplates.STREAM)
                .router(live -> {
                    LiveSession admin = live.session("admin", s -> s.onMount(TestViews.LOAD_USER).session(Map.of("role", "root")));
                    return Router.builder()
                            .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash())
                                    .plug(Plugs.protectFromForgery()))
                            .scope("/", s -> s.pipeThrough("browser")
                                    .get("/show", live.route(TestViews.ShowLive.class))
                                    .get("/other", live.route(TestViews.OtherLive.class))
                                    .get("/gate", live.route(TestViews.GateLive.class))
                                    .get("/stream", live.route(TestViews.StreamLive.class))
                                    .get("/admin", admin.route(TestViews.AdminLive.class))
                                    .get("/plain", conn -> Controller.text(conn, "plain")))
                            .build();
                })
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Browser.Page joined(Browser browser, String path) {
        Browser.Page page = browser.get(path);
        browser.connect(page.csrfToken());
        JsonNode reply = browser.join(page);
        assertThat(reply.get(4).get("status").asString()).as(reply.toString()).isEqualTo("ok");
        return page;
    }

    private static JsonNode response(JsonNode frame) {
        return frame.get(4).get("response");
    }

    private static String status(JsonNode frame) {
        return frame.get(4).get("status").asString();
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void aTamperedSessionTokenIsRefusedStale() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/show");
            String session = page.session();
            String tampered = session.substring(0, session.length() - 3) + (session.endsWith("AAA") ? "BBB" : "AAA");
            Browser.Page forged = new Browser.Page(200, page.html(), page.document(), page.csrfToken(), page.id(), tampered,
                    page.staticToken(), page.url(), page.headers());
            browser.connect(page.csrfToken());
            browser.socket().send(Browser.joinFrame("4", forged, 0));
            JsonNode reply = browser.reply("4");
            assertThat(reply.get(4)).isEqualTo(json("{\"response\":{\"reason\":\"stale\"},\"status\":\"error\"}"));
            // The client then leaves the view and a bare "lv:" topic: both answered ok.
            browser.socket().send("[null,\"9\",\"lv:\",\"phx_leave\",{}]");
            assertThat(browser.reply("9").get(4).get("status").asString()).isEqualTo("ok");
        }
    }

    @Test
    void aSessionTokenOfAnotherSecretOrContainerIsRefusedStale() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/show");
            LiveTokens foreign = new LiveTokens(PhoenixToken.of("another-secret-key-base-0123456789-another-secret-key"),
                    "live view salt", Duration.ofDays(14));
            String foreignSession = foreign.signSession(page.id(), TestViews.ShowLive.class.getName(), "default", Map.of());
            String otherContainer = server.liveTokens.signSession("phx-other", TestViews.ShowLive.class.getName(), "default",
                    Map.of());
            browser.connect(page.csrfToken());
            for (String session : List.of(foreignSession, otherContainer)) {
                Browser.Page forged = new Browser.Page(200, page.html(), page.document(), page.csrfToken(), page.id(),
                        session, page.staticToken(), page.url(), page.headers());
                browser.socket().send(Browser.joinFrame("4", forged, 0));
                assertThat(response(browser.reply("4"))).isEqualTo(json("{\"reason\":\"stale\"}"));
            }
        }
    }

    @Test
    void aWrongCsrfTokenConnectsTheSocketButEveryJoinIsStale() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/show");
            Browser.Page other = browser.get("/show");
            // A token of another session: not the one in this browser's cookie.
            Browser stranger = new Browser(server);
            String foreignCsrf = stranger.get("/show").csrfToken();
            RawClient socket = browser.connect(foreignCsrf);
            socket.send("[null,\"1\",\"phoenix\",\"heartbeat\",{}]");
            assertThat(browser.reply("1").get(4).get("status").asString()).isEqualTo("ok");
            for (Browser.Page p : List.of(page, other)) {
                socket.send(Browser.joinFrame("4", p, 0));
                assertThat(response(browser.reply("4"))).isEqualTo(json("{\"reason\":\"stale\"}"));
            }
        }
    }

    @Test
    void aSocketWithoutTheSessionCookieGetsStaleJoins() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/show");
            browser.cookies.clear();
            browser.connect(page.csrfToken());
            browser.socket().send(Browser.joinFrame("4", page, 0));
            assertThat(response(browser.reply("4"))).isEqualTo(json("{\"reason\":\"stale\"}"));
        }
    }

    @Test
    void liveNavigationOutsideTheLiveSessionOrToAPlainRouteIsUnauthorized() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/show");
            browser.connect(page.csrfToken());
            for (String target : List.of("/admin", "/plain", "/nowhere")) {
                browser.socket().send(Browser.frame("4", "4", page.topic(), "phx_join", Map.of("redirect", server.url(target),
                        "params", Map.of("_csrf_token", page.csrfToken(), "_mounts", 0), "session", page.session(),
                        "static", page.staticToken())));
                assertThat(response(browser.reply("4"))).as(target).isEqualTo(json("{\"reason\":\"unauthorized\"}"));
            }
        }
    }

    @Test
    void aUrlJoinMustNameThePagesOwnView() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/show");
            browser.connect(page.csrfToken());
            browser.socket().send(Browser.frame("4", "4", page.topic(), "phx_join", Map.of("url", server.url("/other"),
                    "params", Map.of("_csrf_token", page.csrfToken(), "_mounts", 0), "session", page.session(),
                    "static", page.staticToken())));
            assertThat(response(browser.reply("4"))).isEqualTo(json("{\"reason\":\"unauthorized\"}"));
        }
    }

    // ---------------------------------------------------------------- live sessions, navigation, flash

    @Test
    void onMountHooksAndTheLiveSessionsExtraSessionRunBeforeMount() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/admin");
            assertThat(page.document().getElementById("value").text()).isEqualTo("admin root ada");
            browser.connect(page.csrfToken());
            JsonNode rendered = response(browser.join(page)).get("rendered");
            assertThat(rendered.get("1").get("0").asString()).isEqualTo("admin root ada");
        }
    }

    @Test
    void pushNavigateWithFlashRepliesLiveRedirectThenTheNextViewJoinsWithTheFlash() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/show");
            browser.socket().send(Browser.frame("4", "10", page.topic(), "event",
                    Map.of("type", "click", "event", "navigate", "value", Map.of("value", ""))));
            JsonNode pending = browser.awaitEvent("diff");
            assertThat(pending.get(4)).isEqualTo(json("{\"e\":[]}"));
            JsonNode reply = browser.reply("10");
            JsonNode redirect = response(reply).get("live_redirect");
            assertThat(redirect.get("kind").asString()).isEqualTo("push");
            assertThat(redirect.get("to").asString()).isEqualTo("/other");
            assertThat(server.liveTokens.verifyFlash(redirect.get("flash").asString())).isEqualTo(Map.of("info", "Saved Ada"));
            assertThat(browser.awaitEvent("phx_close").get(0).asString()).isEqualTo("4");

            // The client leaves and joins the same topic with `redirect` and the flash token.
            browser.socket().send(Browser.frame("4", "11", page.topic(), "phx_leave", Map.of()));
            assertThat(status(browser.reply("11"))).isEqualTo("ok");
            browser.socket().send(Browser.frame("14", "14", page.topic(), "phx_join", Map.of("redirect", server.url("/other"),
                    "params", Map.of("_csrf_token", page.csrfToken(), "_mounts", 0, "_live_referer", page.url()),
                    "session", page.session(), "static", page.staticToken(), "flash", redirect.get("flash").asString())));
            JsonNode joined = response(browser.reply("14"));
            assertThat(joined.get("container")).isEqualTo(json("[\"div\",{}]"));
            assertThat(joined.get("rendered").get("1").get("0").asString()).isEqualTo("Saved Ada");
            assertThat(joined.get("rendered").get("t").asString()).isEqualTo("Other");
            // The app layout shows the flash, and lv:clear-flash removes it.
            assertThat(joined.get("rendered").get("0").get("0").get("0").get("0").asString()).isEqualTo("Saved Ada");
            JsonNode cleared = browser.push("14", page, "event",
                    Map.of("type", "click", "event", "lv:clear-flash", "value", Map.of("key", "info")));
            // As the transcript: the flash group's two slots re-render, the info one now empty.
            assertThat(response(cleared)).isEqualTo(json("{\"diff\":{\"0\":{\"0\":{\"0\":\"\"},\"1\":{\"0\":\"\"}}}}"));
        }
    }

    @Test
    void pushPatchPushesLivePatchThenRepliesWithTheDiffOfHandleParams() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/show");
            browser.socket().send(Browser.frame("4", "10", page.topic(), "event",
                    Map.of("type", "click", "event", "patch", "value", Map.of("value", ""))));
            JsonNode patch = browser.awaitEvent("live_patch");
            assertThat(patch.get(1).isNull()).isTrue();
            assertThat(patch.get(4)).isEqualTo(json("{\"kind\":\"push\",\"to\":\"/show?x=1\"}"));
            assertThat(response(browser.reply("10"))).isEqualTo(json("{\"diff\":{\"1\":{\"0\":\"x=1\"}}}"));
            // A client live_patch to another view: the client is told to navigate instead.
            assertThat(response(browser.push("4", page, "live_patch", Map.of("url", server.url("/other")))))
                    .isEqualTo(json("{\"link_redirect\":true}"));
        }
    }

    @Test
    void redirectRepliesRedirectAndEndsTheChannel() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/show");
            JsonNode reply = browser.push("4", page, "event", Map.of("type", "click", "event", "away", "value", Map.of()));
            assertThat(response(reply)).isEqualTo(json("{\"redirect\":{\"to\":\"/plain\"}}"));
            assertThat(browser.awaitEvent("phx_close").get(2).asString()).isEqualTo(page.topic());
        }
    }

    @Test
    void aMountThatRedirectsRefusesTheJoinAndRedirectsTheDeadRender() {
        try (Browser browser = new Browser(server)) {
            Browser.Page dead = browser.get("/gate");
            assertThat(dead.status()).isEqualTo(302);
            assertThat(dead.headers().get("location")).containsExactly("/plain");
            // A page of /show whose client joins /gate's URL... not allowed; join the gate through live navigation.
            Browser.Page page = browser.get("/show");
            browser.connect(page.csrfToken());
            browser.socket().send(Browser.frame("4", "4", page.topic(), "phx_join", Map.of("redirect", server.url("/gate"),
                    "params", Map.of("_csrf_token", page.csrfToken(), "_mounts", 0), "session", page.session(),
                    "static", page.staticToken())));
            JsonNode reply = browser.reply("4");
            assertThat(status(reply)).isEqualTo("error");
            JsonNode redirect = response(reply).get("redirect");
            assertThat(redirect.get("to").asString()).isEqualTo("/plain");
            assertThat(server.liveTokens.verifyFlash(redirect.get("flash").asString())).isEqualTo(Map.of("error", "Go away"));
        }
    }

    // ---------------------------------------------------------------- events, replies, messages

    @Test
    void aFormEventIsDecodedAsPlugDecodesAQueryWithTheTargetAsAPath() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/show");
            JsonNode reply = browser.push("4", page, "event", Map.of("type", "form", "event", "echo", "value",
                    "user%5Bname%5D=A&user%5B_unused_email%5D=&user%5Bemail%5D=&_target=user%5Bname%5D", "uploads", Map.of()));
            assertThat(response(reply).get("diff").get("r")).isEqualTo(json(
                    "{\"got\":{\"user\":{\"name\":\"A\",\"_unused_email\":\"\",\"email\":\"\"},\"_target\":[\"user\",\"name\"]}}"));
            JsonNode malformed = browser.push("4", page, "event", Map.of("type", "form", "event", "echo", "value", "a=%zz"));
            assertThat(malformed.get(4)).isEqualTo(json("{\"response\":{\"reason\":\"malformed form data\"},\"status\":\"error\"}"));
        }
    }

    @Test
    void pushEventTravelsInTheReplyAsE() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/show");
            JsonNode reply = browser.push("4", page, "event", Map.of("type", "hook", "event", "hello", "value", Map.of("from", "hook")));
            assertThat(reply.get(4)).isEqualTo(json(
                    "{\"response\":{\"diff\":{\"e\":[[\"greet\",{\"text\":\"hello hook\"}]]}},\"status\":\"ok\"}"));
        }
    }

    @Test
    void anEventThatChangesNothingIsAckedWithAnEmptyReply() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/show");
            assertThat(response(browser.push("4", page, "event", Map.of("type", "click", "event", "later", "value", Map.of()))))
                    .isEqualTo(json("{}"));
            // ...and the message it sent to itself arrives as a pushed diff.
            JsonNode diff = browser.awaitEvent("diff");
            assertThat(diff.get(1).isNull()).isTrue();
            assertThat(diff.get(4)).isEqualTo(json("{\"1\":{\"0\":\"sent to self\"}}"));
        }
    }

    @Test
    void pubSubBroadcastsReachHandleInfoAsDiffPushesUntilTheViewEnds() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/show?topic=leaving");
            server.pubSub.broadcast("live:leaving", "hello");
            assertThat(browser.awaitEvent("diff").get(4)).isEqualTo(json("{\"1\":{\"0\":\"hello\"}}"));
            int terminated = SHOW.terminated.get();
            browser.socket().send(Browser.frame("4", "20", page.topic(), "phx_leave", Map.of()));
            assertThat(status(browser.reply("20"))).isEqualTo("ok");
            assertThat(SHOW.terminated.get()).isEqualTo(terminated + 1);
            int infos = SHOW.infos.get();
            server.pubSub.broadcast("live:leaving", "after").join();
            assertThat(browser.socket().drain(Duration.ofMillis(300))).noneMatch(frame -> frame.contains("\"diff\""));
            assertThat(SHOW.infos.get()).isEqualTo(infos);
        }
    }

    @Test
    void aCrashSendsPhxErrorWithoutAReplyAndTheRejoinMountsAfresh() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/show");
            int mounts = SHOW.mounts.get();
            browser.push("4", page, "event", Map.of("type", "click", "event", "echo", "value", Map.of("a", "1")));
            browser.socket().send(Browser.frame("4", "30", page.topic(), "event",
                    Map.of("type", "click", "event", "boom", "value", Map.of("value", ""))));
            JsonNode error = browser.awaitEvent("phx_error");
            assertThat(error.get(0).asString()).isEqualTo("4");
            assertThat(error.get(1).asString()).isEqualTo("4");
            browser.socket().send(Browser.joinFrame("9", page, 1));
            JsonNode rejoined = browser.reply("9");
            assertThat(status(rejoined)).isEqualTo("ok");
            assertThat(response(rejoined).get("rendered").get("1").get("0").asString()).isEqualTo("live");
            assertThat(SHOW.mounts.get()).isEqualTo(mounts + 1);
            assertThat(browser.socket().drain(Duration.ofMillis(200))).noneMatch(frame -> frame.contains("\"30\""));
        }
    }

    @Test
    void anUnknownEventCrashesTheView() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/show");
            browser.socket().send(Browser.frame("4", "31", page.topic(), "event",
                    Map.of("type", "click", "event", "nope", "value", Map.of())));
            assertThat(browser.awaitEvent("phx_error").get(2).asString()).isEqualTo(page.topic());
        }
    }

    // ---------------------------------------------------------------- streams

    @Test
    void streamsSendOnlyTheirInsertsAndDeletesAsTheListTranscriptShows() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/stream");
            assertThat(page.document().select("#items > li").eachAttr("id")).containsExactly("items-1", "items-2");
            browser.connect(page.csrfToken());
            JsonNode rendered = response(browser.join(page)).get("rendered").get("1");
            assertThat(rendered).isEqualTo(json("""
                    {"0":{"d":[[" id=\\"items-1\\"","milk"],[" id=\\"items-2\\"","eggs"]],"s":["<li",">","</li>"],
                          "stream":["0",[["items-1",-1,null],["items-2",-1,null]],[]]},
                     "s":["<ul id=\\"items\\" phx-update=\\"stream\\">","</ul>"]}
                    """));
            assertThat(response(browser.push("4", page, "event",
                    Map.of("type", "click", "event", "send", "value", Map.of("id", "56", "text", "milk mxbtq0sd")))))
                    .isEqualTo(json("{}"));
            assertThat(browser.awaitEvent("diff").get(4)).isEqualTo(json(
                    "{\"1\":{\"0\":{\"d\":[[\" id=\\\"items-56\\\"\",\"milk mxbtq0sd\"]],\"stream\":[\"0\",[[\"items-56\",-1,null]],[]]}}}"));
        }
    }
}
