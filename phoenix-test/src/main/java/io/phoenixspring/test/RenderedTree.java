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
 * ({@code "d"}) with their shared templates ({@code "p"}), streams emptied once rendered as the client does.
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

    RenderedTree(JsonNode initial) {
        merge(initial);
    }

    /** {@code Rendered.mergeDiff}: a diff without {@code "t"}, {@code "e"}, {@code "r"} (the caller takes those). */
    void merge(JsonNode diff) {
        if (!(diff instanceof ObjectNode object)) {
            throw new AssertionError("a LiveView diff must be a JSON object, got " + diff);
        }
        if (object.has("c")) {
            throw new UnsupportedOperationException("live components (\"c\" in a diff) are not supported by LiveViewTest yet");
        }
        if (object.has("s")) {
            rendered = object.deepCopy();
        } else {
            merge(rendered, object.deepCopy());
        }
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

    private static void render(ObjectNode node, JsonNode templates, StringBuilder out, List<Stream> streams) {
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

    private static void comprehension(ObjectNode node, JsonNode templates, StringBuilder out, List<Stream> streams) {
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

    private static void dynamic(JsonNode value, JsonNode templates, StringBuilder out, List<Stream> streams) {
        if (value == null || value.isNull()) {
            throw new AssertionError("the rendered tree has no value for a dynamic the statics expect");
        }
        if (value.isNumber()) {
            throw new UnsupportedOperationException("live components (cid " + value + ") are not supported by LiveViewTest yet");
        }
        if (value instanceof ObjectNode object) {
            render(object, templates, out, streams);
        } else {
            out.append(value.asString());
        }
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
