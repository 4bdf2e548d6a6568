package io.phoenixspring.live.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.live.rendered.Diff;
import io.phoenixspring.live.rendered.Rendered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Phoenix's change tracking: only what reads a changed assign is evaluated and sent. */
class ChangeTrackingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger CALLS = new AtomicInteger();

    @TemplateImports(CoreComponents.class)
    static class Owner {
        @TemplateFunction
        static Object counted(Object value) {
            CALLS.incrementAndGet();
            return value;
        }

        @FunctionComponent(template = "<ul><li :for={i <- @items}>{render_slot(@inner_block, i)}</li></ul>")
        @Attr(name = "items", type = AttrType.LIST, required = true)
        @Slot(name = "inner_block", required = true)
        static void list() {
        }

        @FunctionComponent(template = """
                <div class="tabs"><a :for={tab <- @tab} href={"#" <> tab.name}>{render_slot(tab)}</a></div><div>{render_slot(@tab)}</div>""")
        @Slot(name = "tab")
        static void tabs() {
        }
    }

    private final Map<String, Object> assigns = new HashMap<>();
    private final Diff diff = new Diff();

    @BeforeEach
    void reset() {
        CALLS.set(0);
    }

    private static Template compile(String source) {
        return Templates.compile(source, "page.html.heex", Owner.class);
    }

    private JsonNode first(Template template) {
        return JSON.valueToTree(diff.render(template.render(assigns, null)));
    }

    private JsonNode next(Template template, String... changed) {
        return JSON.valueToTree(diff.render(template.render(assigns, Set.of(changed))));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void dynamicsThatReadNoChangedAssignAreNull() {
        Template template = compile("<p>{@a}</p><p>{@b} {@a}</p><p>{@user.name}</p>");
        assigns.putAll(Map.of("a", 1, "b", 2, "user", Map.of("name", "ada")));
        Rendered rendered = template.render(assigns, Set.of("b"));
        assertThat(rendered.dynamics(true)).containsExactly(null, "2", null, null);
        assertThat(rendered.dynamics(false)).containsExactly("1", "2", "1", "ada");
        assertThat(template.render(assigns, Set.of("user")).dynamics(true)).containsExactly(null, null, null, "ada");
    }

    @Test
    void expressionsWithoutAssignsRenderOnlyTheFirstTime() {
        Template template = compile("<p>{1 + 1}</p><p>{counted(\"x\")}</p>");
        assertThat(first(template)).isEqualTo(json("{\"0\":\"2\",\"1\":\"x\",\"s\":[\"<p>\",\"</p><p>\",\"</p>\"]}"));
        assertThat(template.render(assigns, Set.of("anything")).dynamics(true)).containsExactly(null, null);
        assertThat(CALLS.get()).isEqualTo(1);
    }

    @Test
    void readingAssignsItselfIsAlwaysReevaluated() {
        Template template = compile("<p>{map_size(assigns)}</p><p>{assigns.a}</p><p>{assigns[\"b\"]}</p>");
        assigns.putAll(Map.of("a", 1, "b", 2));
        first(template);
        assertThat(template.render(assigns, Set.of("zzz")).dynamics(true)).containsExactly("2", null, null);
        assertThat(template.render(assigns, Set.of("b")).dynamics(true)).containsExactly("2", null, "2");
    }

    @Test
    void anIfBlockTracksItsBranchAndSendsAnotherBranchWhole() {
        Template template = compile("""
                <div><%= if @show do %><p>{@a}</p><% else %><p>{@b}</p><% end %></div>""");
        assigns.putAll(Map.of("show", true, "a", "A", "b", "B", "other", 0));
        assertThat(first(template)).isEqualTo(json("{\"0\":{\"0\":\"A\",\"s\":[\"<p>\",\"</p>\"]},\"r\":1,\"s\":[\"<div>\",\"</div>\"]}"));
        assigns.put("a", "A2");
        assertThat(next(template, "a")).isEqualTo(json("{\"0\":{\"0\":\"A2\"}}"));
        assertThat(next(template, "b")).isEqualTo(json("{}"));
        assertThat(next(template, "other")).isEqualTo(json("{}"));
        // Same statics, other code: another fingerprint, so the whole branch is sent, @b included.
        assigns.put("show", false);
        assertThat(next(template, "show")).isEqualTo(json("{\"0\":{\"0\":\"B\",\"s\":[\"<p>\",\"</p>\"]}}"));
        assigns.put("show", true);
        assertThat(next(template, "show")).isEqualTo(json("{\"0\":{\"0\":\"A2\",\"s\":[\"<p>\",\"</p>\"]}}"));
    }

    @Test
    void ifWithoutElseAndTagIfRenderNothingWhenFalse() {
        Template template = compile("<%= unless @hide do %>shown<% end %><p :if={@on} class=\"x\">{@a}</p>");
        assigns.putAll(Map.of("hide", true, "on", false, "a", 1));
        assertThat(first(template)).isEqualTo(json("{\"0\":\"\",\"1\":\"\",\"s\":[\"\",\"\",\"\"]}"));
        assigns.put("on", true);
        assertThat(next(template, "on")).isEqualTo(json("{\"1\":{\"0\":\"1\",\"s\":[\"<p class=\\\"x\\\">\",\"</p>\"]}}"));
        assigns.put("hide", false);
        assertThat(next(template, "hide")).isEqualTo(json("{\"0\":{\"s\":[\"shown\"]}}"));
    }

    @Test
    void comprehensionsAreReevaluatedWholeOnlyWhenWhatTheyReadChanged() {
        Template template = compile("<ul><li :for={x <- @xs} class={@kind}>{counted(x)}</li></ul><p>{@other}</p>");
        assigns.putAll(Map.of("xs", List.of(1, 2), "kind", "k", "other", 0));
        first(template);
        assertThat(CALLS.get()).isEqualTo(2);
        assigns.put("other", 1);
        assertThat(next(template, "other")).isEqualTo(json("{\"1\":\"1\"}"));
        assertThat(CALLS.get()).isEqualTo(2);
        assigns.put("kind", "j");
        assertThat(next(template, "kind")).isEqualTo(json("{\"0\":{\"d\":[[\"j\",\"1\"],[\"j\",\"2\"]]}}"));
        assertThat(CALLS.get()).isEqualTo(4);
    }

    @Test
    void nestedIfsAndForsInsideRowsAreRenderedWhole() {
        Template template = compile("""
                <%= for row <- @rows do %><tr><%= if row.on do %><td>{row.v}</td><% end %><td :for={c <- row.cs}>{c}</td></tr><% end %>""");
        assigns.put("rows", List.of(Map.of("on", true, "v", "a", "cs", List.of(1)), Map.of("on", false, "v", "b", "cs", List.of())));
        assertThat(first(template)).isEqualTo(json("{\"0\":{\"d\":[[{\"0\":\"a\",\"s\":0},{\"d\":[[\"1\"]],\"s\":1}],[\"\",{\"d\":[],\"s\":1}]],"
                + "\"s\":[\"<tr>\",\"\",\"</tr>\"],\"p\":{\"0\":[\"<td>\",\"</td>\"],\"1\":[\"<td>\",\"</td>\"]}},\"s\":[\"\",\"\"]}"));
    }

    @Test
    void componentsSeeWhichOfTheirAttributesAndSlotsChanged() {
        Template template = compile("""
                <.card id="c" title={@title}>{@body}<:footer>{@foot}</:footer></.card>""");
        assigns.putAll(Map.of("title", "T", "body", "B", "foot", "F"));
        first(template);
        assigns.put("title", "T2");
        assertThat(next(template, "title")).isEqualTo(json("{\"0\":{\"1\":\"T2\"}}"));
        assigns.put("body", "B2");
        assertThat(next(template, "body")).isEqualTo(json("{\"0\":{\"2\":{\"0\":\"B2\"}}}"));
        assigns.put("foot", "F2");
        assertThat(next(template, "foot")).isEqualTo(json("{\"0\":{\"3\":{\"0\":{\"0\":\"F2\"}}}}"));
        assertThat(next(template, "unrelated")).isEqualTo(json("{}"));
    }

    @Test
    void letPassesAValueFromTheComponentToTheCallersContent() {
        Template template = compile("<.list :let={item} items={@items}><b>{item}{@suffix}</b></.list>");
        assigns.putAll(Map.of("items", List.of("x", "y"), "suffix", "!"));
        Rendered rendered = template.render(assigns, null);
        assertThat(rendered.toHtml()).isEqualTo("<ul><li><b>x!</b></li><li><b>y!</b></li></ul>");
        first(template);
        assigns.put("suffix", "?");
        assertThat(next(template, "suffix")).isEqualTo(json("{\"0\":{\"0\":{\"d\":[[{\"0\":\"x\",\"1\":\"?\",\"s\":0}],"
                + "[{\"0\":\"y\",\"1\":\"?\",\"s\":0}]],\"p\":{\"0\":[\"<b>\",\"\",\"</b>\"]}}}}"));
    }

    @Test
    void slotsWithSeveralEntriesAndAttributes() {
        Template template = compile("<.tabs><:tab name=\"one\">First</:tab><:tab name={@second}>Second</:tab></.tabs>");
        assigns.put("second", "two");
        assertThat(template.render(assigns, null).toHtml()).isEqualTo(
                "<div class=\"tabs\"><a href=\"#one\">First</a><a href=\"#two\">Second</a></div><div>FirstSecond</div>");
    }

    @Test
    void aThousandRowTableAndAChangingCounterSendOnlyTheCounter() {
        StringBuilder table = new StringBuilder("<table>\n");
        for (int i = 0; i < 1000; i++) {
            table.append("  <tr><td>row ").append(i).append("</td><td>static cell</td></tr>\n");
        }
        table.append("</table>\n");
        Template template = compile("<p>Count: <span id=\"count\">{@count}</span></p>\n" + table
                + "<table><tr :for={row <- @rows}><td>{counted(row)}</td></tr></table>");
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(i);
        }
        assigns.putAll(Map.of("count", 5, "rows", rows));
        assertThat(first(template).toString().length()).isGreaterThan(40_000);
        assertThat(CALLS.get()).isEqualTo(1000);
        for (int count = 6; count < 16; count++) {
            assigns.put("count", count);
            assertThat(next(template, "count")).isEqualTo(json("{\"0\":\"" + count + "\"}"));
        }
        assertThat(CALLS.get()).isEqualTo(1000);
    }

    @Test
    void withPreviousValuesOnlyPartsReadingPathsThatDifferAreEvaluated() {
        Template template = compile("<p>{@user.name}</p><p>{@user[\"age\"]}</p><p>{length(@user.tags)}</p><p>{Map.get(@user, \"age\")}</p>");
        Map<String, Object> before = Map.of("name", "ada", "age", 36, "tags", List.of("x"));
        assigns.put("user", Map.of("name", "ada", "age", 37, "tags", List.of("x")));
        assertThat(template.render(assigns, Set.of("user"), Map.of("user", before)).dynamics(true))
                .containsExactly(null, "37", null, "37");
        // without the previous value, everything reading @user is
        assertThat(template.render(assigns, Set.of("user")).dynamics(true)).containsExactly("ada", "37", "1", "37");
        // a key that appears or disappears counts as changed
        assigns.put("user", Map.of("age", 37, "tags", List.of("x")));
        assertThatThrownBy(() -> template.render(assigns, Set.of("user"), Map.of("user", before)).dynamics(true))
                .hasMessageContaining("key :name not found");
    }
}
