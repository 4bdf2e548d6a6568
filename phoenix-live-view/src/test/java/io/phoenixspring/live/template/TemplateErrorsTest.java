package io.phoenixspring.live.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compile errors: file:line:column and one precise line; templates reach no class. */
class TemplateErrorsTest {

    @TemplateImports(CoreComponents.class)
    static class Owner {
        @TemplateFunction
        static String shout(String text) {
            return text.toUpperCase();
        }
    }

    private static TemplateException error(String source) {
        try {
            Templates.compile(source, "page.html.heex", Owner.class);
        } catch (TemplateException e) {
            return e;
        }
        throw new AssertionError("compiled: " + source);
    }

    private static void assertError(String source, int line, int column, String message) {
        TemplateException e = error(source);
        assertThat(e.getMessage()).startsWith("page.html.heex:" + line + ":" + column + ": ").contains(message)
                .doesNotContain("\n");
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
    }

    @Test
    void unclosedTagsPointAtTheOpeningTag() {
        assertError("<div>\n  <p>text\n</div>", 3, 1, "unmatched closing tag. Expected </p> for <p> at line 2, got: </div>");
        assertError("<div>\n  <span>ok</span>", 1, 1, "end of template reached without closing tag for <div>");
        assertError("<p>x</p></div>", 1, 9, "missing opening tag for </div>");
        assertError("<br></br>", 1, 5, "missing opening tag for </br> (note <br> is a void tag");
        assertError("<div class=\"a>", 1, 12, "expected closing `\"` for the value of class");
        assertError("<div\n  id=\"x\"", 1, 1, "end of template reached inside the tag <div>");
        assertError("a < b", 1, 3, "expected tag name after <");
    }

    @Test
    void expressionSyntaxErrorsPointInsideTheExpression() {
        assertError("<p>{@count +}</p>", 1, 13, "expression ended early");
        assertError("<p>{@count</p>", 1, 5, "missing closing } for the expression");
        assertError("<p>\n  {\"open}</p>", 2, 4, "missing");
        assertError("<p>{@a b}</p>", 1, 8, "unexpected 'b' after the expression");
        assertError("<p>{'x'}</p>", 1, 5, "charlists");
        assertError("<p>{~s\"/x\"}</p>", 1, 5, "sigil ~s is not supported in templates: only ~p");
    }

    @Test
    void eexBlocksMustBeClosedAndProduceOutput() {
        assertError("<%= if @a do %>\n<p>x</p>", 1, 1, "missing <% end %> for the block starting here");
        assertError("<% if @a do %>x<% end %>", 1, 1, "<% if … do %> discards its output: write <%= if … do %>");
        assertError("<%= if @a do %><div><% end %>", 1, 16, "end of do-block reached without closing tag for <div>");
        assertError("x\n<% end %>", 2, 1, "unexpected <% end %>");
        assertError("<%= case @a do %>x<% end %>", 1, 1, "only <%= if … do %>, <%= unless … do %> and <%= for … do %>");
        assertError("<%!-- never closed", 1, 1, "expected closing `--%>`");
    }

    @Test
    void unknownFunctionsAreCompileErrors() {
        assertError("<p>{nope(@a)}</p>", 1, 5, "unknown function nope/1");
        assertError("<p>{shout(@a, 1)}</p>", 1, 5, "unknown function shout/2");
        assertThat(error("<p>{nope()}</p>").getMessage()).contains("@TemplateFunction methods of Owner").contains("shout/1");
    }

    @Test
    void aTemplateCannotReachAClass() {
        assertError("<p>{@x.getClass()}</p>", 1, 8, "unknown function .getClass(): templates cannot call methods");
        assertError("<p>{System.exit(0)}</p>", 1, 5, "unknown function System.exit/1");
        assertError("<p>{Runtime.getRuntime().exec(\"ls\")}</p>", 1, 5, "unknown function Runtime.getRuntime/0");
        assertError("<p>{String}</p>", 1, 5, "module references are not allowed");
        assertError("<p>{@x |> IO.inspect()}</p>", 1, 11, "unknown function IO.inspect/1");
        assertError("<p>{&String.upcase/1}</p>", 1, 5, "anonymous functions");
        assertError("<p>{fn x -> x end}</p>", 1, 5, "anonymous functions");
    }

    record Box(Object value) {
    }

    @Test
    void fieldAccessDoesNotLeadToClassesEither() {
        Template template = Templates.compile("<p>{@box.class}</p><p>{@box.value.class_loader}</p>", "page.html.heex", Owner.class);
        assertThatThrownBy(() -> template.render(Map.of("box", new Box(1)), null).toHtml())
                .isInstanceOf(TemplateException.class)
                .hasMessage("page.html.heex:1:10: no field, record component or getter .class on Box");
        Template loader = Templates.compile("<p>{@c.class_loader}</p>", "page.html.heex", Owner.class);
        assertThatThrownBy(() -> loader.render(Map.of("c", String.class), null).toHtml())
                .isInstanceOf(TemplateException.class).hasMessageContaining("no field, record component or getter .class_loader on Class");
    }

    @Test
    void undefinedVariablesAreCompileErrors() {
        assertError("<p>{count}</p>", 1, 5, "undefined variable count (assigns are read with @count");
        assertError("<p :for={x <- @xs}>{y}</p>", 1, 21, "undefined variable y");
    }

    @Test
    void componentCallsAreCheckedAgainstTheirDeclarations() {
        assertError("<.nope />", 1, 1, "undefined function component <.nope> (in scope: ");
        assertError("<div>\n  <.card id=\"a\">x</.card>\n</div>", 2, 3, "missing required attribute \"title\" for component <.card>");
        assertError("<.card id=\"a\" title=\"t\" colour=\"red\">x</.card>", 1, 25, "undefined attribute \"colour\" for component <.card>");
        assertError("<.card id=\"a\" title=\"t\">x<:header>h</:header></.card>", 1, 26, "undefined slot \"header\" for component <.card>");
        assertError("<.card id=\"a\" title=\"t\" />", 1, 1, "missing required slot \"inner_block\" for component <.card>");
        assertError("<.link patch=\"/\" bogus=\"1\">x</.link>", 1, 18, "undefined attribute \"bogus\" for component <.link>");
        assertError("<.flash_group flash={%{}}>text</.flash_group>", 1, 1, "component <.flash_group> takes no inner content");
        assertError("<div><:footer>x</:footer></div>", 1, 6, "invalid slot entry <:footer>. A slot entry must be a direct child of a component");
        assertError("<Core.card />", 1, 1, "remote components (<Core.card>) are not supported");
    }

    @Test
    void specialAttributesAreChecked() {
        assertError("<p :if={@a} :if={@b}>x</p>", 1, 13, "cannot define multiple \":if\" attributes. Another \":if\" has already been defined at line 1");
        assertError("<p :if=\"yes\">x</p>", 1, 4, ":if must be an expression between {...}");
        assertError("<p :for={x in @xs}>x</p>", 1, 12, "expected <- after the pattern");
        assertError("<p :let={x}>x</p>", 1, 1, ":let is only for components and slots");
        assertError("<p :key={1}>x</p>", 1, 4, "unsupported attribute :key");
    }

    @Test
    void aMissingColocatedTemplateSaysWhereToPutIt() {
        assertThatThrownBy(() -> Templates.forClass(Owner.class)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("no template for Owner: add the classpath resource io/phoenixspring/live/template/Owner.html.heex");
    }
}
