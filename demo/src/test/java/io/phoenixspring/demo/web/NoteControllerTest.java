package io.phoenixspring.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.Html;
import io.phoenixspring.test.SentConn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notes pages as Phoenix's generated controller tests read: a controller rendering HEEx templates with the core
 * components, inside the layouts the LiveViews use, and ErrorHTML's 404 page.
 */
@io.phoenixspring.test.autoconfigure.PhoenixTest(components = {ItemStore.class, Notes.class})
class NoteControllerTest {

    @Autowired
    ConnTest conn;

    private ConnTest browser() {
        return conn.putReqHeader("accept", "text/html");
    }

    @Test
    void indexListsNotesInTheSharedLayouts() {
        Html page = browser().get("/notes").html(200);

        assertThat(page.text("title")).isEqualTo("Notes · Live");
        assertThat(page.attribute("meta[name=csrf-token]", "content")).isNotBlank();
        assertThat(page.hasElement("nav.pages a[href=/counter]")).isTrue();                  // root layout
        assertThat(page.hasElement("#flash-group")).isTrue();                                 // app layout
        assertThat(page.text("header h1")).isEqualTo("Notes");                               // <.header>
        assertThat(page.text("#notes tr td:first-child")).isEqualTo("Welcome");        // <.table>
        assertThat(page.attribute("#notes tr td a", "Show", "href")).isEqualTo("/notes/1");
        assertThat(page.attribute("form#note-form", "action")).isEqualTo("/notes");          // <.simple_form>
        assertThat(page.attribute("form#note-form input[name=_csrf_token]", "value"))
                .isEqualTo(page.attribute("meta[name=csrf-token]", "content"));
        assertThat(page.hasElement("form#note-form input[name=note[title]]")).isTrue();  // <.input>
        assertThat(page.hasElement("form#note-form textarea[name=note[body]]")).isTrue();
        assertThat(page.text("button#save-note")).isEqualTo("Save note");                    // <.button>
    }

    @Test
    void createRedirectsToTheNoteWithAFlash() {
        SentConn created = browser().post("/notes", Map.of("note", Map.of("title", "Milk <2%>", "body", "buy it")));
        String path = created.redirectedTo(302);
        assertThat(path).matches("/notes/\\d+");
        assertThat(created.getFlash("info")).isEqualTo("Note \"Milk <2%>\" created.");

        Html note = created.recycle().get(path).html(200);
        assertThat(note.text("title")).isEqualTo("Milk <2%> · Live");
        assertThat(note.text("#flash-info")).contains("Note \"Milk <2%>\" created.");
        assertThat(note.text("dl")).contains("Milk <2%>").contains("buy it");                // <.list>
        assertThat(note.attribute("a", "Back to notes", "href")).isEqualTo("/notes");        // <.back>
    }

    @Test
    void anInvalidNoteRendersTheFormWithItsErrors() {
        Html page = browser().post("/notes", Map.of("note", Map.of("title", " ", "body", "no title"))).html(422);

        assertThat(page.text("form#note-form")).contains("can't be blank");
        assertThat(page.text("form#note-form textarea[name=note[body]]")).isEqualTo("no title");
        assertThat(page.text("#notes")).doesNotContain("no title");
    }

    @Test
    void aMissingNoteIsErrorHtmlsPageInTheLayoutsThroughTheActionFallback() {
        Html page = browser().get("/notes/999").html(404);
        assertThat(page.text("header h1")).contains("Page not found");
        assertThat(page.text("#error-reason")).isEqualTo("404: no note 999");
        assertThat(page.text("title")).isEqualTo("Not found · Live");
        assertThat(page.hasElement("nav.pages")).isTrue();
        assertThat(page.attribute("#error-home", "href")).isEqualTo("/notes");
        assertThat(browser().get("/notes/abc").html(404).text("#error-reason")).isEqualTo("404: no note abc");

        // Unknown paths keep the room contract's render_errors (JSON only), even for a browser.
        SentConn unknown = ConnTest.assertErrorSent(404, () -> browser().get("/nowhere"));
        assertThat(unknown.body()).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
    }
}
