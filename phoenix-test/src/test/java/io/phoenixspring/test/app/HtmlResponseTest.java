package io.phoenixspring.test.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.Html;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** html_response with CSS selectors: a controller's page through the real router, queried as LiveViewTest queries a view. */
@PhoenixTest(components = Notes.class)
class HtmlResponseTest {

    @Autowired
    ConnTest conn;

    @Autowired
    Notes notes;

    @Test
    void htmlQueriesTheResponseWithSelectors() {
        String milk = "milk " + UUID.randomUUID();
        String id = notes.add(milk);
        notes.add("eggs & <ham>");

        Html page = conn.get("/notes").html(200);

        assertThat(page.text("h1")).isEqualTo("Listing Notes");
        assertThat(page.text("title")).isEqualTo("Notes");
        assertThat(page.hasElement("#notes li.note")).isTrue();
        assertThat(page.hasElement("#notes li", milk)).isTrue();
        assertThat(page.hasElement("#notes li", "no such note")).isFalse();
        assertThat(page.hasElement("table")).isFalse();
        assertThat(page.hasElement("#notes li", Pattern.compile("^eggs &"))).isTrue();
        assertThat(page.element("#notes a", milk).attr("href")).isEqualTo("/notes/" + id);
        assertThat(page.attribute("#notes a", milk, "title")).isEqualTo("Note " + id);
        assertThat(page.attribute("a.button", "href")).isEqualTo("/notes/new");
        assertThat(page.element("#notes a", Pattern.compile("<ham>$")).text()).isEqualTo("eggs & <ham>");
        assertThat(page.elements("#notes li").stream().map(Element::text)).contains(milk, "eggs & <ham>");
        assertThat(page.elements("form")).isEmpty();
        assertThat(page.html()).isEqualTo(conn.get("/notes").htmlResponse(200));
    }

    @Test
    void aSelectorMatchingNothingNamesItAndShowsTheHtml() {
        Html page = conn.get("/notes").html(200);
        assertThatThrownBy(() -> page.text("table td"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("selector \"table td\" did not return any element within the HTML response to GET /notes:\n")
                .hasMessageContaining("<h1>Listing   <em>Notes</em></h1>")
                .hasMessageNotContaining("<title>");
        assertThatThrownBy(() -> page.element("a", "Delete"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("selector \"a\" with text \"Delete\" did not return any element within the HTML response to GET /notes");
        assertThatThrownBy(() -> page.element("h1", Pattern.compile("^Edit")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("selector \"h1\" with text matching /^Edit/ did not return any element");
    }

    @Test
    void aSelectorMatchingSeveralListsThem() {
        notes.add("one");
        notes.add("two");
        Html page = conn.get("/notes").html(200);
        assertThatThrownBy(() -> page.element("a"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("selector \"a\" returned " + page.elements("a").size() + " elements and must return exactly one: ")
                .hasMessageContaining("<a href=\"/notes/new\" class=\"button\">");
    }

    @Test
    void aMissingAttributeIsAFailureNamingTheElement() {
        Html page = conn.get("/notes").html(200);
        assertThatThrownBy(() -> page.attribute("a.button", "title"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("the element matching \"a.button\" within the HTML response to GET /notes has no attribute \"title\": "
                        + "<a href=\"/notes/new\" class=\"button\">");
    }

    @Test
    void anInvalidSelectorIsNamed() {
        Html page = conn.get("/notes").html(200);
        assertThatThrownBy(() -> page.hasElement("li[")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid selector \"li[\"");
    }

    @Test
    void htmlChecksStatusAndContentTypeFirst() {
        assertThatThrownBy(() -> conn.get("/api/ping").html(200))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected content-type for html, got text/plain")
                .hasMessageContaining("200 for GET /api/ping")
                .hasMessageContaining("pong");
        assertThatThrownBy(() -> conn.get("/notes").html(201))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected response with status 201, got 200 for GET /notes (content-type text/html")
                .hasMessageContaining("<h1>Listing   <em>Notes</em></h1>");
        assertThatThrownBy(() -> conn.get("/notes").textResponse(200))
                .isInstanceOf(AssertionError.class).hasMessageStartingWith("expected content-type for text, got text/html");
        assertThat(conn.get("/notes").response(200)).contains("<h1>");
    }

    @Test
    void parseQueriesAnyHtml() {
        Html fragment = Html.parse("<ul><li data-id=\"1\">milk</li><li data-id=\"2\">eggs</li></ul>");
        assertThat(fragment.attribute("li", "eggs", "data-id")).isEqualTo("2");
        assertThat(fragment.elements("li")).hasSize(2);
        assertThatThrownBy(() -> fragment.text("p"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("selector \"p\" did not return any element within the HTML:\n"
                        + "<ul><li data-id=\"1\">milk</li><li data-id=\"2\">eggs</li></ul>");
    }
}
