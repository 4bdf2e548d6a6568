package io.phoenixspring.test;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An HTML response queried with CSS selectors (jsoup, as {@link LiveViewTest} queries a view), the
 * assertions a controller test makes on {@code html_response(conn, 200)}. A lookup that must find one
 * element fails with the selector and the page's HTML when nothing matches, and the matches when several do.
 *
 * <pre>{@code
 * Html page = conn.get("/notes").html(200);                      // html_response(conn, 200), parsed
 * assertThat(page.text("h1")).isEqualTo("Listing Notes");
 * assertThat(page.attribute("a", "Edit", "href")).isEqualTo("/notes/1/edit");
 * }</pre>
 */
public final class Html {

    private static final int HTML_SHOWN = 2000;

    private final String source;
    private final Document document;
    private final String within;

    private Html(String source, String within) {
        this.source = Objects.requireNonNull(source, "html");
        this.document = Jsoup.parse(source);
        this.document.outputSettings().prettyPrint(false);
        this.within = within;
    }

    /** Any HTML (a page, a fragment, a view's {@code render()}), for the same selector assertions. */
    public static Html parse(String html) {
        return new Html(html, "the HTML");
    }

    static Html of(String html, String within) {
        return new Html(html, within);
    }

    /** {@code element(selector)}: the one element matching, else an {@code AssertionError}. */
    public Element element(String selector) {
        return find(selector, null);
    }

    /** The one element matching {@code selector} whose text contains {@code text}. */
    public Element element(String selector, String text) {
        return find(selector, Objects.requireNonNull(text, "text"));
    }

    /** The one element matching {@code selector} whose text matches {@code text}. */
    public Element element(String selector, Pattern text) {
        return find(selector, Objects.requireNonNull(text, "text"));
    }

    /** {@code has_element?}: whether some element matches {@code selector}. */
    public boolean hasElement(String selector) {
        return !Selectors.select(document, selector, null).isEmpty();
    }

    /** Whether some element matching {@code selector} has a text containing {@code text}. */
    public boolean hasElement(String selector, String text) {
        return !Selectors.select(document, selector, Objects.requireNonNull(text, "text")).isEmpty();
    }

    /** Whether some element matching {@code selector} has a text matching {@code text}. */
    public boolean hasElement(String selector, Pattern text) {
        return !Selectors.select(document, selector, Objects.requireNonNull(text, "text")).isEmpty();
    }

    /** Every element matching {@code selector}, in document order (none is no failure). */
    public List<Element> elements(String selector) {
        return List.copyOf(Selectors.select(document, selector, null));
    }

    /** The text of the one element matching {@code selector} (its descendants' text, whitespace normalized). */
    public String text(String selector) {
        return element(selector).text();
    }

    /** The attribute {@code name} of the one element matching {@code selector}; it must have it. */
    public String attribute(String selector, String name) {
        return attributeOf(element(selector), selector, name);
    }

    /** The attribute {@code name} of the one element matching {@code selector} whose text contains {@code text}. */
    public String attribute(String selector, String text, String name) {
        return attributeOf(element(selector, text), selector, name);
    }

    /** The HTML as received. */
    public String html() {
        return source;
    }

    /** The parsed document, for what the helpers do not cover. */
    public Document document() {
        return document;
    }

    private Element find(String selector, Object textFilter) {
        return Selectors.exactlyOne(Selectors.select(document, selector, textFilter), selector, textFilter, within, shown());
    }

    private String attributeOf(Element element, String selector, String name) {
        if (!element.hasAttr(name)) {
            throw new AssertionError("the element matching \"" + selector + "\" within " + within + " has no attribute \""
                    + name + "\": " + Selectors.describe(element));
        }
        return element.attr(name);
    }

    /** The body's HTML (a page's head is rarely what a selector missed), cut after a screenful. */
    private String shown() {
        String body = document.body().html();
        String text = body.isBlank() ? source : body;
        return text.isEmpty() ? "(empty)" : text.length() > HTML_SHOWN ? text.substring(0, HTML_SHOWN) + "…" : text;
    }

    @Override
    public String toString() {
        return "Html[" + within + "]";
    }
}
