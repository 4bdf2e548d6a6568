package io.phoenixspring.live.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.template.TemplateException;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.template.Templates;
import io.phoenixspring.web.session.CsrfToken;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live components without a server: cids in the parent's tree, trees under "c", shared statics
 * ({@code "s": cid}, negative for a tree from before the diff), targeted events, send to the parent,
 * send_update, updates from the parent's render, and the destroy handshake.
 */
class LiveComponentsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final URI URL = URI.create("http://localhost/page");

    /** A counter component: its own count, a label from the parent, events and notifications. */
    public static class Counter implements LiveComponent {
        static final Template TEMPLATE = Templates.compile(
                "<div id={@id}><b>{@label}</b> <span>{@count}</span><button phx-click=\"inc\" phx-target={@myself}>+</button></div>",
                "Counter.html.heex", Counter.class);
        final List<String> updates = new ArrayList<>();

        @Override
        public void mount(LiveSocket socket) {
            socket.assign("count", 0);
        }

        @Override
        public void update(Map<String, Object> assigns, LiveSocket socket) {
            updates.add(String.valueOf(assigns.get("id")));
            socket.assign(assigns);
        }

        @HandleEvent("inc")
        Map<String, Object> inc(LiveSocket socket) {
            socket.update("count", (Integer n) -> n + 1);
            socket.send("counted " + socket.get("id"));
            socket.pushEvent("counted", Map.of("id", socket.get("id")));
            return Map.of("count", socket.get("count"));
        }

        @Override
        public Template template() {
            return TEMPLATE;
        }
    }

    @TemplateImports(Counter.class)
    static final class Page implements LiveView {
        static final Template TEMPLATE = Templates.compile("""
                <main>
                  <.live_component :if={@show} module={Counter} id="a" label={@label}/>
                  <.live_component module={Counter} id="b" label="B"/>
                  <p :for={id <- @more}><.live_component module={Counter} id={id} label="row"/></p>
                  <span id="heard">{@heard}</span>
                </main>""", "Page.html.heex", Page.class);
        final List<Object> infos = new ArrayList<>();

        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.assign("show", true).assign("label", "A").assign("more", List.of()).assign("heard", "");
        }

        @Override
        public void handleInfo(Object message, LiveSocket socket) {
            infos.add(message);
            socket.assign("heard", message.toString());
        }
    }

    /** A component whose tree nests a template per branch. */
    public static class Flag implements LiveComponent {
        static final Template TEMPLATE = Templates.compile(
                "<div id={@id}><%= if @on do %><b>on</b><% else %><i>off</i><% end %></div>", "Flag.html.heex", Flag.class);

        @Override
        public Template template() {
            return TEMPLATE;
        }
    }

    @TemplateImports(Flag.class)
    static final class Flags implements LiveView {
        static final Template TEMPLATE = Templates.compile(
                "<main><.live_component :for={id <- @ids} module={Flag} id={id} on={@on}/></main>", "Flags.html.heex", Flags.class);

        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.assign("ids", List.of("a")).assign("on", false);
        }
    }

    @Test
    void aTreeSharedFromBeforeTheDiffIsTheClientsOldOneThoughItsComponentChangedInTheSameDiff() {
        LiveSocket socket = LiveSocket.connected("phx-1", URL, new LiveSocket.Link() {
            public void subscribe(String topic) {
            }

            public void unsubscribe(String topic) {
            }

            public void send(Object message) {
            }

            public void sendAfter(Object message, Duration delay) {
            }
        }, Map.of(), Map.of());
        LiveProcess process = new LiveProcess(new Flags(), Flags.TEMPLATE, null, socket, LiveComponentSource.DEFAULT);
        process.mount(Map.of(), Map.of(CsrfToken.SESSION_KEY, CsrfToken.generate()), null, List.of());
        process.renderDiff();
        socket.assign("ids", List.of("a", "b")).assign("on", true);
        JsonNode diff = json(process.renderDiff());
        // a switches to the "on" branch (new statics); b shares a's tree as the client had it (the "off" branch),
        // so b's branch must come with its statics.
        assertThat(diff.get("c").get("1").get("1")).isEqualTo(json("{\"s\": [\"<b>on</b>\"]}"));
        assertThat(diff.get("c").get("2")).isEqualTo(json("{\"0\": \" id=\\\"b\\\"\", \"1\": {\"s\": [\"<b>on</b>\"]}, \"s\": -1}"));
    }

    private final List<Object> sent = new ArrayList<>();
    private final Counter counter = new Counter();
    private final Page page = new Page();

    private LiveProcess process() {
        LiveSocket socket = LiveSocket.connected("phx-1", URL, new LiveSocket.Link() {
            public void subscribe(String topic) {
            }

            public void unsubscribe(String topic) {
            }

            public void send(Object message) {
                sent.add(message);
            }

            public void sendAfter(Object message, Duration delay) {
            }
        }, Map.of(), Map.of());
        LiveProcess process = new LiveProcess(page, Page.TEMPLATE, null, socket, new LiveComponentSource() {
            public LiveComponent component(Class<?> type) {
                return counter;
            }

            public Template template(Class<?> type) {
                throw new AssertionError("the component gives its own template");
            }
        });
        process.mount(Map.of(), Map.of(CsrfToken.SESSION_KEY, CsrfToken.generate()), null, List.of());
        return process;
    }

    private static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** Delivers what the view sent itself (send, send_update), as its channel would. */
    private void deliver(LiveProcess process) {
        List<Object> messages = List.copyOf(sent);
        sent.clear();
        messages.forEach(process::handleInfo);
    }

    @Test
    void componentsAreCidsInThePageTheirTreesGoUnderCAndTheSecondSharesTheFirstsStatics() {
        LiveProcess process = process();
        JsonNode joined = json(process.renderDiff());
        assertThat(joined.get("0")).isEqualTo(json("{\"0\": 1, \"s\": [\"\", \"\"]}"));     // the :if wraps cid 1
        assertThat(joined.get("1").asInt()).isEqualTo(2);
        assertThat(joined.get("c")).isEqualTo(json("""
                {"1": {"0": " id=\\"a\\"", "1": "A", "2": "0", "3": " phx-target=\\"1\\"", "r": 1,
                       "s": ["<div", "><b>", "</b> <span>", "</span><button phx-click=\\"inc\\"", ">+</button></div>"]},
                 "2": {"0": " id=\\"b\\"", "1": "B", "2": "0", "3": " phx-target=\\"2\\"", "s": 1}}"""));
        assertThat(counter.updates).containsExactly("a", "b");
    }

    @Test
    void theDeadRenderInlinesTheComponents() {
        LiveSocket dead = LiveSocket.disconnected("phx-1", URL, Map.of(), Map.of());
        LiveProcess process = new LiveProcess(page, Page.TEMPLATE, null, dead, new LiveComponentSource() {
            public LiveComponent component(Class<?> type) {
                return counter;
            }

            public Template template(Class<?> type) {
                return null;
            }
        });
        process.mount(Map.of(), Map.of(CsrfToken.SESSION_KEY, CsrfToken.generate()), null, List.of());
        assertThat(process.renderHtml()).contains(
                "<div id=\"a\"><b>A</b> <span>0</span><button phx-click=\"inc\" phx-target=\"1\">+</button></div>",
                "<div id=\"b\"><b>B</b> <span>0</span><button phx-click=\"inc\" phx-target=\"2\">+</button></div>");
    }

    @Test
    void aTargetedEventChangesOnlyItsComponentAndItsSendReachesTheParent() {
        LiveProcess process = process();
        process.renderDiff();
        process.handleComponentEvent(2, "inc", Map.of("value", ""));
        assertThat(json(process.renderDiff())).isEqualTo(json("""
                {"c": {"2": {"2": "1"}}, "r": {"count": 1}, "e": [["counted", {"id": "b"}]]}"""));
        assertThat(sent).containsExactly("counted b");
        deliver(process);
        assertThat(page.infos).containsExactly("counted b");
        assertThat(json(process.renderDiff())).isEqualTo(json("{\"3\": \"counted b\"}"));
    }

    @Test
    void sendUpdateRunsUpdateAndRendersTheComponentAndTheParentsRenderUpdatesWhatItPasses() {
        LiveProcess process = process();
        process.renderDiff();
        process.socket().sendUpdate(Counter.class, "a", Map.of("label", "updated"));
        process.socket().sendUpdate(Counter.class, "nobody", Map.of("label", "x"));
        deliver(process);
        assertThat(json(process.renderDiff())).isEqualTo(json("{\"c\": {\"1\": {\"1\": \"updated\"}}}"));

        process.socket().sendUpdate(new Cid(2), Map.of("count", 7));
        deliver(process);
        assertThat(json(process.renderDiff())).isEqualTo(json("{\"c\": {\"2\": {\"2\": \"7\"}}}"));

        // The parent passes a changed label: component a updates; b's call reads nothing that changed.
        counter.updates.clear();
        process.socket().assign("label", "A2");
        assertThat(json(process.renderDiff())).isEqualTo(json("{\"0\": {\"0\": 1}, \"c\": {\"1\": {\"1\": \"A2\"}}}"));
        assertThat(counter.updates).containsExactly("a");
    }

    @Test
    void componentsInAComprehensionGetCidsAndShareStaticsWithOnesFromBeforeTheDiff() {
        LiveProcess process = process();
        process.renderDiff();
        process.socket().assign("more", List.of("x", "y"));
        JsonNode diff = json(process.renderDiff());
        assertThat(diff.get("2").get("d")).isEqualTo(json("[[3], [4]]"));
        // Their statics are those of cid 1 as the client had them before this diff: "s": -1.
        assertThat(diff.get("c").get("3").get("s").asInt()).isEqualTo(-1);
        assertThat(diff.get("c").get("4").get("s").asInt()).isEqualTo(-1);
        assertThat(diff.get("c").get("3").get("1").asString()).isEqualTo("row");
        assertThat(process.componentCount()).isEqualTo(4);
    }

    @Test
    void aRemovedComponentIsForgottenOnlyAfterTheClientsDestroyHandshake() {
        LiveProcess process = process();
        process.renderDiff();
        process.socket().assign("show", false);
        assertThat(json(process.renderDiff())).isEqualTo(json("{\"0\": \"\"}"));
        assertThat(process.componentsDestroyed(List.of(1))).isEmpty();                // not announced: kept
        process.componentsWillDestroy(List.of(1));
        assertThat(process.componentsDestroyed(List.of(1))).containsExactly(1);
        assertThat(process.hasComponent(1)).isFalse();
        assertThat(process.componentCount()).isEqualTo(1);

        // Back on the page: a new component (cid 3), mounted afresh, sharing cid 2's statics from before the diff.
        process.socket().assign("show", true);
        JsonNode back = json(process.renderDiff());
        assertThat(back.get("0")).isEqualTo(json("{\"0\": 3, \"s\": [\"\", \"\"]}"));
        assertThat(back.get("c").get("3")).isEqualTo(json(
                "{\"0\": \" id=\\\"a\\\"\", \"1\": \"A\", \"2\": \"0\", \"3\": \" phx-target=\\\"3\\\"\", \"s\": -2}"));
    }

    @Test
    void aComponentRenderedAgainBeforeItsDestroyIsKept() {
        LiveProcess process = process();
        process.renderDiff();
        process.socket().assign("show", false);
        process.renderDiff();
        process.componentsWillDestroy(List.of(1));
        process.socket().assign("show", true);
        JsonNode back = json(process.renderDiff());
        assertThat(back.get("0").get("0").asInt()).isEqualTo(1);
        assertThat(process.componentsDestroyed(List.of(1))).isEmpty();
        assertThat(process.hasComponent(1)).isTrue();
    }

    @Test
    void anIdAppearsOnceAPageAndModuleNamesAClassTheTemplateImports() {
        LiveProcess process = process();
        process.socket().assign("more", List.of("b"));
        assertThatThrownBy(process::renderDiff).hasMessageContaining("found duplicate ID \"b\" for component Counter");

        assertThatThrownBy(() -> Templates.compile("<.live_component module={Nope} id=\"x\"/>", "x.heex", Page.class))
                .isInstanceOf(TemplateException.class).hasMessageContaining("module references are not allowed in templates: Nope");
        assertThatThrownBy(() -> Templates.compile("<.live_component module={Counter}/>", "x.heex", Page.class))
                .isInstanceOf(TemplateException.class).hasMessageContaining("missing required attribute \"id\"");
        assertThatThrownBy(() -> Templates.compile("<.live_component id=\"x\"/>", "x.heex", Page.class))
                .isInstanceOf(TemplateException.class).hasMessageContaining("missing required attribute \"module\"");
    }
}
