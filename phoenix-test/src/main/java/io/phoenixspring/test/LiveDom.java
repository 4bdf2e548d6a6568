package io.phoenixspring.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The DOM of one LiveView as the browser holds it: the container element with the view's HTML inside,
 * patched after every render as the client's {@code DOMPatch} does for what is not in the rendered tree —
 * the children of {@code phx-update="stream"} containers (inserted at their position, updated in place,
 * limited, deleted, reset) and of {@code phx-update="ignore"} ones (kept).
 *
 * <pre>{@code
 * LiveDom dom = new LiveDom(containerFromTheDeadRender);
 * dom.update(tree.toHtml());
 * Elements buttons = dom.container().select("button[phx-click]");
 * }</pre>
 */
final class LiveDom {

    private final Element shell;
    private Document document;
    /** DOM ids of the stream items in the page, and their stream's ref (the client's {@code data-phx-stream}). */
    private final Map<String, String> streamItems = new HashMap<>();

    /** @param container the view's container from the dead render (its id and {@code data-phx-*} attributes) */
    LiveDom(Element container) {
        this.shell = container.shallowClone();
    }

    /** Renders {@code html} into the container, keeping stream and ignored children as the client does. */
    void update(RenderedTree.Html html) {
        Document next = Document.createShell("");
        next.outputSettings().prettyPrint(false);
        Element container = shell.shallowClone();
        next.body().appendChild(container);
        container.html(html.text());
        Document previous = document;
        Map<String, RenderedTree.Insert> inserts = new HashMap<>();
        Map<String, String> refs = new HashMap<>();
        Set<String> resetRefs = new HashSet<>();
        Set<String> deletes = new HashSet<>();
        for (RenderedTree.Stream stream : html.streams()) {
            for (RenderedTree.Insert insert : stream.inserts()) {
                inserts.put(insert.domId(), insert);
                refs.put(insert.domId(), stream.ref());
            }
            if (stream.reset()) {
                resetRefs.add(stream.ref());
            }
            deletes.addAll(stream.deletes());
        }
        streamItems.entrySet().removeIf(item -> resetRefs.contains(item.getValue()) || deletes.contains(item.getKey()));
        for (Element target : container.select("[phx-update=stream]")) {
            Element old = previous == null || target.id().isEmpty() ? null : previous.getElementById(target.id());
            patchStream(target, old, inserts, refs);
        }
        if (previous != null) {
            for (Element target : container.select("[phx-update=ignore]")) {
                Element old = target.id().isEmpty() ? null : previous.getElementById(target.id());
                if (old != null) {
                    target.empty();
                    for (Element child : old.children()) {
                        target.appendChild(child.clone());
                    }
                }
            }
        }
        document = next;
    }

    private void patchStream(Element target, Element old, Map<String, RenderedTree.Insert> inserts, Map<String, String> refs) {
        List<Element> items = new ArrayList<>();
        if (old != null) {
            for (Element child : old.children()) {
                if (streamItems.containsKey(child.id())) {
                    items.add(child.clone());
                }
            }
        }
        List<Element> others = new ArrayList<>();
        for (Element child : new ArrayList<>(target.children())) {
            RenderedTree.Insert insert = inserts.get(child.id());
            if (insert == null) {
                others.add(child);
                continue;
            }
            int existing = indexOf(items, child.id());
            if (existing >= 0) {
                items.set(existing, child);        // an item inserted again is updated in place
            } else if (insert.at() == 0) {
                items.add(0, child);
            } else if (insert.at() > 0 && insert.at() < items.size()) {
                items.add(insert.at(), child);
            } else {
                items.add(child);
            }
            streamItems.put(child.id(), refs.get(child.id()));
            Integer limit = insert.limit();
            if (limit != null && limit < 0) {
                while (items.size() > -limit) {
                    streamItems.remove(items.remove(0).id());
                }
            } else if (limit != null && limit > 0) {
                while (items.size() > limit) {
                    streamItems.remove(items.remove(items.size() - 1).id());
                }
            }
        }
        target.empty();
        // As the client appends: stream items before the container's other children (an "empty" placeholder).
        items.forEach(target::appendChild);
        others.forEach(target::appendChild);
    }

    private static int indexOf(List<Element> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The view's container element (its id, {@code data-phx-*} attributes, and the current HTML inside). */
    Element container() {
        if (document == null) {
            throw new IllegalStateException("the view has not rendered yet");
        }
        return document.body().child(0);
    }

    /** The container's outer HTML, as {@code render(view)} gives it. */
    String html() {
        return container().outerHtml();
    }

    /** The container element of a dead render's page: the root LiveView's. */
    static Element containerOf(String page) {
        Document document = Jsoup.parse(page);
        Element main = document.selectFirst("[data-phx-main]");
        return main != null ? main : document.selectFirst("[data-phx-session]");
    }

    /** The page's {@code <meta name="csrf-token">}, or null. */
    static String csrfTokenOf(String page) {
        Element meta = Jsoup.parse(page).selectFirst("meta[name=csrf-token]");
        return meta == null ? null : meta.attr("content");
    }

    /** The page's {@code <title>} text, or null. */
    static String titleOf(String page) {
        Element title = Jsoup.parse(page).selectFirst("title");
        return title == null ? null : title.text();
    }
}
