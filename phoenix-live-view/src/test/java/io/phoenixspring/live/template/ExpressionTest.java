package io.phoenixspring.live.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.live.html.Html;
import io.phoenixspring.live.html.Safe;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template language: Elixir's syntax and semantics for the subset templates use. */
class ExpressionTest {

    static class Owner {
        @TemplateFunction("format_price")
        static String formatPrice(long cents) {
            return "%d.%02d €".formatted(cents / 100, cents % 100);
        }

        @TemplateFunction
        static String repeat(String text, int times) {
            return text.repeat(times);
        }

        @TemplateFunction
        static Safe badge(String label) {
            return Html.raw("<span class=\"badge\">" + Html.escapeText(label) + "</span>");
        }

        @TemplateFunction
        static String fails() {
            throw new IllegalStateException("boom");
        }
    }

    public record User(String firstName, int age, Address address) {
    }

    public record Address(String city) {
    }

    public static class Bean {
        public String getFullName() {
            return "Ada Lovelace";
        }

        public boolean isAdmin() {
            return true;
        }

        public String secret() {
            return "not a getter";
        }
    }

    private static String eval(String expression, Map<String, Object> assigns) {
        return Templates.compile("{" + expression + "}", "expr.heex", Owner.class).render(assigns, null).toHtml();
    }

    private static String eval(String expression) {
        return eval(expression, Map.of());
    }

    @Test
    void literals() {
        assertThat(eval("42")).isEqualTo("42");
        assertThat(eval("1_000")).isEqualTo("1000");
        assertThat(eval("1.5")).isEqualTo("1.5");
        assertThat(eval("\"a\\\"b\\n\"")).isEqualTo("a&quot;b\n");
        assertThat(eval(":info")).isEqualTo("info");
        assertThat(eval("true")).isEqualTo("true");
        assertThat(eval("nil")).isEmpty();
        assertThat(eval("[1, 2, 3]")).isEqualTo("123");
        assertThat(eval("map_size(%{\"a\" => 1, b: 2})")).isEqualTo("2");
        assertThat(eval("Map.get([a: 1, b: 2], \"b\")")).isEqualTo("2");
    }

    @Test
    void arithmeticAndComparisonsAsElixir() {
        assertThat(eval("1 + 2 * 3")).isEqualTo("7");
        assertThat(eval("(1 + 2) * 3")).isEqualTo("9");
        assertThat(eval("10 / 4")).isEqualTo("2.5");
        assertThat(eval("10 / 2")).isEqualTo("5.0");
        assertThat(eval("div(10, 3)")).isEqualTo("3");
        assertThat(eval("rem(10, 3)")).isEqualTo("1");
        assertThat(eval("-@n + 1", Map.of("n", 3))).isEqualTo("-2");
        assertThat(eval("1 == 1.0")).isEqualTo("true");
        assertThat(eval("1 != 2 and 3 >= 3")).isEqualTo("true");
        assertThat(eval("\"a\" < \"b\"")).isEqualTo("true");
        assertThat(eval("2 in [1, 2]")).isEqualTo("true");
        assertThat(eval("3 not in [1, 2]")).isEqualTo("true");
        assertThat(eval("Enum.join(1..4, \",\")")).isEqualTo("1,2,3,4");
        assertThat(eval("[1] ++ [2]")).isEqualTo("12");
    }

    @Test
    void truthinessIsElixirsOnlyNilAndFalseAreFalsy() {
        assertThat(eval("@x && \"yes\"", Map.of("x", 0))).isEqualTo("yes");
        assertThat(eval("@x && \"yes\"", Map.of("x", ""))).isEqualTo("yes");
        assertThat(eval("@x && \"yes\"", new HashMap<>(java.util.Collections.singletonMap("x", null)))).isEmpty();
        assertThat(eval("@x || \"default\"", Map.of("x", false))).isEqualTo("default");
        assertThat(eval("!@x", Map.of("x", List.of()))).isEqualTo("false");
        assertThat(eval("not nil")).isEqualTo("true");
    }

    @Test
    void inlineIf() {
        assertThat(eval("if(@on, do: \"on\", else: \"off\")", Map.of("on", false))).isEqualTo("off");
        assertThat(eval("if @on, do: \"on\", else: \"off\"", Map.of("on", true))).isEqualTo("on");
        assertThat(eval("if(@on, do: \"on\")", Map.of("on", false))).isEmpty();
    }

    @Test
    void stringsConcatenateAndInterpolate() {
        assertThat(eval("\"Hello, \" <> @name <> \"!\"", Map.of("name", "<Ada>"))).isEqualTo("Hello, &lt;Ada&gt;!");
        assertThat(eval("\"#{@n} items, #{@n * 2} halves\"", Map.of("n", 3))).isEqualTo("3 items, 6 halves");
        assertThat(eval("\"nested #{\"#{@a}!\"}\"", Map.of("a", "x"))).isEqualTo("nested x!");
        assertThatThrownBy(() -> eval("\"n=\" <> @n", Map.of("n", 3))).isInstanceOf(TemplateException.class)
                .hasMessage("expr.heex:1:10: <> expects strings, got 3 (interpolate with \"#{...}\" to convert)");
    }

    @Test
    void pipesPassTheLeftSideFirst() {
        assertThat(eval("@name |> String.trim() |> String.upcase()", Map.of("name", "  ada "))).isEqualTo("ADA");
        assertThat(eval("@items |> Enum.join(\", \")", Map.of("items", List.of("a", "b")))).isEqualTo("a, b");
        assertThat(eval("\"ab\" |> repeat(2)")).isEqualTo("abab");
    }

    @Test
    void fieldsAreMapKeysRecordComponentsAndGetters() {
        User user = new User("Ada", 36, new Address("London"));
        assertThat(eval("@user.first_name", Map.of("user", user))).isEqualTo("Ada");
        assertThat(eval("@user.firstName", Map.of("user", user))).isEqualTo("Ada");
        assertThat(eval("@user.address.city", Map.of("user", user))).isEqualTo("London");
        assertThat(eval("@bean.full_name", Map.of("bean", new Bean()))).isEqualTo("Ada Lovelace");
        assertThat(eval("@bean.admin", Map.of("bean", new Bean()))).isEqualTo("true");
        assertThat(eval("@m.a.b", Map.of("m", Map.of("a", Map.of("b", 1))))).isEqualTo("1");
        assertThatThrownBy(() -> eval("@bean.secret", Map.of("bean", new Bean()))).isInstanceOf(TemplateException.class)
                .hasMessageContaining("no field, record component or getter .secret on Bean");
        assertThatThrownBy(() -> eval("@m.missing", Map.of("m", Map.of("a", 1)))).isInstanceOf(TemplateException.class)
                .hasMessageContaining("key :missing not found in a map with keys [a]");
        assertThatThrownBy(() -> eval("@u.name", new HashMap<>(java.util.Collections.singletonMap("u", null))))
                .hasMessageContaining("cannot read .name of nil");
    }

    @Test
    void indexingReadsMapsAndLists() {
        Map<String, Object> assigns = new LinkedHashMap<>();
        assigns.put("list", List.of("a", "b", "c"));
        assigns.put("map", Map.of("k", "v", "n", 1));
        assigns.put("key", "k");
        assertThat(eval("@list[1]", assigns)).isEqualTo("b");
        assertThat(eval("@list[-1]", assigns)).isEqualTo("c");
        assertThat(eval("@list[9]", assigns)).isEmpty();
        assertThat(eval("@map[@key]", assigns)).isEqualTo("v");
        assertThat(eval("@map[\"nope\"]", assigns)).isEmpty();
        assertThat(eval("Enum.at(@list, 0)", assigns)).isEqualTo("a");
    }

    @Test
    void builtInFunctions() {
        assertThat(eval("length(@l)", Map.of("l", List.of(1, 2)))).isEqualTo("2");
        assertThat(eval("upcase(\"a\") <> downcase(\"B\")")).isEqualTo("Ab");
        assertThat(eval("String.capitalize(\"élan vital\")")).isEqualTo("Élan vital");
        assertThat(eval("is_nil(nil)")).isEqualTo("true");
        assertThat(eval("Enum.count(@l)", Map.of("l", List.of(1, 2, 3)))).isEqualTo("3");
        assertThat(eval("Enum.empty?([])")).isEqualTo("true");
        assertThat(eval("Enum.sum([1, 2, 3.5])")).isEqualTo("6.5");
        assertThat(eval("max(3, 7) + min(3, 7)")).isEqualTo("10");
        assertThat(eval("to_string(1.0e10)")).isEqualTo("1.0e10");
        assertThat(eval("Map.has_key?(%{a: 1}, \"a\")")).isEqualTo("true");
    }

    @Test
    void ownerFunctionsAreCalledWithTheirArgumentsConverted() {
        assertThat(eval("format_price(@cents)", Map.of("cents", 1999))).isEqualTo("19.99 €");
        assertThat(eval("repeat(\"-\", 3)")).isEqualTo("---");
        assertThatThrownBy(() -> eval("repeat(1, 3)")).isInstanceOf(TemplateException.class)
                .hasMessage("expr.heex:1:2: repeat/2: argument 1 is 1, String expected");
        assertThatThrownBy(() -> eval("fails()")).isInstanceOf(TemplateException.class)
                .hasMessage("expr.heex:1:2: fails/0: boom").hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void everythingIsEscapedButSafeValues() {
        assertThat(eval("@html", Map.of("html", "<script>alert(1)</script>")))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(eval("raw(@html)", Map.of("html", "<b>ok</b>"))).isEqualTo("<b>ok</b>");
        assertThat(eval("badge(@label)", Map.of("label", "<new>"))).isEqualTo("<span class=\"badge\">&lt;new&gt;</span>");
    }

    @Test
    void aMissingAssignSaysWhichAreThere() {
        assertThatThrownBy(() -> eval("@nope", Map.of("count", 1))).isInstanceOf(TemplateException.class)
                .hasMessage("expr.heex:1:2: assign @nope not available in the template (available: [count])");
    }
}
