package io.phoenixspring.live.rendered;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wire JSON of rendered trees and their diffs, against the transcripts of a real LiveView 1.0 server. */
class DiffTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }

    private static JsonNode parse(String text) {
        return JSON.readTree(text);
    }

    private static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }

    private static Rendered flashGroup() {
        Rendered empty = Rendered.of(List.of("", ""), List.of(""), 1L, false);
        return Rendered.of(List.of("<div id=\"flash-group\">\n  ", "\n  ", "\n</div>"), List.of(empty, empty), 2L, true);
    }

    private static Rendered counterPage(String count, boolean linkChanged) {
        Rendered label = Rendered.of(List.of("reset"), List.of(), 4L, false);
        Rendered link = Rendered.of(List.of("<a", " data-phx-link=\"patch\"", "", ">", "</a>"),
                List.of(" href=\"/counter?start=0\"", " data-phx-link-state=\"push\"", " id=\"reset-link\"", label), 5L, true);
        return Rendered.lazy(List.of("<h1>Counter</h1>\n<p>Count: <span id=\"count\">",
                "</span></p>\n<button id=\"dec\" phx-click=\"dec\">-1</button>\n<button id=\"inc\" phx-click=\"inc\">+1</button>\n"
                        + "<button id=\"inc-by\" phx-click=\"inc\" phx-value-by=\"5\">+5</button>\n",
                ""), track -> list(count, track && !linkChanged ? null : link), 3L, false);
    }

    private static Rendered withLayout(Rendered layout, Rendered page) {
        return Rendered.of(List.of("", "\n", ""), list(layout, page), 6L, false);
    }

    @Test
    void aJoinSendsTheWholeTreeAsTheCounterTranscriptShows() {
        Map<String, Object> joined = new Diff().render(withLayout(flashGroup(), counterPage("5", false)));
        assertThat(json(joined)).isEqualTo(parse("""
                {"0":{"0":{"0":"","s":["",""]},"1":{"0":"","s":["",""]},"r":1,"s":["<div id=\\"flash-group\\">\\n  ","\\n  ","\\n</div>"]},
                 "1":{"0":"5",
                      "1":{"0":" href=\\"/counter?start=0\\"","1":" data-phx-link-state=\\"push\\"","2":" id=\\"reset-link\\"","3":{"s":["reset"]},"r":1,"s":["<a"," data-phx-link=\\"patch\\"","",">","</a>"]},
                      "s":["<h1>Counter</h1>\\n<p>Count: <span id=\\"count\\">","</span></p>\\n<button id=\\"dec\\" phx-click=\\"dec\\">-1</button>\\n<button id=\\"inc\\" phx-click=\\"inc\\">+1</button>\\n<button id=\\"inc-by\\" phx-click=\\"inc\\" phx-value-by=\\"5\\">+5</button>\\n",""]},
                 "s":["","\\n",""]}
                """));
    }

    @Test
    void aClickSendsOnlyTheChangedCount() {
        Diff diff = new Diff();
        diff.render(withLayout(flashGroup(), counterPage("5", false)));
        Map<String, Object> clicked = diff.render(Rendered.of(List.of("", "\n", ""), list(null, counterPage("6", false)), 6L, false));
        assertThat(json(clicked)).isEqualTo(parse("{\"1\":{\"0\":\"6\"}}"));
        // Nothing changed: nothing to send.
        assertThat(diff.render(Rendered.of(List.of("", "\n", ""), list(null, null), 6L, false))).isEmpty();
    }

    @Test
    void theDeadRenderIsTheTreesHtml() {
        assertThat(withLayout(flashGroup(), counterPage("5", false)).toHtml()).isEqualTo("""
                <div id="flash-group">
                 \s
                 \s
                </div>
                <h1>Counter</h1>
                <p>Count: <span id="count">5</span></p>
                <button id="dec" phx-click="dec">-1</button>
                <button id="inc" phx-click="inc">+1</button>
                <button id="inc-by" phx-click="inc" phx-value-by="5">+5</button>
                <a href="/counter?start=0" data-phx-link="patch" data-phx-link-state="push" id="reset-link">reset</a>""");
    }

    @Test
    void aTemplateTheClientLacksIsSentWholeAndAskedForWithoutChangeTracking() {
        Diff diff = new Diff();
        Rendered off = Rendered.of(List.of("<p>off</p>"), List.of(), 10L, true);
        diff.render(Rendered.of(List.of("<div>", "</div>"), list(off), 11L, true));
        boolean[] asked = new boolean[2];
        Rendered on = Rendered.lazy(List.of("<p>on ", "</p>"), track -> {
            asked[track ? 1 : 0] = true;
            return track ? list((Object) null) : list("ada");
        }, 12L, true);
        Map<String, Object> switched = diff.render(Rendered.of(List.of("<div>", "</div>"), list(on), 11L, true));
        assertThat(json(switched)).isEqualTo(parse("{\"0\":{\"0\":\"ada\",\"r\":1,\"s\":[\"<p>on \",\"</p>\"]}}"));
        assertThat(asked).containsExactly(true, false);
    }

    @Test
    void comprehensionsSendStaticsOnceAndEveryRowWhenTheyChange() {
        Diff diff = new Diff();
        Comprehension tags = new Comprehension(List.of("<span class=\"tag\">", "</span>"),
                List.of(List.of("red"), List.of("green"), List.of("blue")), 20L, null);
        assertThat(json(diff.render(Rendered.of(List.of("<div id=\"tags\">", "</div>"), list(tags), 21L, true))))
                .isEqualTo(parse("{\"0\":{\"d\":[[\"red\"],[\"green\"],[\"blue\"]],\"s\":[\"<span class=\\\"tag\\\">\",\"</span>\"]},"
                        + "\"r\":1,\"s\":[\"<div id=\\\"tags\\\">\",\"</div>\"]}"));
        Comprehension shuffled = new Comprehension(tags.statics(), List.of(List.of("green"), List.of("blue"), List.of("red")), 20L, null);
        assertThat(json(diff.render(Rendered.of(List.of("<div id=\"tags\">", "</div>"), list(shuffled), 21L, true))))
                .isEqualTo(parse("{\"0\":{\"d\":[[\"green\"],[\"blue\"],[\"red\"]]}}"));
    }

    @Test
    void streamsSendTheirOperationsAndOnlyTheInsertedRows() {
        Diff diff = new Diff();
        List<String> li = List.of("<li", ">", "</li>");
        Comprehension empty = new Comprehension(li, List.of(), 30L, new Comprehension.Stream("0", List.of(), List.of(), false));
        assertThat(json(diff.render(Rendered.of(List.of("<ul>", "</ul>"), list(empty), 31L, true))))
                .isEqualTo(parse("{\"0\":{\"d\":[],\"s\":[],\"stream\":[\"0\",[],[]]},\"r\":1,\"s\":[\"<ul>\",\"</ul>\"]}"));
        Comprehension inserted = new Comprehension(li, List.of(List.of(" id=\"items-56\"", "milk")), 30L,
                new Comprehension.Stream("0", List.of(new Comprehension.Insert("items-56", -1, null)), List.of(), false));
        assertThat(json(diff.render(Rendered.of(List.of("<ul>", "</ul>"), list(inserted), 31L, true))))
                .isEqualTo(parse("{\"0\":{\"d\":[[\" id=\\\"items-56\\\"\",\"milk\"]],\"s\":[\"<li\",\">\",\"</li>\"],"
                        + "\"stream\":[\"0\",[[\"items-56\",-1,null]],[]]}}"));
        Comprehension deleted = new Comprehension(li, List.of(), 30L,
                new Comprehension.Stream("0", List.of(), List.of("items-56"), false));
        assertThat(json(diff.render(Rendered.of(List.of("<ul>", "</ul>"), list(deleted), 31L, true))))
                .isEqualTo(parse("{\"0\":{\"d\":[],\"stream\":[\"0\",[],[\"items-56\"]]}}"));
        Comprehension reset = new Comprehension(li, List.of(), 30L, new Comprehension.Stream("0", List.of(), List.of(), true));
        assertThat(json(diff.render(Rendered.of(List.of("<ul>", "</ul>"), list(reset), 31L, true))))
                .isEqualTo(parse("{\"0\":{\"d\":[],\"stream\":[\"0\",[],[],true]}}"));
    }

    @Test
    void templatesNestedInRowsShareTheirStaticsThroughP() {
        Comprehension errors = new Comprehension(List.of("<p class=\"error\">\n      ", "\n    </p>"),
                List.of(List.of("Too large")), 40L, null);
        Comprehension entries = new Comprehension(List.of("<li>", " ", "", "</li>"),
                List.of(List.of("2", "big.jpg", errors)), 41L, null);
        Map<String, Object> json = new Diff().render(Rendered.of(List.of("<ul>", "</ul>"), list(entries), 42L, true));
        assertThat(json(json.get("0"))).isEqualTo(parse("""
                {"d":[["2","big.jpg",{"d":[["Too large"]],"s":0}]],"s":["<li>"," ","","</li>"],
                 "p":{"0":["<p class=\\"error\\">\\n      ","\\n    </p>"]}}
                """));
    }
}
