package io.phoenixspring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * CSS selectors with LiveViewTest's text filters and failure messages, shared by a LiveView's DOM
 * ({@link LiveViewTest}) and a controller's HTML response ({@link Html}), so both fail alike.
 *
 * <pre>{@code
 * List<Element> rows = Selectors.select(root, "tr", "Ada");
 * Element row = Selectors.exactlyOne(rows, "tr", "Ada", "the LiveView at /users", root.outerHtml());
 * }</pre>
 */
final class Selectors {

    private Selectors() {
    }

    /**
     * The elements under {@code root} matching {@code selector} whose text contains {@code textFilter}
     * (a {@code String}), or matches it (a {@link Pattern}); every match when the filter is null.
     */
    static List<Element> select(Element root, String selector, Object textFilter) {
        Elements all;
        try {
            all = root.select(selector);
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException("invalid selector \"" + selector + "\": " + e.getMessage(), e);
        }
        List<Element> found = new ArrayList<>();
        for (Element candidate : all) {
            String text = candidate.text();
            if (textFilter == null || (textFilter instanceof Pattern p ? p.matcher(text).find() : text.contains((String) textFilter))) {
                found.add(candidate);
            }
        }
        return found;
    }

    /**
     * The one element of {@code found}, else an {@code AssertionError} naming the selector and filter,
     * and {@code within} with its {@code html} when nothing matched, or the matches when several did.
     */
    static Element exactlyOne(List<Element> found, String selector, Object textFilter, String within, String html) {
        if (found.size() == 1) {
            return found.get(0);
        }
        String filtered = textFilter == null ? "" : " with text " + (textFilter instanceof Pattern p ? "matching /" + p + "/"
                : "\"" + textFilter + "\"");
        if (found.isEmpty()) {
            throw new AssertionError("selector \"" + selector + "\"" + filtered + " did not return any element within "
                    + within + ":\n" + html);
        }
        throw new AssertionError("selector \"" + selector + "\"" + filtered + " returned " + found.size()
                + " elements and must return exactly one: "
                + found.stream().map(Selectors::describe).collect(Collectors.joining(", ")));
    }

    /** A short, one-line description of an element (its tag and attributes), for failure messages. */
    static String describe(Element element) {
        StringBuilder out = new StringBuilder("<").append(element.tagName());
        for (Attribute attribute : element.attributes()) {
            if (!attribute.getKey().startsWith("data-phx-s")) {
                out.append(' ').append(attribute.html());
            }
        }
        return out.append('>').toString();
    }
}
