package io.phoenixspring.live.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** phoenix_html's escaping and attribute rules. */
class HtmlTest {

    @Test
    void escapesTheFiveHtmlCharacters() {
        assertThat(Html.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
        assertThat(Html.escape("plain")).isEqualTo("plain");
    }

    @Test
    void safeValuesAreNotEscapedAgainAndRawIsTheWayToMakeThem() {
        Safe bold = Html.raw("<b>bold</b>");
        assertThat(Html.escape(bold)).isEqualTo("<b>bold</b>");
        assertThat(Html.escape(List.of(bold, "<i>"))).isEqualTo("<b>bold</b>&lt;i&gt;");
        assertThat(Html.raw(null).html()).isEmpty();
    }

    @Test
    void valuesBecomeTextAsElixirsToString() {
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape(42)).isEqualTo("42");
        assertThat(Html.escape(2.0)).isEqualTo("2.0");
        assertThat(Html.escape(1.0e10)).isEqualTo("1.0e10");
        assertThat(Html.escape(true)).isEqualTo("true");
        assertThatThrownBy(() -> Html.escape(Map.of("a", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("map");
    }

    @Test
    void attributesOmitNilAndFalseAndRenderTrueBare() {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("id", "save");
        attrs.put("disabled", true);
        attrs.put("hidden", false);
        attrs.put("title", null);
        attrs.put("data-x", "a\"b");
        assertThat(Html.attributes(attrs).html()).isEqualTo(" id=\"save\" disabled data-x=\"a&quot;b\"");
    }

    @Test
    void classListsDropNilAndFalse() {
        assertThat(Html.attribute("class", Arrays.asList("btn", null, false, "active", List.of("big", false))))
                .isEqualTo(" class=\"btn active big\"");
        assertThat(Html.classValue(null)).isEmpty();
        assertThat(Html.classValue(true)).isEmpty();
    }

    @Test
    void nestedDataAriaAndPhxMapsBecomePrefixedAttributes() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("confirm", "Sure?");
        data.put("off", false);
        assertThat(Html.attributes(Map.of("data", data)).html()).isEqualTo(" data-confirm=\"Sure?\"");
    }

    @Test
    void attributesAreAMapOrAListOfPairsInOrder() {
        assertThat(Html.attributes(List.of(Map.entry("b", "2"), List.of("a", "1"))).html()).isEqualTo(" b=\"2\" a=\"1\"");
        assertThatThrownBy(() -> Html.attributes(List.of("oops"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNumericDomIdIsRefusedAsPhoenixDoes() {
        assertThatThrownBy(() -> Html.attribute("id", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("number");
    }
}
