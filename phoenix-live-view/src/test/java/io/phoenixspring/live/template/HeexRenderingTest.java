package io.phoenixspring.live.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.live.rendered.Diff;
import io.phoenixspring.live.rendered.Rendered;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How HEEx splits statics and dynamics, as Phoenix's TagEngine and HTMLEngine do. */
class HeexRenderingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Rendered render(String source, Map<String, Object> assigns) {
        return Templates.compile(source, "page.html.heex", null).render(assigns, null);
    }

    private static JsonNode tree(String source, Map<String, Object> assigns) {
        return JSON.valueToTree(new Diff().render(render(source, assigns)));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aDoctypeIsStaticTextAsInARootLayout() {
        String layout = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>{@title}</title></head></html>";
        assertThat(render(layout, Map.of("title", "Live")).toHtml())
                .isEqualTo("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Live</title></head></html>");
        assertThat(render("<!doctype html><p>x</p>", Map.of()).toHtml()).isEqualTo("<!doctype html><p>x</p>");
    }

    @Test
    void staticAttributesStayStaticAndEachDynamicAttributeIsOneDynamic() {
        Map<String, Object> assigns = Map.of("id", "x&y", "off", false, "on", true, "none", new HashMap<>());
        assertThat(tree("<input type=\"text\" id={@id} disabled={@off} checked={@on} required data-x='1'>", assigns))
                .isEqualTo(json("{'0':' id=\\'x&amp;y\\'','1':'','2':' checked','r':1,"
                        + "'s':['<input type=\\'text\\'','','',' required data-x=\\u00271\\u0027>']}"));
    }

    @Test
    void classListsKeepTheirLeadingLiteralsStatic() {
        assertThat(tree("<b class={[\"btn\", \"big\", @active && \"active\"]}>x</b>", Map.of("active", false)))
                .isEqualTo(json("{'0':'','r':1,'s':['<b class=\\'btn big ','\\'>x</b>']}"));
        assertThat(render("<b class={[\"btn\", @active && \"active\"]}>x</b>", Map.of("active", true)).toHtml())
                .isEqualTo("<b class=\"btn active\">x</b>");
        assertThat(tree("<b class={@c}>x</b>", new HashMap<>(java.util.Collections.singletonMap("c", null))))
                .isEqualTo(json("{'0':'','r':1,'s':['<b class=\\'','\\'>x</b>']}"));
        assertThat(tree("<b class={[\"a\", \"b\"]} style={@s}>x</b>", Map.of("s", "color: red")))
                .isEqualTo(json("{'0':'color: red','r':1,'s':['<b class=\\'a b\\' style=\\'','\\'>x</b>']}"));
    }

    @Test
    void interpolatedAndConcatenatedValuesKeepTheirLiteralPartsStatic() {
        Map<String, Object> assigns = Map.of("id", 7, "slug", "a\"b");
        assertThat(tree("<a id={\"item-#{@id}\"} href={\"/p/\" <> @slug} title={\"fixed\"}>x</a>", assigns))
                .isEqualTo(json("{'0':'7','1':'a&quot;b','r':1,"
                        + "'s':['<a id=\\'item-','\\' href=\\'/p/','\\' title=\\'fixed\\'>x</a>']}"));
    }

    @Test
    void attributeSpreadsRenderInOrderAsOneDynamic() {
        Map<String, Object> rest = new java.util.LinkedHashMap<>();
        rest.put("phx-click", "go");
        rest.put("hidden", true);
        rest.put("title", null);
        assertThat(tree("<div id=\"a\" {@rest}>x</div>", Map.of("rest", rest)))
                .isEqualTo(json("{'0':' phx-click=\\'go\\' hidden','r':1,'s':['<div id=\\'a\\'','>x</div>']}"));
        assertThat(tree("<div {%{\"data-n\" => @n, class: [\"k\"]}}>x</div>", Map.of("n", 1)))
                .isEqualTo(json("{'0':' data-n=\\'1\\'','r':1,'s':['<div',' class=\\'k\\'>x</div>']}"));
    }

    @Test
    void theTemplateIsTrimmedAndASingleRootTagIsMarked() {
        assertThat(tree("\n\n  <p>{@a}</p>\n\n", Map.of("a", 1))).isEqualTo(json("{'0':'1','r':1,'s':['<p>','</p>']}"));
        assertThat(tree("<p>a</p>\n<p>b</p>\n", Map.of())).isEqualTo(json("{'s':['<p>a</p>\\n<p>b</p>']}"));
        assertThat(tree("text <p>a</p>", Map.of())).isEqualTo(json("{'s':['text <p>a</p>']}"));
        assertThat(tree("<p :if={true}>a</p>", Map.of())).isEqualTo(json("{'0':{'s':['<p>a</p>']},'s':['','']}"));
        assertThat(tree("<%!-- note --%>\n<p>a</p>", Map.of())).isEqualTo(json("{'r':1,'s':['<p>a</p>']}"));
    }

    @Test
    void selfClosingAndVoidTags() {
        assertThat(render("<div id=\"a\" /><br/><img src=\"x\"><input value={@v} />", Map.of("v", "1")).toHtml())
                .isEqualTo("<div id=\"a\"></div><br><img src=\"x\"><input value=\"1\">");
    }

    @Test
    void scriptsStylesAndNoCurlyInterpolationKeepTheirBraces() {
        String source = "<script>var a = {b: 1};</script><style>p {color: red}</style>"
                + "<pre phx-no-curly-interpolation>{not} <%= @x %></pre>";
        assertThat(render(source, Map.of("x", "<")).toHtml())
                .isEqualTo("<script>var a = {b: 1};</script><style>p {color: red}</style><pre>{not} &lt;</pre>");
    }

    @Test
    void htmlCommentsAreKeptTemplateCommentsAreNot() {
        assertThat(render("<!-- kept {@x} --><%!-- dropped {@x} --%><%# dropped too %>x", Map.of()).toHtml())
                .isEqualTo("<!-- kept {@x} -->x");
    }

    @Test
    void eexTagsAloneOnTheirLineTakeTheLineWithThem() {
        String source = """
                <ul>
                  <%= for x <- @xs do %>
                    <li>{x}</li>
                  <% end %>
                </ul>
                """;
        assertThat(render(source, Map.of("xs", List.of(1, 2))).toHtml()).isEqualTo("<ul>\n    <li>1</li>\n    <li>2</li>\n</ul>");
        assertThat(tree(source, Map.of("xs", List.of(1))))
                .isEqualTo(json("{'0':{'d':[['1']],'s':['    <li>','</li>\\n']},'r':1,'s':['<ul>\\n','</ul>']}"));
        assertThat(render("<p><%= if @a do %>yes<% else %>no<% end %></p>", Map.of("a", false)).toHtml()).isEqualTo("<p>no</p>");
    }

    @Test
    void bodyValuesAreEscapedAndListsConcatenated() {
        assertThat(render("<p>{@a}{@list}</p>", Map.of("a", "<&>", "list", List.of("x", 1))).toHtml())
                .isEqualTo("<p>&lt;&amp;&gt;x1</p>");
    }

    @Test
    void forFiltersAndTupleAndMapGenerators() {
        Map<String, Object> scores = new java.util.LinkedHashMap<>();
        scores.put("ada", 3);
        scores.put("bob", 1);
        assertThat(render("<i :for={{name, score} <- @scores} :if={score > 2}>{name}</i>"
                + "<%= for x <- @xs, x > 1 do %>{x}<% end %>", Map.of("scores", scores, "xs", List.of(1, 2, 3))).toHtml())
                .isEqualTo("<i>ada</i>23");
    }
}
