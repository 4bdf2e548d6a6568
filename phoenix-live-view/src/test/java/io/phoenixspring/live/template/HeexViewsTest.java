package io.phoenixspring.live.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Controller views on HEEx: embed_templates, templates calling each other, layouts, CSRF in forms, start-up errors. */
class HeexViewsTest {

    @EmbedTemplates("note_html")
    static final class NoteHTML {
        @FunctionComponent(template = "<button>{String.upcase(@text)}</button>")
        @Attr(name = "text", type = AttrType.STRING, required = true)
        static void shout() {
        }
    }

    @EmbedTemplates("layouts")
    @TemplateImports(CoreComponents.class)
    static final class Layouts {
    }

    @EmbedTemplates("broken_html")
    static final class BrokenHTML {
    }

    static final class NotAView {
    }

    private final HeexViews views = new HeexViews();

    @Test
    void embedsEveryTemplateOfItsFolderByName() {
        assertThat(Templates.embeddedNames(NoteHTML.class)).containsExactly("new", "note_form", "show");
        assertThat(views.renders(NoteHTML.class)).isTrue();
        assertThat(views.renders(NotAView.class)).isFalse();
        assertThat(views.exists(NoteHTML.class, "show")).isTrue();
        assertThat(views.exists(NoteHTML.class, "edit")).isFalse();
    }

    @Test
    void aTemplateCallsAnotherEmbeddedTemplateAndTheClassComponents() {
        Map<String, Object> assigns = Map.of("note", Map.of("title", "Groceries <b>", "body", "eggs"),
                "csrf_token", "masked-token");
        Document page = Jsoup.parse(views.render(NoteHTML.class, "show", assigns));

        assertThat(page.selectFirst("#title").text()).isEqualTo("Groceries <b>");
        assertThat(page.selectFirst("#title").html()).isEqualTo("Groceries &lt;b&gt;");
        assertThat(page.selectFirst("form").attr("action")).isEqualTo("/notes/1");
        assertThat(page.selectFirst("form input[name=_csrf_token]").val()).isEqualTo("masked-token");
        assertThat(page.selectFirst("form input[name=note[title]]").val()).isEqualTo("Groceries <b>");
        assertThat(page.selectFirst("form button").text()).isEqualTo("SAVE");
    }

    @Test
    void aFormWithoutTheRequestsCsrfTokenSaysWhatToFetch() {
        assertThatThrownBy(() -> views.render(NoteHTML.class, "new", Map.of()))
                .hasMessageContaining("no CSRF token for a form or link of NoteHTML.new")
                .hasMessageContaining("Plugs.fetchSession() and Plugs.protectFromForgery()");
    }

    @Test
    void layoutsGetThePageAsInnerContentWithoutEscapingItAgain() {
        Map<String, Object> assigns = new LinkedHashMap<>();
        assigns.put("flash", Map.of("info", "Saved & done"));
        assigns.put("csrf_token", "masked-token");
        assigns.put("page_title", "Notes");
        assigns.put("inner_content", "<p id=\"page\">the page &amp; more</p>");
        String app = views.render(Layouts.class, "app", assigns);
        assigns.put("inner_content", app);
        Document page = Jsoup.parse(views.render(Layouts.class, "root", assigns));

        assertThat(page.title()).isEqualTo("Notes");
        assertThat(page.selectFirst("meta[name=csrf-token]").attr("content")).isEqualTo("masked-token");
        assertThat(page.selectFirst("#app-layout > #page").text()).isEqualTo("the page & more");
        assertThat(page.selectFirst("#app-layout #flash-info").text()).isEqualTo("Saved & done");
        assertThat(page.select("#flash-error")).isEmpty();
    }

    @Test
    void aMissingTemplateNamesTheFolderAndWhatExists() {
        assertThatThrownBy(() -> views.render(NoteHTML.class, "edit", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NoteHTML has no template \"edit\": add edit.html.heex to its embedded folder note_html "
                        + "(it has [new, note_form, show])");
    }

    @Test
    void compilingAViewAtStartUpReportsFileLineAndColumn() {
        assertThat(views.compileAll(NoteHTML.class)).containsExactly("new", "note_form", "show");
        assertThatThrownBy(() -> views.compileAll(BrokenHTML.class))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("io/phoenixspring/live/template/broken_html/bad.html.heex:2:");
    }
}
