package io.phoenixspring.live.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.live.html.Html;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java builder renders the JSON of Phoenix's {@code %JS{}} for the same commands (cases and
 * messages from phoenix_live_view 1.0.19's {@code js.ex} and {@code js_test.exs}).
 */
class JSTest {

    @Test
    void eachCommandIsPhoenixsOperationWithDefaultsLeftOut() {
        assertThat(JS.push("inc").toJson()).isEqualTo("[[\"push\",{\"event\":\"inc\"}]]");
        assertThat(JS.push("inc", Map.of("value", Map.of("one", 1, "two", 2), "target", 1, "loading", ".thermo", "page_loading", true))
                .toJson()).isEqualTo("[[\"push\",{\"event\":\"inc\",\"loading\":\".thermo\",\"page_loading\":true,\"target\":1,"
                        + "\"value\":{\"one\":1,\"two\":2}}]]");
        assertThat(JS.toggle("#panel").toJson()).isEqualTo("[[\"toggle\",{\"to\":\"#panel\"}]]");
        assertThat(JS.toggle(Map.of("to", "#modal", "in", "fade-in d-block", "out", List.of("fade-out", "opacity-100", "opacity-0"),
                "time", 300, "display", "flex", "blocking", false)).toJson())
                .isEqualTo("[[\"toggle\",{\"blocking\":false,\"display\":\"flex\",\"ins\":[[\"fade-in\",\"d-block\"],[],[]],"
                        + "\"outs\":[[\"fade-out\"],[\"opacity-100\"],[\"opacity-0\"]],\"time\":300,\"to\":\"#modal\"}]]");
        assertThat(JS.show().toJson()).isEqualTo("[[\"show\",{}]]");
        assertThat(JS.show(Map.of("to", "#modal", "transition", "fade-in", "display", "block")).toJson())
                .isEqualTo("[[\"show\",{\"display\":\"block\",\"to\":\"#modal\",\"transition\":[[\"fade-in\"],[],[]]}]]");
        assertThat(JS.hide("#x").toJson()).isEqualTo("[[\"hide\",{\"to\":\"#x\"}]]");
        assertThat(JS.hide(Map.of("to", JS.closest("a"), "time", 200)).toJson()).isEqualTo("[[\"hide\",{\"time\":200,\"to\":{\"closest\":\"a\"}}]]");
        assertThat(JS.addClass("hl", "#panel").toJson()).isEqualTo("[[\"add_class\",{\"names\":[\"hl\"],\"to\":\"#panel\"}]]");
        assertThat(JS.addClass("  show   hl ").toJson()).isEqualTo("[[\"add_class\",{\"names\":[\"show\",\"hl\"]}]]");
        assertThat(JS.removeClass("show", Map.of("to", JS.inner("a"))).toJson())
                .isEqualTo("[[\"remove_class\",{\"names\":[\"show\"],\"to\":{\"inner\":\"a\"}}]]");
        assertThat(JS.toggleClass("open", "#menu").toJson()).isEqualTo("[[\"toggle_class\",{\"names\":[\"open\"],\"to\":\"#menu\"}]]");
        assertThat(JS.transition(List.of("shake swirl", "opacity-0 a", "opacity-100 b"), Map.of("to", "#modal")).toJson())
                .isEqualTo("[[\"transition\",{\"to\":\"#modal\",\"transition\":[[\"shake\",\"swirl\"],[\"opacity-0\",\"a\"],[\"opacity-100\",\"b\"]]}]]");
        assertThat(JS.setAttribute("aria-expanded", "true", Map.of("to", "#dropdown")).toJson())
                .isEqualTo("[[\"set_attr\",{\"attr\":[\"aria-expanded\",\"true\"],\"to\":\"#dropdown\"}]]");
        assertThat(JS.removeAttribute("disabled").toJson()).isEqualTo("[[\"remove_attr\",{\"attr\":\"disabled\"}]]");
        assertThat(JS.toggleAttribute("open", "true").toJson()).isEqualTo("[[\"toggle_attr\",{\"attr\":[\"open\",\"true\"]}]]");
        assertThat(JS.toggleAttribute("aria-expanded", "true", "false").toJson())
                .isEqualTo("[[\"toggle_attr\",{\"attr\":[\"aria-expanded\",\"true\",\"false\"]}]]");
        assertThat(JS.dispatch("click", Map.of("to", ".nav", "bubbles", false)).toJson())
                .isEqualTo("[[\"dispatch\",{\"bubbles\":false,\"event\":\"click\",\"to\":\".nav\"}]]");
        assertThat(JS.exec("phx-remove", Map.of("to", "#modal")).toJson()).isEqualTo("[[\"exec\",{\"attr\":\"phx-remove\",\"to\":\"#modal\"}]]");
        assertThat(JS.focus().toJson()).isEqualTo("[[\"focus\",{}]]");
        assertThat(JS.focusFirst(Map.of("to", "#form")).toJson()).isEqualTo("[[\"focus_first\",{\"to\":\"#form\"}]]");
        assertThat(JS.pushFocus().then(JS.popFocus()).toJson()).isEqualTo("[[\"push_focus\",{}],[\"pop_focus\",{}]]");
        assertThat(JS.navigate("/counter").toJson()).isEqualTo("[[\"navigate\",{\"href\":\"/counter\",\"replace\":false}]]");
        assertThat(JS.patch("/nav/2", Map.of("replace", true)).toJson()).isEqualTo("[[\"patch\",{\"href\":\"/nav/2\",\"replace\":true}]]");
        assertThat(JS.NONE.toJson()).isEqualTo("[]");
    }

    @Test
    void aValueIsImmutableAndComposesInOrder() {
        JS push = JS.push("lv:clear-flash", Map.of("value", Map.of("key", "info")));
        JS both = push.then(JS.hide("#flash-info"));
        assertThat(push.toJson()).isEqualTo("[[\"push\",{\"event\":\"lv:clear-flash\",\"value\":{\"key\":\"info\"}}]]");
        assertThat(both.toString()).isEqualTo(
                "[[\"push\",{\"event\":\"lv:clear-flash\",\"value\":{\"key\":\"info\"}}],[\"hide\",{\"to\":\"#flash-info\"}]]");
        assertThat(JS.concat(push, JS.hide("#flash-info"))).isEqualTo(both).hasSameHashCodeAs(both);
        assertThat(both).isNotEqualTo(JS.hide("#flash-info").then(push));
        assertThat(JS.call("hide", push, Map.of("to", "#flash-info"))).isEqualTo(both);   // what `|>` calls

        Map<String, Object> value = new HashMap<>(Map.of("key", "info"));
        JS held = JS.push("x", Map.of("value", value));
        value.put("key", "changed");
        assertThat(held.toJson()).as("the map was copied").contains("\"key\":\"info\"");
    }

    @Test
    void theJsonIsJasonsMapKeysSortedStringsEscapedAsJason() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("zeta", List.of(1.5, 2L, true));
        detail.put("alpha", null);
        detail.put("10", "ten");
        detail.put("text", "\"quoted\" \\ back\nnew\tline \u0001 é ✓ </script>");
        assertThat(JS.dispatch("app:x", Map.of("detail", detail)).toJson()).isEqualTo("[[\"dispatch\",{\"detail\":{\"10\":\"ten\","
                + "\"alpha\":null,\"text\":\"\\\"quoted\\\" \\\\ back\\nnew\\tline \\u0001 é ✓ </script>\",\"zeta\":[1.5,2,true]},"
                + "\"event\":\"app:x\"}]]");
        Map<Object, Object> numbered = new LinkedHashMap<>();
        numbered.put("b", 1);
        numbered.put(10, 2);
        numbered.put(2, 3);
        assertThat(JS.push("x", Map.of("value", numbered)).toJson())
                .isEqualTo("[[\"push\",{\"event\":\"x\",\"value\":{\"2\":3,\"10\":2,\"b\":1}}]]");
        assertThat(Html.escape(JS.toggle("#panel"))).isEqualTo("[[&quot;toggle&quot;,{&quot;to&quot;:&quot;#panel&quot;}]]");
        assertThatThrownBy(() -> JS.push("x", Map.of("value", Map.of("when", new Object()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maps, lists, strings, numbers, booleans or nil");
    }

    @Test
    void optionsPhoenixRefusesAreArgumentErrorsWithPhoenixsMessages() {
        assertThatThrownBy(() -> JS.push("inc", Map.of("bad", "opt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid option for push")
                .hasMessageContaining("[:target, :loading, :page_loading, :value], got: :bad");
        assertThatThrownBy(() -> JS.push("inc", Map.of("value", "not-a-map")))
                .hasMessage("push :value expected to be a map, got: \"not-a-map\"");
        assertThatThrownBy(() -> JS.hide(Map.of("to", List.of("sibling", "a"))))
                .hasMessageContaining("invalid scope for :to option in hide. Valid scopes are :closest, :inner, :document. Got: :sibling");
        assertThatThrownBy(() -> JS.dispatch("click", Map.of("detail", Map.of("id", 1))))
                .hasMessageContaining("click events cannot be dispatched with details");
        assertThatThrownBy(() -> JS.dispatch("x", Map.of("bubbles", "yes"))).hasMessage("expected :bubbles to be a boolean, got: \"yes\"");
        assertThatThrownBy(() -> JS.show(Map.of("transition", List.of("a", "b")))).hasMessageContaining("transition");
        assertThatThrownBy(() -> JS.toggle(Map.of("in", 1))).hasMessageContaining("a string of classes or a {transition, start, end} tuple");
        assertThatThrownBy(() -> JS.setAttribute("a", "b", Map.of("time", 1))).hasMessageContaining("invalid option for set_attribute");
        assertThatThrownBy(() -> JS.navigate("/x", Map.of("to", 1))).hasMessageContaining("invalid option for navigate");
        assertThatThrownBy(() -> JS.call("set_attribute", List.of("a", "b", "c"))).hasMessageContaining("an {attr, value} tuple");
        assertThatThrownBy(() -> JS.call("hide", "#x")).hasMessageContaining("keyword options");
        assertThatThrownBy(() -> JS.call("push", 1)).hasMessageContaining("the event must be a string");
    }

    @Test
    void toIsAcceptedByEveryCommandAsPhoenixsValidateKeysDoes() {
        // validate_keys lets a string or scoped :to through before checking the command's own keys
        assertThat(JS.push("inc", Map.of("to", "#modal")).toJson()).isEqualTo("[[\"push\",{\"event\":\"inc\",\"to\":\"#modal\"}]]");
        assertThat(JS.navigate("/x", Map.of("to", "#modal")).toJson()).isEqualTo("[[\"navigate\",{\"href\":\"/x\",\"replace\":false}]]");
        assertThat(JS.show(Map.of("to", JS.document("#modal"))).toJson()).isEqualTo("[[\"show\",{\"to\":\"#modal\"}]]");
        assertThat(JS.toggleAttribute("disabled", null).toJson()).isEqualTo("[[\"toggle_attr\",{\"attr\":[\"disabled\",null]}]]");
    }

    @Test
    void templatesCallPhoenixsClausesByArityAndArgumentTypes() {
        assertThat(JS.defines("push", 1)).isTrue();
        assertThat(JS.defines("push", 3)).isTrue();
        assertThat(JS.defines("push", 4)).isFalse();
        assertThat(JS.defines("hide", 0)).isTrue();
        assertThat(JS.defines("pop_focus", 1)).isTrue();
        assertThat(JS.defines("pop_focus", 2)).isFalse();
        assertThat(JS.defines("concat", 2)).isTrue();
        assertThat(JS.defines("toString", 0)).isFalse();
        assertThat(JS.defines("getClass", 0)).isFalse();
        assertThat(JS.call("push", JS.hide(), "inc")).isEqualTo(JS.hide().then(JS.push("inc")));
        assertThat(JS.call("push", "inc", Map.of("loading", ".x"))).isEqualTo(JS.push("inc", Map.of("loading", ".x")));
        assertThat(JS.call("toggle_attribute", Arrays.asList("open", "true", "false")))
                .isEqualTo(JS.toggleAttribute("open", "true", "false"));
        assertThat(JS.call("pop_focus", JS.focus())).isEqualTo(JS.focus().then(JS.popFocus()));
        List<Object> opts = new ArrayList<>();
        assertThatThrownBy(() -> JS.call("hide", opts)).hasMessageContaining("keyword options");
    }
}
