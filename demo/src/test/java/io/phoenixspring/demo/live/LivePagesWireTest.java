package io.phoenixspring.demo.live;

import static io.phoenixspring.demo.live.LiveWire.click;
import static io.phoenixspring.demo.live.LiveWire.form;
import static io.phoenixspring.demo.live.LiveWire.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's LiveView pages in raw frames against the frames a real Phoenix LiveView 1.0 server sent
 * for the same pages ({@code shared/liveview-wire-transcripts.md}; the payloads are in
 * {@code transcript-frames.json}, extracted verbatim): the dead render's container HTML, the join
 * replies' rendered trees and the diffs of {@code /counter}, {@code /list} (add, delete, shuffle, two
 * views over PubSub), {@code /nav} (patch, push_patch, back, navigate) and {@code /form} (validate
 * with {@code _unused_} params, submit, push_navigate with the flash and its JS-command click, lv:clear-flash)
 * {@code /components} (live components: cids, {@code "c"}, shared statics, targeted events, the destroy handshake)
 * and {@code /js} (JS commands in attributes, a hook's event answered with push_event, a reply) are equal as
 * JSON trees. Also: stale joins (wrong CSRF token, tampered cookie, tampered session token), a crash and
 * its rejoin, and the {@code start} param's parsing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LivePagesWireTest {

    private static final Pattern ABRIDGED = Pattern.compile("(?s)(.*)…\\((\\d+) chars\\)");
    private static JsonNode transcripts;

    @LocalServerPort
    int port;

    @Autowired
    ItemStore store;

    @BeforeAll
    static void readTranscripts() throws Exception {
        try (InputStream in = LivePagesWireTest.class.getResourceAsStream("transcript-frames.json")) {
            transcripts = LiveWire.JSON.readTree(in);
        }
    }

    @BeforeEach
    void emptyList() {
        store.all().forEach(item -> store.delete(item.id()));
    }

    /** A server frame's payload in the transcript. */
    private static JsonNode frame(String name) {
        return transcripts.get("frames").get(name).get("payload").deepCopy();
    }

    private static JsonNode rendered(String joinFrame) {
        return frame(joinFrame).get("response").get("rendered");
    }

    private static JsonNode diff(String replyFrame) {
        return frame(replyFrame).get("response").get("diff");
    }

    private LiveWire wire() {
        return new LiveWire(port);
    }

    private static String withoutBlankLines(String html) {
        return html.lines().filter(line -> !line.isBlank()).collect(Collectors.joining("\n"));
    }

    @Test
    void deadRendersAreTheTranscriptsHtmlInsideTheRootLayout() throws Exception {
        try (LiveWire browser = wire()) {
            JsonNode dead = transcripts.get("deadRenders");
            for (String path : new String[] {"/counter?start=5", "/form", "/list", "/nav/1", "/components", "/js", "/crash"}) {
                assertThat(withoutBlankLines(browser.page(path).containerHtml())).as(path).isEqualTo(dead.get(path).asString());
            }

            HttpResponse<String> counter = browser.get("/counter?start=5");
            assertThat(counter.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(counter.headers().firstValue("x-frame-options")).hasValue("SAMEORIGIN");   // putSecureBrowserHeaders
            assertThat(browser.cookies).containsKey("_phoenix_key");
            assertThat(counter.body()).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n")
                    .containsPattern("<meta name=\"csrf-token\" content=\"[A-Za-z0-9_-]{56,}\">")
                    .contains("<title data-default=\"Live\" data-suffix=\" · Live\">Count 5 · Live</title>",
                            "<script defer phx-track-static type=\"text/javascript\" src=\"/assets/phoenix.min.js\">",
                            "<script defer phx-track-static type=\"text/javascript\" src=\"/assets/phoenix_live_view.min.js\">",
                            "<script defer phx-track-static type=\"text/javascript\" src=\"/assets/live.js\">",
                            "<main>\n      <div id=\"phx-");
            assertThat(browser.get("/assets/live.js").body()).contains("new LiveView.LiveSocket(\"/live\", Phoenix.Socket",
                    "_csrf_token", "hooks: {Echo}", "liveSocket.connect()", "window.liveSocket = liveSocket");
            assertThat(browser.get("/").body()).contains("<a id=\"live-pages\" href=\"/counter\">");
        }
    }

    @Test
    void theStartParamIsAWholeInteger() throws Exception {
        try (LiveWire browser = wire()) {
            Map<String, String> shown = Map.of("/counter?start=-3", "-3", "/counter?start=4x", "0", "/counter?start=abc", "0",
                    "/counter", "0", "/counter?start=1.5", "0", "/counter?start=12", "12");
            shown.forEach((path, count) -> {
                try {
                    LiveWire.Page page = browser.page(path);
                    assertThat(page.html()).as(path).contains("<span id=\"count\">" + count + "</span>",
                            "<title data-default=\"Live\" data-suffix=\" · Live\">Count " + count + " · Live</title>");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void counterJoinClicksAndLivePatchAreTheTranscripts() throws Exception {
        try (LiveWire browser = wire()) {
            LiveWire.Page page = browser.page("/counter?start=5");
            JsonNode joined = browser.connect(page.csrfToken()).join(page);
            assertThat(joined.get("status").asString()).isEqualTo("ok");
            assertThat(joined.get("response").get("liveview_version").asString()).isEqualTo("1.0.19");
            assertThat(joined.get("response").get("rendered")).isEqualTo(rendered("counter.join"));
            assertThat(RenderedHtml.of(joined.get("response").get("rendered"))).isEqualTo(page.containerHtml());

            assertThat(browser.push("4", page, "event", click("inc", Map.of()))).isEqualTo(frame("counter.inc"));
            assertThat(browser.push("4", page, "event", click("inc", Map.of("by", "5")))).isEqualTo(frame("counter.inc-by"));
            assertThat(browser.push("4", page, "live_patch", Map.of("url", browser.url("/counter?start=0"))))
                    .isEqualTo(frame("counter.reset-patch"));
            assertThat(browser.push("4", page, "event", click("dec", Map.of())))
                    .isEqualTo(json("{\"response\":{\"diff\":{\"1\":{\"0\":\"-1\"},\"t\":\"Count -1\"}},\"status\":\"ok\"}"));
        }
    }

    @Test
    void listStreamsTagsAndPubSubBetweenTwoViewsAreTheTranscripts() throws Exception {
        try (LiveWire a = wire(); LiveWire b = wire()) {
            LiveWire.Page pageA = a.page("/list");
            LiveWire.Page pageB = b.page("/list");
            JsonNode joinedA = a.connect(pageA.csrfToken()).join(pageA);
            assertThat(joinedA.get("response").get("rendered")).isEqualTo(rendered("list.join"));
            assertThat(RenderedHtml.of(joinedA.get("response").get("rendered"))).isEqualTo(pageA.containerHtml());
            assertThat(b.connect(pageB.csrfToken()).join(pageB).get("response").get("rendered")).isEqualTo(rendered("list.join"));

            // A adds an item: an empty ack, then both views get the stream insert over PubSub.
            assertThat(a.push("4", pageA, "event", form("add", "text=milk+mxbtq0sd"))).isEqualTo(frame("list.add-ack"));
            String id = String.valueOf(store.all().get(0).id());
            JsonNode added = json(frame("list.added").toString().replace("56", id));
            assertThat(b.push("diff")).isEqualTo(added);
            assertThat(a.push("diff")).isEqualTo(added);

            // B deletes it: both views get the stream delete.
            assertThat(b.push("4", pageB, "event", click("delete", Map.of("id", id)))).isEqualTo(frame("list.delete-ack"));
            JsonNode deleted = json(frame("list.deleted").toString().replace("56", id));
            assertThat(a.push("diff")).isEqualTo(deleted);
            assertThat(b.push("diff")).isEqualTo(deleted);
            assertThat(store.all()).isEmpty();

            // Shuffle rotates A's tags only; empty text adds nothing.
            assertThat(a.push("4", pageA, "event", click("shuffle", Map.of()))).isEqualTo(frame("list.shuffle"));
            assertThat(a.push("4", pageA, "event", form("add", "text=+++"))).isEqualTo(frame("list.add-ack"));
            assertThat(a.quietFor(Duration.ofMillis(300))).noneMatch(text -> text.contains("\"diff\""));
            assertThat(b.quietFor(Duration.ofMillis(1))).noneMatch(text -> text.contains("\"diff\""));
            assertThat(store.all()).isEmpty();
        }
    }

    @Test
    void navPatchPushPatchBackAndNavigateAreTheTranscripts() throws Exception {
        try (LiveWire browser = wire()) {
            LiveWire.Page page = browser.page("/nav/1");
            assertThat(browser.connect(page.csrfToken()).join(page).get("response").get("rendered")).isEqualTo(rendered("nav.join"));
            assertThat(browser.push("4", page, "live_patch", Map.of("url", browser.url("/nav/2")))).isEqualTo(frame("nav.next-patch"));
            assertThat(browser.push("4", page, "event", click("jump", Map.of()))).isEqualTo(frame("nav.jump"));
            assertThat(browser.push("live_patch")).isEqualTo(frame("nav.push-patch"));
            assertThat(browser.push("4", page, "live_patch", Map.of("url", browser.url("/nav/2")))).isEqualTo(frame("nav.back-patch"));

            // #to-counter: leave, then join the same topic with `redirect`; the reply names the container.
            assertThat(browser.push("4", page, "phx_leave", Map.of()).get("status").asString()).isEqualTo("ok");
            Map<String, Object> redirect = new HashMap<>();
            redirect.put("redirect", browser.url("/counter"));
            redirect.put("flash", null);
            JsonNode counter = browser.join("14", page, redirect);
            assertThat(counter.get("status").asString()).isEqualTo("ok");
            assertThat(counter.get("response").get("container")).isEqualTo(json("[\"div\",{}]"));
            ObjectNode expected = (ObjectNode) rendered("counter.join");
            ((ObjectNode) expected.get("1")).put("0", "0");
            expected.put("t", "Count 0");
            assertThat(counter.get("response").get("rendered")).isEqualTo(expected);
        }
    }

    @Test
    void formValidatesUsedInputsSavesAndNavigatesWithTheFlashAsTheTranscript() throws Exception {
        try (LiveWire browser = wire()) {
            LiveWire.Page page = browser.page("/form");
            JsonNode joined = browser.connect(page.csrfToken()).join(page);
            assertThat(joined.get("response").get("rendered")).isEqualTo(rendered("form.join"));
            assertThat(RenderedHtml.of(joined.get("response").get("rendered"))).isEqualTo(page.containerHtml());

            // Typing "A" into name: only the used input shows its error.
            assertThat(browser.push("4", page, "event", Map.of("type", "form", "event", "validate", "value",
                    "user%5Bname%5D=A&user%5B_unused_email%5D=&user%5Bemail%5D=&_target=user%5Bname%5D", "uploads", Map.of())))
                    .isEqualTo(frame("form.validate-name-A"));
            // A submit has no _unused_ params: every error shows.
            assertThat(browser.push("4", page, "event", form("save", "user%5Bname%5D=A&user%5Bemail%5D=")))
                    .isEqualTo(frame("form.save-invalid"));
            // Blank name: "can't be blank" (and nothing about its length).
            JsonNode blank = browser.push("4", page, "event", form("save", "user%5Bname%5D=+&user%5Bemail%5D=a%40b"));
            assertThat(blank.at("/response/diff/1/0/3/0/8")).isEqualTo(json("{\"d\":[[\"can&#39;t be blank\"]]}"));

            // A valid submit: put_flash + push_navigate to /list.
            browser.send(LiveWire.frame("4", "99", page.topic(), "event",
                    form("save", "user%5Bname%5D=Ada&user%5Bemail%5D=ada%40example.com")));
            assertThat(browser.push("diff")).isEqualTo(frame("form.save-valid-events"));
            JsonNode navigated = browser.reply("99");
            JsonNode liveRedirect = navigated.at("/response/live_redirect");
            assertThat(liveRedirect.get("kind").asString()).isEqualTo("push");
            assertThat(liveRedirect.get("to").asString()).isEqualTo("/list");
            assertThat(liveRedirect.get("flash").asString()).startsWith("SFMyNTY.");

            browser.push("4", page, "phx_leave", Map.of());
            JsonNode list = browser.join("14", page, Map.of("redirect", browser.url("/list"), "flash", liveRedirect.get("flash").asString()));
            assertThat(list.get("response").get("container")).isEqualTo(json("[\"div\",{}]"));
            JsonNode listTree = list.get("response").get("rendered");
            assertThat(listTree.get("1")).isEqualTo(rendered("list.join").get("1"));
            assertThat(listTree.get("t").asString()).isEqualTo("List");
            // The flash group with Phoenix's JS.push("lv:clear-flash", value: %{key: :info}) |> JS.hide(to: "#flash-info"),
            // whose attribute the transcript abridges to its first 150 of 193 characters.
            JsonNode flash = unabridged(rendered("form.navigate-list-join").get("0"), " phx-click=\"[[&quot;push&quot;,{&quot;event&quot;:"
                    + "&quot;lv:clear-flash&quot;,&quot;value&quot;:{&quot;key&quot;:&quot;info&quot;}}],[&quot;hide&quot;,{&quot;to&quot;:"
                    + "&quot;#flash-info&quot;}]]\"");
            assertThat(listTree.get("0")).isEqualTo(flash);

            // Clicking the flash clears it: the same diff as Phoenix's.
            assertThat(browser.push("14", page, "event", Map.of("type", "click", "event", "lv:clear-flash",
                    "value", Map.of("key", "info", "value", "")))).isEqualTo(frame("list.clear-flash"));
        }
    }

    @Test
    void jsCommandsTheHooksPushEventAndThePingReplyAreTheTranscripts() throws Exception {
        try (LiveWire browser = wire()) {
            LiveWire.Page page = browser.page("/js");
            JsonNode joined = browser.connect(page.csrfToken()).join(page);
            assertThat(joined.get("response").get("rendered")).isEqualTo(rendered("js.join"));
            assertThat(RenderedHtml.of(joined.get("response").get("rendered"))).isEqualTo(page.containerHtml());

            // The Echo hook's pushEvent("hello", {from: "hook"}): the reply's diff carries push_event("greet", …) in "e".
            assertThat(browser.push("4", page, "event", Map.of("type", "hook", "event", "hello", "value", Map.of("from", "hook"))))
                    .isEqualTo(frame("js.hello"));
            // #ping (JS.push("ping")): the reply map in "r", and #pong from the view's state.
            assertThat(browser.push("4", page, "event", click("ping", Map.of()))).isEqualTo(frame("js.ping"));
            assertThat(browser.push("4", page, "event", click("ping", Map.of())))
                    .isEqualTo(json("{\"response\":{\"diff\":{\"1\":{\"3\":\"2\"},\"r\":{\"pong\":2}}},\"status\":\"ok\"}"));
            // #toggle-panel and #highlight never reach the server (the browser test shows them working).
            assertThat(browser.quietFor(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void liveComponentsJoinWithCidsAndSharedStaticsAndTheirEventsAreTheTranscripts() throws Exception {
        try (LiveWire browser = wire()) {
            LiveWire.Page page = browser.page("/components");
            JsonNode joined = browser.connect(page.csrfToken()).join(page);
            // The toggles are cids 1 and 2 in the page, their trees under "c"; toggle-2 shares toggle-1's statics ("s": 1).
            assertThat(joined.get("response").get("rendered")).isEqualTo(rendered("components.join"));
            assertThat(RenderedHtml.of(joined.get("response").get("rendered"))).isEqualTo(page.containerHtml());

            // A click targeted at cid 1: the component's diff under "c"; its send(self(), …) reaches the view: a server diff.
            Map<String, Object> toggle1 = Map.of("type", "click", "event", "toggle", "value", Map.of("value", ""), "cid", 1);
            assertThat(browser.push("4", page, "event", toggle1))
                    .isEqualTo(json("{\"response\":{\"diff\":{\"c\":{\"1\":{\"2\":\"on\"}}}},\"status\":\"ok\"}"));
            assertThat(browser.push("diff")).isEqualTo(json("{\"1\":{\"4\":\"1\"}}"));
            Map<String, Object> toggle2 = Map.of("type", "click", "event", "toggle", "value", Map.of("value", ""), "cid", 2);
            assertThat(browser.push("4", page, "event", toggle2))
                    .isEqualTo(json("{\"response\":{\"diff\":{\"c\":{\"2\":{\"2\":\"on\"}}}},\"status\":\"ok\"}"));
            assertThat(browser.push("diff")).isEqualTo(json("{\"1\":{\"4\":\"2\"}}"));
            assertThat(browser.push("4", page, "event", toggle1))
                    .isEqualTo(json("{\"response\":{\"diff\":{\"c\":{\"1\":{\"2\":\"off\"}}}},\"status\":\"ok\"}"));
            assertThat(browser.push("diff")).isEqualTo(json("{\"1\":{\"4\":\"3\"}}"));

            // An event for a cid the page does not hold (already destroyed) is acknowledged and ignored.
            Map<String, Object> unknown = Map.of("type", "click", "event", "toggle", "value", Map.of("value", ""), "cid", 9);
            assertThat(browser.push("4", page, "event", unknown)).isEqualTo(json("{\"response\":{},\"status\":\"ok\"}"));
            // The destroy handshake: only cids first announced by cids_will_destroy are deleted.
            assertThat(browser.push("4", page, "cids_destroyed", Map.of("cids", List.of(1))))
                    .isEqualTo(json("{\"response\":{\"cids\":[]},\"status\":\"ok\"}"));
            assertThat(browser.push("4", page, "cids_will_destroy", Map.of("cids", List.of(2))))
                    .isEqualTo(json("{\"response\":{},\"status\":\"ok\"}"));
            assertThat(browser.push("4", page, "cids_destroyed", Map.of("cids", List.of(2))))
                    .isEqualTo(json("{\"response\":{\"cids\":[2]},\"status\":\"ok\"}"));
            assertThat(browser.push("4", page, "event", toggle2)).isEqualTo(json("{\"response\":{},\"status\":\"ok\"}"));
            assertThat(browser.quietFor(Duration.ofMillis(200))).isEmpty();
        }
    }

    /**
     * {@code expected} with each string the transcripts abridged ({@code "<first 150>…(N chars)"}) replaced
     * by {@code full}, after checking that {@code full} is that string: the same start and length.
     */
    private static JsonNode unabridged(JsonNode expected, String full) {
        JsonNode copy = expected.deepCopy();
        int[] replaced = {0};
        replaceAbridged(copy, full, replaced);
        assertThat(replaced[0]).as("abridged strings replaced").isEqualTo(1);
        return copy;
    }

    private static void replaceAbridged(JsonNode node, String full, int[] replaced) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (String key : List.copyOf(object.propertyNames())) {
            JsonNode child = object.get(key);
            Matcher abridged = ABRIDGED.matcher(child.isString() ? child.asString() : "");
            if (abridged.matches()) {
                assertThat(full).startsWith(abridged.group(1)).hasSize(Integer.parseInt(abridged.group(2)));
                object.put(key, full);
                replaced[0]++;
            } else {
                replaceAbridged(child, full, replaced);
            }
        }
    }

    @Test
    void aCrashAnswersPhxErrorAndTheRejoinMountsAfresh() throws Exception {
        try (LiveWire browser = wire()) {
            LiveWire.Page page = browser.page("/crash");
            assertThat(page.html()).contains("<span id=\"mounted\">dead</span>");
            JsonNode joined = browser.connect(page.csrfToken()).join(page);
            assertThat(RenderedHtml.of(joined.get("response").get("rendered"))).contains("<span id=\"mounted\">live</span>");
            browser.send(LiveWire.frame("4", "8", page.topic(), "event", click("boom", Map.of())));
            JsonNode error = browser.await(frame -> "phx_error".equals(frame.get(3).asString()));
            assertThat(error.get(0).asString()).isEqualTo("4");
            assertThat(error.get(4)).isEqualTo(frame("crash.phx_error"));
            Map<String, Object> rejoin = new HashMap<>();
            rejoin.put("url", page.url());
            rejoin.put("flash", null);
            JsonNode again = browser.join("9", page, rejoin);
            assertThat(again.get("status").asString()).isEqualTo("ok");
            assertThat(again.at("/response/rendered/t").asString()).isEqualTo("Crash");
            assertThat(RenderedHtml.of(again.get("response").get("rendered"))).contains("<span id=\"mounted\">live</span>");
        }
    }

    @Test
    void aWrongCsrfTokenATamperedCookieOrATamperedSessionMakeEveryJoinStale() throws Exception {
        JsonNode stale = frame("stale.join");
        try (LiveWire browser = wire()) {
            LiveWire.Page page = browser.page("/counter");
            LiveWire.Page other = wire().page("/counter");   // another visit's token
            assertThat(browser.connect(other.csrfToken()).join(page)).isEqualTo(stale);
        }
        try (LiveWire browser = wire()) {
            LiveWire.Page page = browser.page("/counter");
            browser.cookies.put("_phoenix_key", browser.cookies.get("_phoenix_key") + "x");
            assertThat(browser.connect(page.csrfToken()).join(page)).isEqualTo(stale);
        }
        try (LiveWire browser = wire()) {
            LiveWire.Page page = browser.page("/counter");
            LiveWire.Page tampered = new LiveWire.Page(page.url(), page.html(), page.csrfToken(), page.id(),
                    page.session().substring(0, page.session().length() - 2) + "xx", page.staticToken());
            assertThat(browser.connect(page.csrfToken()).join(tampered)).isEqualTo(stale);
            assertThat(browser.join("5", page, Map.of("url", page.url())).get("status").asString()).isEqualTo("ok");
        }
    }

    /** The HTML a rendered tree stands for: statics interleaved with dynamics, comprehensions row by row. */
    static final class RenderedHtml {
        private RenderedHtml() {
        }

        static String of(JsonNode rendered) {
            StringBuilder out = new StringBuilder();
            render(rendered, null, rendered.get("c"), out);
            return out.toString();
        }

        /** A live component's tree, its statics taken from the cid it shares them with ({@code "s": cid}). */
        private static JsonNode component(JsonNode components, int cid) {
            ObjectNode tree = (ObjectNode) components.get(String.valueOf(cid)).deepCopy();
            if (tree.get("s").isInt()) {
                tree.set("s", component(components, Math.abs(tree.get("s").asInt())).get("s"));
            }
            return tree;
        }

        private static void render(JsonNode node, JsonNode shared, JsonNode components, StringBuilder out) {
            if (node.isString()) {
                out.append(node.asString());
                return;
            }
            if (node.isInt()) {
                render(component(components, node.asInt()), null, components, out);
                return;
            }
            JsonNode templates = node.has("p") ? node.get("p") : shared;
            JsonNode statics = node.get("s").isInt() ? templates.get(node.get("s").asString()) : node.get("s");
            if (node.has("d")) {
                for (JsonNode row : node.get("d")) {
                    for (int i = 0; i < statics.size(); i++) {
                        out.append(statics.get(i).asString());
                        if (i < row.size()) {
                            render(row.get(i), templates, components, out);
                        }
                    }
                }
                return;
            }
            for (int i = 0; i < statics.size(); i++) {
                out.append(statics.get(i).asString());
                if (i + 1 < statics.size()) {
                    render(node.get(String.valueOf(i)), templates, components, out);
                }
            }
        }
    }
}
