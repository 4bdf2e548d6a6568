package io.phoenixspring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A view's rendered tree as the official JavaScript client keeps it ({@code rendered.js} of
 * phoenix_live_view 1.0): diffs merged into the tree ({@code "s"} replaces a subtree, other objects
 * merge key by key, everything else replaces), then the tree turned back into HTML, comprehensions
 * ({@code "d"}) with their shared templates ({@code "p"}), live components ({@code "c"} by cid, {@code "s": cid}
 * sharing another's statics), streams emptied once rendered as the client does.
 *
 * <pre>{@code
 * RenderedTree tree = new RenderedTree(joinReply.get("rendered"));
 * tree.merge(diff);
 * RenderedTree.Html html = tree.toHtml();     // html.text() and the stream operations to patch the DOM with
 * }</pre>
 */
final class RenderedTree {

    /** One {@code "stream"} entry met while rendering: {@code [ref, [[dom_id, at, limit], …], [deletes], reset?]}. */
    record Stream(String ref, List<Insert> inserts, List<String> deletes, boolean reset) {
    }

    /** A stream item's position: {@code at} -1 appends, 0 prepends; {@code limit} null for none. */
    record Insert(String domId, int at, Integer limit) {
    }

    /** The tree's HTML and the stream operations it carried. */
    record Html(String text, List<Stream> streams) {
    }

    private ObjectNode rendered = JsonNodeFactory.instance.objectNode();
    /** The live components' trees by cid ({@code "c"}), kept across diffs as the client keeps them. */
    private ObjectNode components = JsonNodeFactory.instance.objectNode();

    RenderedTree(JsonNode initial) {
        merge(initial);
    }

    /** {@code Rendered.mergeDiff}: a diff without {@code "t"}, {@code "e"}, {@code "r"} (the caller takes those). */
    void merge(JsonNode diff) {
        if (!(diff instanceof ObjectNode object)) {
            throw new AssertionError("a LiveView diff must be a JSON object, got " + diff);
        }
        ObjectNode copy = object.deepCopy();
        JsonNode newComponents = copy.remove("c");
        if (copy.has("s")) {
            rendered = copy;
            components = JsonNodeFactory.instance.objectNode();
        } else {
            merge(rendered, copy);
        }
        if (newComponents instanceof ObjectNode fresh) {
            // rendered.js: each new tree is resolved against the old ones ("s": cid shares statics), then all replace them.
            Map<String, ObjectNode> resolved = new java.util.LinkedHashMap<>();
            for (String cid : fresh.propertyNames()) {
                component(cid, fresh, resolved);
            }
            resolved.forEach(components::set);
        }
    }

    /** {@code cachedFindComponent}: a component's tree from its diff, the old trees and the other new ones. */
    private ObjectNode component(String cid, ObjectNode fresh, Map<String, ObjectNode> resolved) {
        ObjectNode done = resolved.get(cid);
        if (done != null) {
            return done;
        }
        if (!(fresh.get(cid) instanceof ObjectNode diff)) {
            throw new AssertionError("the diff's \"c\" has no tree for the component " + cid);
        }
        ObjectNode tree;
        JsonNode shared = diff.get("s");
        if (shared != null && shared.isNumber()) {
            int from = shared.asInt();
            ObjectNode source = from > 0 ? component(String.valueOf(from), fresh, resolved)
                    : (ObjectNode) components.get(String.valueOf(-from));
            if (source == null) {
                throw new AssertionError("the component " + cid + " shares the statics of the unknown component " + from);
            }
            tree = cloneMerge(source, diff);
            tree.set("s", source.get("s"));
        } else if (shared != null || !components.has(cid)) {
            tree = diff;
        } else {
            tree = cloneMerge((ObjectNode) components.get(cid), diff);
        }
        resolved.put(cid, tree);
        return tree;
    }

    private static ObjectNode cloneMerge(ObjectNode target, ObjectNode source) {
        ObjectNode merged = target.deepCopy();
        for (Map.Entry<String, JsonNode> entry : source.properties()) {
            JsonNode value = entry.getValue();
            JsonNode existing = merged.get(entry.getKey());
            if (value instanceof ObjectNode object && !object.has("s") && existing instanceof ObjectNode into) {
                merged.set(entry.getKey(), cloneMerge(into, object));
            } else {
                merged.set(entry.getKey(), value.deepCopy());
            }
        }
        return merged;
    }

    private static void merge(ObjectNode target, ObjectNode source) {
        for (Map.Entry<String, JsonNode> entry : source.properties()) {
            JsonNode value = entry.getValue();
            JsonNode existing = target.get(entry.getKey());
            if (value instanceof ObjectNode object && !object.has("s") && existing instanceof ObjectNode into) {
                merge(into, object);
            } else {
                target.set(entry.getKey(), value);
            }
        }
    }

    /** {@code Rendered.toString}: the view's inner HTML; streams rendered are emptied from the tree. */
    Html toHtml() {
        StringBuilder out = new StringBuilder();
        List<Stream> streams = new ArrayList<>();
        render(rendered, null, out, streams);
        return new Html(out.toString(), streams);
    }

    private void render(ObjectNode node, JsonNode templates, StringBuilder out, List<Stream> streams) {
        if (node.has("d")) {
            comprehension(node, templates, out, streams);
            return;
        }
        JsonNode statics = statics(node.get("s"), templates);
        out.append(statics.get(0).asString());
        for (int i = 1; i < statics.size(); i++) {
            dynamic(node.get(String.valueOf(i - 1)), templates, out, streams);
            out.append(statics.get(i).asString());
        }
    }

    private void comprehension(ObjectNode node, JsonNode templates, StringBuilder out, List<Stream> streams) {
        JsonNode statics = statics(node.get("s"), templates);
        JsonNode rowTemplates = templates != null ? templates : node.get("p");
        JsonNode rows = node.get("d");
        for (JsonNode row : rows) {
            out.append(statics.get(0).asString());
            for (int i = 1; i < statics.size(); i++) {
                dynamic(row.get(i - 1), rowTemplates, out, streams);
                out.append(statics.get(i).asString());
            }
        }
        JsonNode stream = node.get("stream");
        if (stream instanceof ArrayNode entry) {
            Stream parsed = stream(entry);
            if (!rows.isEmpty() || !parsed.deletes().isEmpty() || parsed.reset()) {
                // As the client: a stream's rows live in the DOM once rendered, not in the tree.
                node.remove("stream");
                node.set("d", JsonNodeFactory.instance.arrayNode());
                streams.add(parsed);
            }
        }
    }

    private void dynamic(JsonNode value, JsonNode templates, StringBuilder out, List<Stream> streams) {
        if (value == null || value.isNull()) {
            throw new AssertionError("the rendered tree has no value for a dynamic the statics expect");
        }
        if (value.isNumber()) {
            // A live component: its tree, its root tag marked with data-phx-component as the client marks it.
            if (!(components.get(value.asString()) instanceof ObjectNode tree)) {
                throw new AssertionError("the rendered tree names the component " + value + " but \"c\" has no tree for it");
            }
            StringBuilder html = new StringBuilder();
            render(tree, null, html, streams);
            out.append(markRoot(html.toString(), value.asString()));
            return;
        }
        if (value instanceof ObjectNode object) {
            render(object, templates, out, streams);
        } else {
            out.append(value.asString());
        }
    }

    /** The component's root tag with {@code data-phx-component="cid"} (how events find their target component). */
    private static String markRoot(String html, String cid) {
        int start = html.indexOf('<');
        if (start < 0) {
            return html;
        }
        int end = start + 1;
        while (end < html.length() && !Character.isWhitespace(html.charAt(end)) && html.charAt(end) != '>' && html.charAt(end) != '/') {
            end++;
        }
        return html.substring(0, end) + " data-phx-component=\"" + cid + "\"" + html.substring(end);
    }

    private static JsonNode statics(JsonNode statics, JsonNode templates) {
        if (statics != null && statics.isNumber()) {
            JsonNode shared = templates == null ? null : templates.get(statics.asString());
            if (shared == null) {
                throw new AssertionError("the rendered tree names shared template " + statics + " but has no \"p\" entry for it");
            }
            return shared;
        }
        if (statics == null || !statics.isArray()) {
            throw new AssertionError("a rendered part has no statics (\"s\"): " + statics);
        }
        return statics;
    }

    private static Stream stream(ArrayNode entry) {
        List<Insert> inserts = new ArrayList<>();
        for (JsonNode insert : entry.get(1)) {
            JsonNode limit = insert.get(2);
            inserts.add(new Insert(insert.get(0).asString(), insert.get(1).asInt(),
                    limit == null || limit.isNull() ? null : limit.asInt()));
        }
        List<String> deletes = new ArrayList<>();
        for (JsonNode delete : entry.get(2)) {
            deletes.add(delete.asString());
        }
        boolean reset = entry.size() > 3 && entry.get(3).asBoolean();
        return new Stream(entry.get(0).asString(), inserts, deletes, reset);
    }
}
