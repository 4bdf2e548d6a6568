package io.phoenixspring.live.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.live.html.Html;
import io.phoenixspring.live.rendered.Diff;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code JS.*} in templates, written as Phoenix writes it (keyword options, tuples, {@code |>}): each
 * expression of Phoenix's own {@code test/phoenix_live_view/js_test.exs} (v1.0.19) renders the JSON of
 * the {@code %JS{}} it asserts, HTML-escaped in the attribute as {@code Phoenix.HTML.Safe} does.
 */
class JsCommandsTest {

    static Stream<Arguments> phoenixCases() {
        return Stream.of(
                // exec
                Arguments.of("JS.exec(\"phx-remove\")", "[[\"exec\",{\"attr\":\"phx-remove\"}]]"),
                Arguments.of("JS.exec(\"phx-remove\", to: \"#modal\")", "[[\"exec\",{\"attr\":\"phx-remove\",\"to\":\"#modal\"}]]"),
                // push
                Arguments.of("JS.push(\"inc\")", "[[\"push\",{\"event\":\"inc\"}]]"),
                Arguments.of("JS.push(\"inc\", target: \"#modal\")", "[[\"push\",{\"event\":\"inc\",\"target\":\"#modal\"}]]"),
                Arguments.of("JS.push(\"inc\", target: 1)", "[[\"push\",{\"event\":\"inc\",\"target\":1}]]"),
                Arguments.of("JS.push(\"inc\", loading: \"#modal\")", "[[\"push\",{\"event\":\"inc\",\"loading\":\"#modal\"}]]"),
                Arguments.of("JS.push(\"inc\", page_loading: true)", "[[\"push\",{\"event\":\"inc\",\"page_loading\":true}]]"),
                Arguments.of("JS.push(\"inc\", value: %{one: 1, two: 2})", "[[\"push\",{\"event\":\"inc\",\"value\":{\"one\":1,\"two\":2}}]]"),
                Arguments.of("JS.push(\"inc\", value: %{two: 2, one: 1})", "[[\"push\",{\"event\":\"inc\",\"value\":{\"one\":1,\"two\":2}}]]"),
                Arguments.of("JS.push(\"inc\") |> JS.push(\"dec\", loading: \".foo\")",
                        "[[\"push\",{\"event\":\"inc\"}],[\"push\",{\"event\":\"dec\",\"loading\":\".foo\"}]]"),
                Arguments.of("JS.push(\"lv:clear-flash\", value: %{key: :info}) |> JS.hide(to: \"#flash-info\")",
                        "[[\"push\",{\"event\":\"lv:clear-flash\",\"value\":{\"key\":\"info\"}}],[\"hide\",{\"to\":\"#flash-info\"}]]"),
                // add_class, remove_class, toggle_class
                Arguments.of("JS.add_class(\"show\")", "[[\"add_class\",{\"names\":[\"show\"]}]]"),
                Arguments.of("JS.add_class(\"show\", to: {:closest, \"a\"})", "[[\"add_class\",{\"names\":[\"show\"],\"to\":{\"closest\":\"a\"}}]]"),
                Arguments.of("JS.add_class(\"show\", to: \"#modal\")", "[[\"add_class\",{\"names\":[\"show\"],\"to\":\"#modal\"}]]"),
                Arguments.of("JS.add_class(\"show hl\")", "[[\"add_class\",{\"names\":[\"show\",\"hl\"]}]]"),
                Arguments.of("JS.add_class(\"show\", time: 543)", "[[\"add_class\",{\"names\":[\"show\"],\"time\":543}]]"),
                Arguments.of("JS.add_class(\"show\", transition: \"fade\")", "[[\"add_class\",{\"names\":[\"show\"],\"transition\":[[\"fade\"],[],[]]}]]"),
                Arguments.of("JS.add_class(\"show\", transition: \"fade\", blocking: false)",
                        "[[\"add_class\",{\"blocking\":false,\"names\":[\"show\"],\"transition\":[[\"fade\"],[],[]]}]]"),
                Arguments.of("JS.add_class(\"c\", transition: \"a b\")", "[[\"add_class\",{\"names\":[\"c\"],\"transition\":[[\"a\",\"b\"],[],[]]}]]"),
                Arguments.of("JS.add_class(\"show\", transition: {\"fade\", \"opacity-0\", \"opacity-100\"})",
                        "[[\"add_class\",{\"names\":[\"show\"],\"transition\":[[\"fade\"],[\"opacity-0\"],[\"opacity-100\"]]}]]"),
                Arguments.of("JS.add_class(\"show\", to: \"#modal\", time: 100) |> JS.add_class(\"hl\")",
                        "[[\"add_class\",{\"names\":[\"show\"],\"time\":100,\"to\":\"#modal\"}],[\"add_class\",{\"names\":[\"hl\"]}]]"),
                Arguments.of("JS.remove_class(\"show\", to: {:inner, \"a\"})", "[[\"remove_class\",{\"names\":[\"show\"],\"to\":{\"inner\":\"a\"}}]]"),
                Arguments.of("JS.remove_class(\"show\", to: \"#modal\", time: 100) |> JS.remove_class(\"hl\")",
                        "[[\"remove_class\",{\"names\":[\"show\"],\"time\":100,\"to\":\"#modal\"}],[\"remove_class\",{\"names\":[\"hl\"]}]]"),
                Arguments.of("JS.toggle_class(\"show\", transition: \"fade\", blocking: false)",
                        "[[\"toggle_class\",{\"blocking\":false,\"names\":[\"show\"],\"transition\":[[\"fade\"],[],[]]}]]"),
                // dispatch
                Arguments.of("JS.dispatch(\"click\", to: \"#modal\")", "[[\"dispatch\",{\"event\":\"click\",\"to\":\"#modal\"}]]"),
                Arguments.of("JS.dispatch(\"click\")", "[[\"dispatch\",{\"event\":\"click\"}]]"),
                Arguments.of("JS.dispatch(\"click\", bubbles: false)", "[[\"dispatch\",{\"bubbles\":false,\"event\":\"click\"}]]"),
                Arguments.of("JS.dispatch(\"click\", to: \"#modal\") |> JS.dispatch(\"keydown\", to: \"#keyboard\") |> JS.dispatch(\"keyup\")",
                        "[[\"dispatch\",{\"event\":\"click\",\"to\":\"#modal\"}],[\"dispatch\",{\"event\":\"keydown\",\"to\":\"#keyboard\"}],"
                                + "[\"dispatch\",{\"event\":\"keyup\"}]]"),
                Arguments.of("JS.dispatch(\"my_app:clipcopy\", to: \"#text\", detail: %{id: 123})",
                        "[[\"dispatch\",{\"detail\":{\"id\":123},\"event\":\"my_app:clipcopy\",\"to\":\"#text\"}]]"),
                // toggle
                Arguments.of("JS.toggle(to: \"#modal\")", "[[\"toggle\",{\"to\":\"#modal\"}]]"),
                Arguments.of("JS.toggle(to: {:closest, \".modal\"})", "[[\"toggle\",{\"to\":{\"closest\":\".modal\"}}]]"),
                Arguments.of("JS.toggle(to: \"#modal\", in: \"fade-in d-block\", out: \"fade-out d-block\")",
                        "[[\"toggle\",{\"ins\":[[\"fade-in\",\"d-block\"],[],[]],\"outs\":[[\"fade-out\",\"d-block\"],[],[]],\"to\":\"#modal\"}]]"),
                Arguments.of("JS.toggle(to: \"#modal\", in: {\"fade-in\", \"opacity-0\", \"opacity-100\"}, out: {\"fade-out\", \"opacity-100\", \"opacity-0\"})",
                        "[[\"toggle\",{\"ins\":[[\"fade-in\"],[\"opacity-0\"],[\"opacity-100\"]],\"outs\":[[\"fade-out\"],[\"opacity-100\"],[\"opacity-0\"]],"
                                + "\"to\":\"#modal\"}]]"),
                Arguments.of("JS.toggle(to: \"#modal\", time: 123)", "[[\"toggle\",{\"time\":123,\"to\":\"#modal\"}]]"),
                Arguments.of("JS.toggle(to: \"#modal\", display: \"block\")", "[[\"toggle\",{\"display\":\"block\",\"to\":\"#modal\"}]]"),
                Arguments.of("JS.toggle(to: \"#modal\") |> JS.toggle(to: \"#keyboard\", time: 123)",
                        "[[\"toggle\",{\"to\":\"#modal\"}],[\"toggle\",{\"time\":123,\"to\":\"#keyboard\"}]]"),
                // show, hide
                Arguments.of("JS.show(to: {:inner, \".modal\"})", "[[\"show\",{\"to\":{\"inner\":\".modal\"}}]]"),
                Arguments.of("JS.show(to: \"#modal\", transition: {\"fade-in d-block\", \"opacity-0 -translate-x-full\", \"opacity-100 translate-x-0\"})",
                        "[[\"show\",{\"to\":\"#modal\",\"transition\":[[\"fade-in\",\"d-block\"],[\"opacity-0\",\"-translate-x-full\"],"
                                + "[\"opacity-100\",\"translate-x-0\"]]}]]"),
                Arguments.of("JS.show(to: \"#modal\", display: \"block\")", "[[\"show\",{\"display\":\"block\",\"to\":\"#modal\"}]]"),
                Arguments.of("JS.show(to: \"#modal\", time: 123)", "[[\"show\",{\"time\":123,\"to\":\"#modal\"}]]"),
                Arguments.of("JS.show(to: {:document, \"#modal\"})", "[[\"show\",{\"to\":\"#modal\"}]]"),
                Arguments.of("JS.hide(to: \"#modal\", transition: \"fade-out d-block\")",
                        "[[\"hide\",{\"to\":\"#modal\",\"transition\":[[\"fade-out\",\"d-block\"],[],[]]}]]"),
                Arguments.of("JS.hide(to: {:closest, \"a\"})", "[[\"hide\",{\"to\":{\"closest\":\"a\"}}]]"),
                Arguments.of("JS.hide(to: \"#modal\") |> JS.hide(to: \"#keyboard\", time: 123)",
                        "[[\"hide\",{\"to\":\"#modal\"}],[\"hide\",{\"time\":123,\"to\":\"#keyboard\"}]]"),
                Arguments.of("JS.hide()", "[[\"hide\",{}]]"),
                // transition
                Arguments.of("JS.transition(\"shake\")", "[[\"transition\",{\"transition\":[[\"shake\"],[],[]]}]]"),
                Arguments.of("JS.transition(\"shake\", to: {:inner, \"a\"})", "[[\"transition\",{\"to\":{\"inner\":\"a\"},\"transition\":[[\"shake\"],[],[]]}]]"),
                Arguments.of("JS.transition({\"shake swirl\", \"opacity-0 a\", \"opacity-100 b\"}, to: \"#modal\")",
                        "[[\"transition\",{\"to\":\"#modal\",\"transition\":[[\"shake\",\"swirl\"],[\"opacity-0\",\"a\"],[\"opacity-100\",\"b\"]]}]]"),
                Arguments.of("JS.transition(\"shake\", to: \"#modal\", time: 123)",
                        "[[\"transition\",{\"time\":123,\"to\":\"#modal\",\"transition\":[[\"shake\"],[],[]]}]]"),
                // attributes
                Arguments.of("JS.set_attribute({\"aria-expanded\", \"true\"}, to: {:inner, \".dropdown\"})",
                        "[[\"set_attr\",{\"attr\":[\"aria-expanded\",\"true\"],\"to\":{\"inner\":\".dropdown\"}}]]"),
                Arguments.of("JS.set_attribute({\"expanded\", \"true\"}) |> JS.set_attribute({\"has-popup\", \"true\"}) "
                        + "|> JS.set_attribute({\"has-popup\", \"true\"}, to: \"#dropdown\")",
                        "[[\"set_attr\",{\"attr\":[\"expanded\",\"true\"]}],[\"set_attr\",{\"attr\":[\"has-popup\",\"true\"]}],"
                                + "[\"set_attr\",{\"attr\":[\"has-popup\",\"true\"],\"to\":\"#dropdown\"}]]"),
                Arguments.of("JS.remove_attribute(\"aria-expanded\", to: \"#dropdown\")", "[[\"remove_attr\",{\"attr\":\"aria-expanded\",\"to\":\"#dropdown\"}]]"),
                Arguments.of("{\"aria-expanded\", \"true\", \"false\"} |> JS.toggle_attribute() |> JS.toggle_attribute({\"open\", \"true\"}) "
                        + "|> JS.toggle_attribute({\"disabled\", \"true\"}, to: \"#dropdown\")",
                        "[[\"toggle_attr\",{\"attr\":[\"aria-expanded\",\"true\",\"false\"]}],[\"toggle_attr\",{\"attr\":[\"open\",\"true\"]}],"
                                + "[\"toggle_attr\",{\"attr\":[\"disabled\",\"true\"],\"to\":\"#dropdown\"}]]"),
                // focus
                Arguments.of("JS.focus()", "[[\"focus\",{}]]"),
                Arguments.of("JS.focus(to: {:inner, \"input\"})", "[[\"focus\",{\"to\":{\"inner\":\"input\"}}]]"),
                Arguments.of("JS.set_attribute({\"expanded\", \"true\"}) |> JS.focus_first()",
                        "[[\"set_attr\",{\"attr\":[\"expanded\",\"true\"]}],[\"focus_first\",{}]]"),
                Arguments.of("JS.push_focus(to: \"input\")", "[[\"push_focus\",{\"to\":\"input\"}]]"),
                Arguments.of("JS.pop_focus()", "[[\"pop_focus\",{}]]"),
                Arguments.of("JS.set_attribute({\"expanded\", \"true\"}) |> JS.pop_focus()",
                        "[[\"set_attr\",{\"attr\":[\"expanded\",\"true\"]}],[\"pop_focus\",{}]]"),
                // navigate, patch (js.ex: replace is always sent)
                Arguments.of("JS.navigate(\"/counter\")", "[[\"navigate\",{\"href\":\"/counter\",\"replace\":false}]]"),
                Arguments.of("JS.patch(\"/nav/2\", replace: true)", "[[\"patch\",{\"href\":\"/nav/2\",\"replace\":true}]]"),
                Arguments.of("JS.push(\"save\") |> JS.navigate(\"/list\", replace: nil)",
                        "[[\"push\",{\"event\":\"save\"}],[\"navigate\",{\"href\":\"/list\",\"replace\":false}]]"),
                // concat
                Arguments.of("JS.concat(JS.push(\"inc\", value: %{one: 1, two: 2}), JS.add_class(\"show\", to: \"#modal\", time: 100)) "
                        + "|> JS.concat(JS.remove_class(\"show\"))",
                        "[[\"push\",{\"event\":\"inc\",\"value\":{\"one\":1,\"two\":2}}],[\"add_class\",{\"names\":[\"show\"],\"time\":100,\"to\":\"#modal\"}],"
                                + "[\"remove_class\",{\"names\":[\"show\"]}]]"));
    }

    private static String render(String template, Map<String, Object> assigns) {
        return Templates.compile(template, "js.heex", null).render(assigns, null).toHtml();
    }

    @ParameterizedTest
    @MethodSource("phoenixCases")
    void phoenixExpressionsRenderPhoenixsJsonEscapedInTheAttribute(String expression, String json) {
        assertThat(render("<button phx-click={" + expression + "}>x</button>", Map.of()))
                .isEqualTo("<button phx-click=\"" + Html.escapeText(json) + "\">x</button>");
    }

    @Test
    void theEncodingIsPhoenixsByteForByte() {
        // js_test.exs "encoding": Phoenix.HTML.Safe.to_iodata(js)
        assertThat(render("{JS.push(\"inc\", value: %{one: 1, two: 2})}", Map.of()))
                .isEqualTo("[[&quot;push&quot;,{&quot;event&quot;:&quot;inc&quot;,&quot;value&quot;:{&quot;one&quot;:1,&quot;two&quot;:2}}]]");
        assertThat(render("{JS.transition(\"shake\", to: \"#modal\")}", Map.of())).isEqualTo(
                "[[&quot;transition&quot;,{&quot;to&quot;:&quot;#modal&quot;,&quot;transition&quot;:[[&quot;shake&quot;],[],[]]}]]");
        assertThat(render("{JS.toggle_attribute({\"aria-expanded\", \"true\", \"false\"})}", Map.of())).isEqualTo(
                "[[&quot;toggle_attr&quot;,{&quot;attr&quot;:[&quot;aria-expanded&quot;,&quot;true&quot;,&quot;false&quot;]}]]");
        // the transcripts' dead render
        assertThat(render("<button id=\"toggle-panel\" phx-click={JS.toggle(to: \"#panel\")}>toggle panel</button>", Map.of()))
                .isEqualTo("<button id=\"toggle-panel\" phx-click=\"[[&quot;toggle&quot;,{&quot;to&quot;:&quot;#panel&quot;}]]\">toggle panel</button>");
        // quotes, apostrophes and markup in values stay inside the attribute
        assertThat(render("<a phx-click={JS.push(\"x\", value: %{q: @q})}></a>", Map.of("q", "<b>\"it's\"</b> \\ \n")))
                .isEqualTo("<a phx-click=\"[[&quot;push&quot;,{&quot;event&quot;:&quot;x&quot;,&quot;value&quot;:{&quot;q&quot;:"
                        + "&quot;&lt;b&gt;\\&quot;it&#39;s\\&quot;&lt;/b&gt; \\\\ \\n&quot;}}]]\"></a>");
    }

    @Test
    void assignsAndInterpolationInsideJsArgumentsAreTrackedLikeAnyExpression() {
        Template template = Templates.compile("""
                <div id={@id} phx-click={JS.push("lv:clear-flash", value: %{key: @kind}) |> JS.hide(to: "##{@id}")}>{@title}</div>""",
                "flash.heex", null);
        Map<String, Object> assigns = new LinkedHashMap<>(Map.of("id", "flash-info", "kind", "info", "title", "Saved"));
        Diff diff = new Diff();
        Map<String, Object> first = diff.render(template.render(assigns, null));
        assertThat(first.get("1")).isEqualTo(" phx-click=\"" + Html.escapeText(
                "[[\"push\",{\"event\":\"lv:clear-flash\",\"value\":{\"key\":\"info\"}}],[\"hide\",{\"to\":\"#flash-info\"}]]") + "\"");
        assigns.put("title", "Saved again");
        assertThat(diff.render(template.render(assigns, Set.of("title")))).containsOnlyKeys("2");
        assigns.put("kind", "error");
        assertThat(diff.render(template.render(assigns, Set.of("kind"))).get("1")).asString().contains("&quot;key&quot;:&quot;error&quot;");
    }

    @Test
    void optionsPhoenixRefusesAreCompileErrorsWhenTheArgumentsAreLiterals() {
        assertThatThrownBy(() -> render("<button phx-click={JS.hide(to: \"#modal\", bad: :opt)}>", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("js.heex:1:")
                .hasMessageContaining("invalid option for hide").hasMessageContaining("got: :bad");
        assertThatThrownBy(() -> render("{JS.add_class(\"show\", to: {:sibling, \"foo\"})}", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("invalid scope for :to option in add_class");
        assertThatThrownBy(() -> render("{JS.push(\"inc\", value: \"not-a-map\")}", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("push :value expected to be a map");
        assertThatThrownBy(() -> render("{JS.push(\"x\") |> JS.dispatch(\"click\", to: \".foo\", detail: %{id: 123})}", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("click events cannot be dispatched with details");
        assertThatThrownBy(() -> render("{JS.transition([\"a\"])}", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("transition");
        assertThatThrownBy(() -> render("{JS.hide(\"#modal\")}", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("keyword options");
    }

    @Test
    void optionsPhoenixRefusesFailTheRenderWhenTheyComeFromAssigns() {
        Template template = Templates.compile("<p phx-click={JS.push(\"inc\", value: @value)}></p>", "js.heex", null);
        assertThatThrownBy(() -> template.render(Map.of("value", "not-a-map"), null).toHtml())
                .hasMessageContaining("JS.push/2").hasMessageContaining("push :value expected to be a map, got: \"not-a-map\"");
    }

    @Test
    void jsIsTheOnlyModuleAndOnlyWithPhoenixsFunctionsAndArities() {
        assertThatThrownBy(() -> render("{JS.eval(\"alert(1)\")}", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("unknown function JS.eval/1");
        assertThatThrownBy(() -> render("{JS.push(\"a\", \"b\", [], [])}", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("unknown function JS.push/4");
        assertThatThrownBy(() -> render("{JS.pop_focus(1, 2)}", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("unknown function JS.pop_focus/2");
        assertThatThrownBy(() -> render("{JS}", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("module references are not allowed");
        assertThatThrownBy(() -> render("{System.exit(0)}", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("unknown function System.exit/1");
    }

    @Test
    void tuplesAreFixedListsThatPatternsMatch() {
        assertThat(render("{Enum.join({\"a\", \"b\"}, \"-\")}", Map.of())).isEqualTo("a-b");
        assertThat(render("<%= for {k, v} <- [{\"x\", 1}, {\"y\", 2}] do %>{k}={v};<% end %>", Map.of())).isEqualTo("x=1;y=2;");
    }
}
