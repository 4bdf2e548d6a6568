package io.phoenixspring.live.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.live.form.Form;
import io.phoenixspring.live.rendered.Diff;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phoenix.Component's built-in components, in scope without imports, render what phoenix_live_view
 * 1.0's phoenix_component.ex renders.
 */
class BuiltinComponentsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "masked-token";

    /** Renders inside a CSRF context, as the LiveView runtime does. */
    private static String html(String source, Map<String, Object> assigns) {
        Template template = Templates.compile(source, "page.html.heex", null);
        return CsrfContext.with(() -> TOKEN, () -> template.render(assigns, null).toHtml());
    }

    private static String html(String source) {
        return html(source, Map.of());
    }

    // ---------------------------------------------------------------- <.link>

    @Test
    void linksPatchNavigateHrefOrNothingEachWithItsOwnTemplate() {
        assertThat(html("<.link patch=\"/counter?start=0\" id=\"reset-link\">reset</.link>"))
                .isEqualTo("<a href=\"/counter?start=0\" data-phx-link=\"patch\" data-phx-link-state=\"push\" id=\"reset-link\">reset</a>");
        assertThat(html("<.link navigate=\"/\" replace class=\"underline\">home</.link>"))
                .isEqualTo("<a href=\"/\" data-phx-link=\"redirect\" data-phx-link-state=\"replace\" class=\"underline\">home</a>");
        assertThat(html("<.link href=\"/\" target=\"_blank\">Regular anchor link</.link>"))
                .isEqualTo("<a href=\"/\" target=\"_blank\">Regular anchor link</a>");
        assertThat(html("<.link href={@uri}>hello</.link>", Map.of("uri", URI.create("https://elixir-lang.org"))))
                .isEqualTo("<a href=\"https://elixir-lang.org\">hello</a>");
        assertThat(html("<.link phx-click=\"go\">go</.link>")).isEqualTo("<a href=\"#\" phx-click=\"go\">go</a>");
        assertThat(html("<.link href=\"#\">top</.link>")).isEqualTo("<a href=\"#\">top</a>");
        // navigate wins over patch, patch over href, as Phoenix's clause order
        assertThat(html("<.link href=\"/h\" patch=\"/p\" navigate=\"/n\">x</.link>"))
                .isEqualTo("<a href=\"/n\" data-phx-link=\"redirect\" data-phx-link-state=\"push\">x</a>");
    }

    @Test
    void nonGetLinksCarryMethodCsrfTokenAndTarget() {
        assertThat(html("<.link href=\"/the_world\" method=\"delete\" data-confirm=\"Really?\">delete</.link>"))
                .isEqualTo("<a href=\"/the_world\" data-method=\"delete\" data-csrf=\"masked-token\" data-to=\"/the_world\""
                        + " data-confirm=\"Really?\">delete</a>");
        assertThat(html("<.link href=\"/x\" method=\"post\" csrf_token=\"mine\">x</.link>"))
                .isEqualTo("<a href=\"/x\" data-method=\"post\" data-csrf=\"mine\" data-to=\"/x\">x</a>");
        assertThat(html("<.link href=\"/x\" method=\"post\" csrf_token={false}>x</.link>"))
                .isEqualTo("<a href=\"/x\" data-method=\"post\" data-to=\"/x\">x</a>");
        // another host would need a host-signed token: none is given away
        assertThat(html("<.link href=\"https://other.example/x\" method=\"delete\">x</.link>"))
                .isEqualTo("<a href=\"https://other.example/x\" data-method=\"delete\" data-to=\"https://other.example/x\">x</a>");
    }

    @Test
    void unsafeSchemesAndMissingCsrfContextsAreRefused() {
        assertThatThrownBy(() -> html("<.link href=\"javascript:alert(1)\">x</.link>"))
                .hasMessageContaining("unsupported scheme given to <.link>");
        Template delete = Templates.compile("<.link href=\"/x\" method=\"delete\">x</.link>", "page.html.heex", null);
        assertThatThrownBy(() -> delete.render(Map.of(), null).toHtml()).hasMessageContaining("no CSRF token to render for /x");
    }

    @Test
    void switchingClausesSendsTheOtherTemplatesStatics() {
        Template template = Templates.compile("<.link navigate={@nav} patch={@patch}>go</.link>", "page.html.heex", null);
        Diff diff = new Diff();
        Map<String, Object> assigns = new HashMap<>();
        assigns.put("nav", "/a");
        assigns.put("patch", null);
        assertThat(json(diff.render(template.render(assigns, null)))).isEqualTo(JSON.readTree("""
                {"0": {"0":" href=\\"/a\\"","1":" data-phx-link-state=\\"push\\"","2":"","3":{"s":["go"]},"r":1,
                       "s":["<a"," data-phx-link=\\"redirect\\"","",">","</a>"]},
                 "s": ["",""]}
                """));
        assigns.put("nav", null);
        assigns.put("patch", "/b");
        assertThat(json(diff.render(template.render(assigns, Set.of("nav", "patch"))))).isEqualTo(JSON.readTree("""
                {"0": {"0":" href=\\"/b\\"","1":" data-phx-link-state=\\"push\\"","2":"","3":{"s":["go"]},"r":1,
                       "s":["<a"," data-phx-link=\\"patch\\"","",">","</a>"]}}
                """));
        assigns.put("patch", "/c");
        assertThat(json(diff.render(template.render(assigns, Set.of("patch")))))
                .isEqualTo(JSON.readTree("{\"0\": {\"0\":\" href=\\\"/c\\\"\",\"2\":\"\"}}"));
    }

    // ---------------------------------------------------------------- <.form>

    @Test
    void formsWithAnActionGetTheirMethodAndCsrfInputsAsPhoenixRendersThem() {
        assertThat(html("<.form for={%{}} action=\"/users/1\" method=\"put\" id=\"f\">x</.form>")).isEqualTo("""
                <form action="/users/1" method="post" id="f">
                  <input name="_method" type="hidden" hidden value="put">
                  <input name="_csrf_token" type="hidden" hidden value="masked-token">
                  x
                </form>""");
        assertThat(html("<.form for={%{}} action=\"/search\" method=\"GET\">x</.form>")).isEqualTo("""
                <form action="/search" method="get">
                 \s
                 \s
                  x
                </form>""");
        assertThat(html("<.form for={%{}} action=\"/users\" csrf_token={false}>x</.form>")).isEqualTo("""
                <form action="/users" method="post">
                 \s
                 \s
                  x
                </form>""");
        Template post = Templates.compile("<.form for={%{}} action=\"/users\">x</.form>", "page.html.heex", null);
        assertThatThrownBy(() -> post.render(Map.of(), null).toHtml()).hasMessageContaining("no CSRF token");
    }

    @Test
    void withoutAnActionMethodAndCsrfAreNotRendered() {
        assertThat(html("<.form for={%{}} phx-submit=\"save\">x</.form>")).isEqualTo("""
                <form phx-submit="save">
                 \s
                 \s
                  x
                </form>""");
        assertThat(html("<.form for={%{}} multipart phx-submit=\"up\" enctype=\"text/plain\">x</.form>"))
                .startsWith("<form enctype=\"multipart/form-data\" phx-submit=\"up\">");
    }

    @Test
    void attributesComeInPhoenixsOrderReversedForAFormSortedForAMap() {
        String call = "<.form for={@for} id=\"user-form\" phx-change=\"validate\" phx-submit=\"save\">x</.form>";
        assertThat(html(call, Map.of("for", Form.of(Map.of(), "user"))))
                .startsWith("<form phx-submit=\"save\" phx-change=\"validate\" id=\"user-form\">");
        assertThat(html(call, Map.of("for", Map.of())))
                .startsWith("<form id=\"user-form\" phx-change=\"validate\" phx-submit=\"save\">");
        assertThat(html("<.form for={@for} action=\"/up\" multipart id=\"u\">x</.form>", Map.of("for", Form.of(Map.of(), "f"))))
                .startsWith("<form enctype=\"multipart/form-data\" action=\"/up\" method=\"post\" id=\"u\">");
    }

    @Test
    void letYieldsTheFormWithAsIdAndErrors() {
        String fields = "<input name={f[:name].name} id={f[:name].id} value={f[:name].value} data-errors={Enum.join(f[:name].errors, \",\")}>";
        assertThat(html("<.form :let={f} for={%{\"name\" => \"Ada\"}} as={:user} id=\"user-form\" errors={%{\"name\" => [\"bad\"]}}>"
                + fields + "</.form>")).contains("<form id=\"user-form\">").contains(
                        "<input name=\"user[name]\" id=\"user-form_name\" value=\"Ada\" data-errors=\"bad\">");
        assertThat(html("<.form :let={f} for={@form} as=\"account\">" + fields + "</.form>",
                Map.of("form", Form.of(Map.of("name", "Bob"), "user"))))
                .startsWith("<form>").contains("<input name=\"account[name]\" id=\"account_name\" value=\"Bob\" data-errors=\"\">");
    }

    // ---------------------------------------------------------------- the others

    @Test
    void liveTitleRendersItsDefaultPrefixAndSuffixForTheClient() {
        String title = "<.live_title default=\"Live\" suffix=\" · Live\">{assigns[:page_title]}</.live_title>";
        assertThat(html(title, Map.of("page_title", "Count 5")))
                .isEqualTo("<title data-default=\"Live\" data-suffix=\" · Live\">Count 5 · Live</title>");
        assertThat(html(title)).isEqualTo("<title data-default=\"Live\" data-suffix=\" · Live\">Live · Live</title>");
        assertThat(html("<.live_title prefix=\"App · \">{@t}</.live_title>", Map.of("t", "<b>")))
                .isEqualTo("<title data-prefix=\"App · \">App · &lt;b&gt;</title>");
    }

    @Test
    void focusWrapAndDynamicTag() {
        assertThat(html("<.focus_wrap id=\"my-modal\" class=\"bg-white\">Are you sure?</.focus_wrap>")).isEqualTo("""
                <div id="my-modal" phx-hook="Phoenix.FocusWrap" class="bg-white">
                  <span id="my-modal-start" tabindex="0" aria-hidden="true"></span>
                  Are you sure?
                  <span id="my-modal-end" tabindex="0" aria-hidden="true"></span>
                </div>""");
        assertThat(html("<.dynamic_tag tag_name=\"input\" name=\"my-input\" type=\"text\" />"))
                .isEqualTo("<input name=\"my-input\" type=\"text\"/>");
        assertThat(html("<.dynamic_tag tag_name={@tag} class=\"x\">content</.dynamic_tag>", Map.of("tag", "p")))
                .isEqualTo("<p class=\"x\">content</p>");
        assertThatThrownBy(() -> html("<.dynamic_tag tag_name={@tag} />", Map.of("tag", "x><script")))
                .hasMessageContaining("expected dynamic_tag name to be safe HTML");
    }

    @Test
    void aClassesOwnComponentShadowsTheBuiltIn() {
        assertThat(Templates.compile("<.link to=\"/x\" />", "page.html.heex", Shadowing.class).render(Map.of(), null).toHtml())
                .isEqualTo("<a class=\"mine\" href=\"/x\"></a>");
    }

    static class Shadowing {
        @FunctionComponent(template = "<a class=\"mine\" href={@to}></a>")
        @Attr(name = "to", required = true)
        static void link() {
        }
    }

    private static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }
}
