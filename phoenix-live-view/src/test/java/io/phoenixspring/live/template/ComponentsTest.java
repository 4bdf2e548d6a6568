package io.phoenixspring.live.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Function components declared in Java: attributes, defaults, globals, slots, templates from resources. */
class ComponentsTest {

    /** Components whose templates are resources: {@code Widgets/<name>.html.heex}. */
    static class Widgets {
        @FunctionComponent
        @Attr(name = "label", type = AttrType.STRING, required = true)
        @Attr(name = "tone", type = AttrType.STRING, defaultValue = "neutral")
        static void badge() {
        }
    }

    @TemplateImports(Widgets.class)
    static class ColocatedPage {
    }

    @TemplateImports(CoreComponents.class)
    static class Owner {
        @FunctionComponent(template = "<button {@rest} disabled={@disabled} data-size={@size}>{render_slot(@inner_block)}</button>")
        @Attr(name = "disabled", type = AttrType.BOOLEAN, defaultValue = "false")
        @Attr(name = "size", type = AttrType.INTEGER, defaultValue = "2")
        @Attr(name = "rest", type = AttrType.GLOBAL, include = {"form"})
        @Slot(name = "inner_block", required = true)
        static void button() {
        }

        @FunctionComponent(template = "<span title={@full}>{@first}</span>")
        @Attr(name = "first", required = true)
        @Attr(name = "last", required = true)
        static void person(Map<String, Object> assigns) {
            assigns.put("full", assigns.get("first") + " " + assigns.get("last"));
        }

        /** A component that renders itself for its children. */
        @FunctionComponent(template = "<li>{@node.name}<ul :if={@node.children != []}><.tree :for={c <- @node.children} node={c} /></ul></li>")
        @Attr(name = "node", type = AttrType.MAP, required = true)
        static void tree() {
        }

        /** Undeclared: takes any attribute and slot. */
        @FunctionComponent(template = "<em>{@anything}{render_slot(@inner_block)}</em>")
        static void loose() {
        }

        @FunctionComponent(template = """
                <table><tr><th :for={col <- @col}>{col.label}</th></tr><tr :for={row <- @rows}><td :for={col <- @col}>{render_slot(col, row)}</td></tr></table>""")
        @Attr(name = "rows", type = AttrType.LIST, required = true)
        @Slot(name = "col", required = true)
        static void table() {
        }
    }

    /** A component with two templates, chosen per call (Phoenix's function clauses). */
    static class Clauses {
        @FunctionComponent(clauses = {
            @Clause(name = "on", template = "<b class=\"on\">{@label}</b>"),
            @Clause(name = "off", template = "<i>{@label}</i>")})
        @Attr(name = "active", type = AttrType.BOOLEAN, defaultValue = "false")
        @Attr(name = "label", required = true)
        static String toggle(Map<String, Object> assigns) {
            return Boolean.TRUE.equals(assigns.get("active")) ? "on" : assigns.get("label").equals("?") ? "unknown" : "off";
        }

        @FunctionComponent(clauses = @Clause(name = "only", template = "x"))
        static void voidClauses(Map<String, Object> assigns) {
        }

        @FunctionComponent(template = "x", clauses = @Clause(name = "only", template = "y"))
        static String both(Map<String, Object> assigns) {
            return "only";
        }
    }

    @Test
    void aComponentsMethodChoosesAmongItsClauses() {
        Template page = Templates.compile("<.toggle active={@on} label={@label} />", "page.html.heex", Clauses.class);
        assertThat(page.render(Map.of("on", true, "label", "A"), null).toHtml()).isEqualTo("<b class=\"on\">A</b>");
        assertThat(page.render(Map.of("on", false, "label", "A"), null).toHtml()).isEqualTo("<i>A</i>");
        assertThatThrownBy(() -> page.render(Map.of("on", false, "label", "?"), null).toHtml())
                .hasMessageContaining("component .toggle failed: it chose the clause unknown, which is none of [on, off]");
        assertThatThrownBy(() -> Templates.compile("<.voidClauses />", "page.html.heex", Clauses.class))
                .hasMessageContaining("has clauses: its method takes the assigns and returns the name of the clause to render");
        assertThatThrownBy(() -> Templates.compile("<.both />", "page.html.heex", Clauses.class))
                .hasMessageContaining("has a template and clauses");
    }

    private static String html(String source, Map<String, Object> assigns) {
        return Templates.compile(source, "page.html.heex", Owner.class).render(assigns, null).toHtml();
    }

    @Test
    void defaultsAreTypedAndGlobalsCollectTheCallersHtmlAttributesSorted() {
        assertThat(html("<.button phx-click=\"go\" id=\"b\" form=\"f\" aria-label=\"Go\">Go</.button>", Map.of()))
                .isEqualTo("<button aria-label=\"Go\" form=\"f\" id=\"b\" phx-click=\"go\" data-size=\"2\">Go</button>");
        assertThat(html("<.button disabled size={3}>Go</.button>", Map.of()))
                .isEqualTo("<button disabled data-size=\"3\">Go</button>");
        assertThatThrownBy(() -> html("<.button onclick2=\"x\">Go</.button>", Map.of()))
                .hasMessageContaining("undefined attribute \"onclick2\" for component <.button>");
    }

    @Test
    void theComponentsMethodMayAddDerivedAssigns() {
        assertThat(html("<.person first=\"Ada\" last={@last} />", Map.of("last", "Lovelace")))
                .isEqualTo("<span title=\"Ada Lovelace\">Ada</span>");
    }

    @Test
    void componentsMayRenderThemselves() {
        Map<String, Object> leaf = Map.of("name", "leaf", "children", List.of());
        Map<String, Object> root = Map.of("name", "root", "children", List.of(leaf, leaf));
        assertThat(html("<.tree node={@root} />", Map.of("root", root)))
                .isEqualTo("<li>root<ul><li>leaf</li><li>leaf</li></ul></li>");
    }

    @Test
    void attributeSpreadsAtTheCallSiteAndUndeclaredComponents() {
        assertThat(html("<.loose {@extra}>!</.loose>", Map.of("extra", Map.of("anything", "<x>"))))
                .isEqualTo("<em>&lt;x&gt;!</em>");
    }

    @Test
    void namedSlotsWithAttributesAndLet() {
        String source = """
                <.table rows={@users}>
                  <:col :let={u} label="Name">{u.name}</:col>
                  <:col :let={u} label="Age">{u.age}</:col>
                </.table>""";
        assertThat(html(source, Map.of("users", List.of(Map.of("name", "Ada", "age", 36), Map.of("name", "Bob", "age", 7)))))
                .isEqualTo("<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ada</td><td>36</td></tr>"
                        + "<tr><td>Bob</td><td>7</td></tr></table>");
    }

    @Test
    void forClassLoadsTheColocatedTemplateAndComponentTemplatesFromResources() {
        Template page = Templates.forClass(ColocatedPage.class);
        assertThat(Templates.forClass(ColocatedPage.class)).isSameAs(page);
        assertThat(page.render(Map.of("title", "Hi", "label", "new"), null).toHtml())
                .isEqualTo("<h1>Hi</h1>\n<span class=\"badge neutral\">new</span>");
    }

    static class BadFunction {
        @TemplateFunction
        String notStatic() {
            return "";
        }
    }

    static class ClashingFunction {
        @TemplateFunction("length")
        static long size(Object o) {
            return 0;
        }
    }

    static class BadDefault {
        @FunctionComponent(template = "x")
        @Attr(name = "on", type = AttrType.BOOLEAN, defaultValue = "yes")
        static void bad() {
        }
    }

    @TemplateImports(BadDefault.class)
    static class UsesBadDefault {
    }

    @Test
    void badDeclarationsFailWithTheirPlace() {
        assertThatThrownBy(() -> Templates.compile("x", "x.heex", BadFunction.class))
                .hasMessage("@TemplateFunction BadFunction.notStatic must be static");
        assertThatThrownBy(() -> Templates.compile("x", "x.heex", ClashingFunction.class))
                .hasMessage("@TemplateFunction ClashingFunction.size is named length, which is a built-in function");
        assertThatThrownBy(() -> Templates.compile("<.bad />", "x.heex", UsesBadDefault.class))
                .hasMessageContaining("@FunctionComponent BadDefault.bad: bad default for on: expected true or false");
    }
}
