package io.phoenixspring.live.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.live.rendered.Comprehension;
import io.phoenixspring.live.rendered.Rendered;
import io.phoenixspring.live.template.StreamItems;
import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.template.Templates;
import io.phoenixspring.web.session.CsrfToken;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Assigns, change tracking, flash, navigation and streams of one view, without a server. */
class LiveSocketTest {

    private static final URI URL = URI.create("http://localhost/page");

    private static LiveSocket connected() {
        return LiveSocket.connected("phx-1", URL, new LiveSocket.Link() {
            public void subscribe(String topic) {
            }

            public void unsubscribe(String topic) {
            }

            public void send(Object message) {
            }

            public void sendAfter(Object message, Duration delay) {
            }
        }, Map.of(), Map.of());
    }

    @Test
    void anAssignChangesOnlyWhenItsValueDoes() {
        LiveSocket socket = connected();
        socket.assign("count", 1).assign("name", "ada");
        socket.rendered();
        socket.assign("count", 1).assign("name", new String("ada"));
        assertThat(socket.changed()).isEmpty();
        socket.update("count", (Integer n) -> n + 1);
        assertThat(socket.changed()).containsExactly("count");
        assertThat(socket.<Integer>get("count")).isEqualTo(2);
    }

    @Test
    void reassigningTheSameMutableListCountsAsChangedAnEqualNewOneDoesNot() {
        LiveSocket socket = connected();
        List<String> tags = new ArrayList<>(List.of("red", "green"));
        socket.assign("tags", tags);
        socket.rendered();
        tags.add("blue");
        socket.assign("tags", tags);
        assertThat(socket.changed("tags")).isTrue();
        socket.rendered();
        socket.assign("tags", List.of("red", "green", "blue"));
        assertThat(socket.changed("tags")).isFalse();
    }

    @Test
    void assignNewTakesTheConnAssignInTheDeadRenderAndKeepsAnExistingValue() {
        LiveSocket dead = LiveSocket.disconnected("phx-1", URL, Map.of("user", "from conn"), Map.of());
        dead.assignNew("user", () -> "loaded").assignNew("other", () -> "loaded");
        assertThat(dead.<String>get("user")).isEqualTo("from conn");
        assertThat(dead.<String>get("other")).isEqualTo("loaded");
        dead.assignNew("other", () -> "again");
        assertThat(dead.<String>get("other")).isEqualTo("loaded");
        assertThat(dead.connected()).isFalse();
    }

    @Test
    void flashAndStreamsAreLiveViewsOwnAssigns() {
        LiveSocket socket = connected();
        assertThatThrownBy(() -> socket.assign("flash", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> socket.assign("streams", Map.of())).isInstanceOf(IllegalArgumentException.class);
        socket.rendered();
        socket.putFlash("info", "Saved");
        assertThat(socket.flash()).isEqualTo(Map.of("info", "Saved"));
        assertThat(socket.changed()).containsExactly("flash");
        socket.rendered();
        socket.clearFlash("error");
        assertThat(socket.changed()).isEmpty();
    }

    @Test
    void navigationTakesLocalPathsOnlyAndExternalRedirectsHttpUrls() {
        LiveSocket socket = connected();
        for (String bad : List.of("//evil.example", "http://evil.example", "relative", "/\\evil")) {
            assertThatThrownBy(() -> socket.pushNavigate(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> socket.redirectExternal("javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
        socket.pushPatch("/page?x=1", true);
        Navigation navigation = socket.takeNavigation();
        assertThat(navigation).isEqualTo(new Navigation.Patch("/page?x=1", true));
        assertThat(((Navigation.Patch) navigation).kind()).isEqualTo("replace");
        assertThat(socket.takeNavigation()).isNull();
    }

    @Test
    void sendNeedsAConnectedSocketAndSubscribeIsIgnoredInTheDeadRender() {
        LiveSocket dead = LiveSocket.disconnected("phx-1", URL, Map.of(), Map.of());
        dead.subscribe("topic");
        assertThatThrownBy(() -> dead.send("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connected");
    }

    /** {@code <li :for={{id, item} <- @streams.items} id={id}>{item}</li>} rendering each insert's payload. */
    private static final Template STREAM = (assigns, changed) -> Rendered.lazy(List.of("<ul phx-update=\"stream\">", "</ul>"),
            track -> {
                List<Object> dynamics = new ArrayList<>();
                if (track && changed != null && !changed.contains("streams")) {
                    dynamics.add(null);
                    return dynamics;
                }
                StreamItems items = (StreamItems) ((Map<?, ?>) assigns.get("streams")).get("items");
                List<List<Object>> rows = new ArrayList<>();
                List<Comprehension.Insert> inserts = new ArrayList<>();
                for (StreamItems.Entry entry : items.inserts()) {
                    rows.add(List.of(entry.domId(), String.valueOf(((byte[]) ((Map<?, ?>) entry.item()).get("payload")).length)));
                    inserts.add(new Comprehension.Insert(entry.domId(), entry.at(), entry.limit()));
                }
                dynamics.add(new Comprehension(List.of("<li id=\"", "\">", "</li>"), rows, 7L,
                        new Comprehension.Stream(items.ref(), inserts, items.deletes(), items.reset())));
                return dynamics;
            }, 6L, false);

    private static final class Feed implements LiveView {
        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.stream("items", List.of());
        }
    }

    @Test
    void streamedItemsAreForgottenOnceRenderedTenThousandInsertsKeepNothing() {
        LiveProcess process = new LiveProcess(new Feed(), STREAM, null, connected());
        process.mount(Map.of(), Map.of(), null, List.of());
        Map<String, Object> joined = process.renderDiff();
        assertThat(joined.toString()).contains("stream=[0, [], []]");
        List<WeakReference<byte[]>> payloads = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] payload = new byte[1024];
            if (i % 1000 == 0) {
                payloads.add(new WeakReference<>(payload));
            }
            process.socket().streamInsert("items", Map.of("id", i, "payload", payload));
            Map<String, Object> diff = process.renderDiff();
            assertThat(diff.toString()).contains("items-" + i);
        }
        assertThat(process.socket().changed()).isEmpty();
        StreamItems after = (StreamItems) ((Map<?, ?>) process.socket().assigns().get("streams")).get("items");
        assertThat(after.inserts()).isEmpty();
        for (int attempt = 0; attempt < 10 && payloads.stream().anyMatch(ref -> ref.get() != null); attempt++) {
            System.gc();
        }
        assertThat(payloads).allMatch(ref -> ref.get() == null);
        // A render with nothing changed sends nothing.
        assertThat(process.renderDiff()).isEmpty();
    }

    @Test
    void streamOperationsReachTheTemplateAsStreamItemsWithDomIdsPositionsDeletesAndReset() {
        LiveProcess process = new LiveProcess(new Feed(), STREAM, null, connected());
        process.mount(Map.of(), Map.of(), null, List.of());
        process.renderDiff();
        LiveSocket socket = process.socket();
        socket.streamConfigure("items", item -> "row-" + ((Map<?, ?>) item).get("id"));
        socket.streamInsert("items", Map.of("id", 1, "payload", new byte[2]), 0, 10);
        socket.streamDelete("items", Map.of("id", 7));
        socket.streamDeleteByDomId("items", "row-8");
        Map<String, Object> diff = process.renderDiff();
        // The first rows bring the statics (the join sent an empty stream), as in the /list transcript.
        assertThat(diff.toString()).isEqualTo("{0={d=[[row-1, 2]], s=[<li id=\", \">, </li>], stream=[0, [[row-1, 0, 10]], [row-7, row-8]]}}");
        socket.stream("items", List.of(Map.of("id", 2, "payload", new byte[3])), -1, null, true);
        assertThat(process.renderDiff().toString()).isEqualTo("{0={d=[[row-2, 3]], stream=[0, [[row-2, -1, null]], [], true]}}");
    }

    @Test
    void theTitleIsSentWhenPageTitleChangesAndTheReplyAndEventsGoAlong() {
        Template value = (assigns, changed) -> Rendered.lazy(List.of("<p>", "</p>"),
                track -> {
                    List<Object> d = new ArrayList<>();
                    d.add(!track || changed == null || changed.contains("n") ? String.valueOf(assigns.get("n")) : null);
                    return d;
                }, 9L, true);
        LiveView view = new LiveView() {
            @Override
            public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
                socket.assign("n", 1);
            }

            @Override
            public Map<String, Object> handleEvent(String event, Map<String, Object> v, LiveSocket socket) {
                socket.assign("n", 2).assign("page_title", "Two").pushEvent("e1", Map.of());
                return Map.of("ok", true);
            }
        };
        LiveProcess process = new LiveProcess(view, value, null, connected());
        process.mount(Map.of(), Map.of(), null, List.of());
        assertThat(process.renderDiff()).isEqualTo(Map.of("0", "1", "s", List.of("<p>", "</p>"), "r", 1));
        process.handleEvent("go", Map.of());
        assertThat(process.renderDiff()).isEqualTo(Map.of("0", "2", "t", "Two", "r", Map.of("ok", true),
                "e", List.of(List.of("e1", Map.of()))));
        assertThat(Set.copyOf(process.socket().changed())).isEmpty();
    }

    @Test
    void formsAndNonGetLinksRenderTheSessionsCsrfTokenMaskedOncePerView() {
        Template page = Templates.compile("<.form for={%{}} action=\"/save\">x</.form><.link href=\"/out\" method=\"delete\">out</.link>",
                "page.html.heex", null);
        LiveProcess process = new LiveProcess(new LiveView() { }, page, null, connected());
        String stored = CsrfToken.generate();
        process.mount(Map.of(), Map.of(CsrfToken.SESSION_KEY, stored), null, List.of());
        String token = process.csrfToken();
        assertThat(CsrfToken.matches(stored, token)).isTrue();
        assertThat(process.renderDiff().toString())
                .contains("name=\"_csrf_token\" type=\"hidden\" hidden", "value=\"" + token + "\"", "data-csrf=\"" + token + "\"");
        assertThat(process.csrfToken()).isEqualTo(token);

        LiveProcess noSession = new LiveProcess(new LiveView() { }, page, null, connected());
        noSession.mount(Map.of(), Map.of(), null, List.of());
        assertThatThrownBy(noSession::renderDiff).hasMessageContaining("session has no _csrf_token");
    }

    @Test
    void aReplacedMapAssignResendsOnlyThePathsThatDiffer() {
        Template page = Templates.compile("<p>{@user.name}</p><p>{@user.age}</p><p>{@count}</p>", "page.html.heex", null);
        LiveView view = new LiveView() {
            @Override
            public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
                socket.assign("user", Map.of("name", "ada", "age", 36)).assign("count", 1);
            }

            @Override
            public Map<String, Object> handleEvent(String event, Map<String, Object> v, LiveSocket socket) {
                socket.assign("user", Map.of("name", "ada", "age", 37)).update("count", (Integer n) -> n + 1);
                return null;
            }
        };
        LiveProcess process = new LiveProcess(view, page, null, connected());
        process.mount(Map.of(), Map.of(), null, List.of());
        process.renderDiff();
        process.handleEvent("birthday", Map.of());
        assertThat(process.renderDiff()).isEqualTo(Map.of("1", "37", "2", "2"));
    }
}
