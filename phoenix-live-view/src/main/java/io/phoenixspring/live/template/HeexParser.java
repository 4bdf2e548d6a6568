package io.phoenixspring.live.template;

import io.phoenixspring.live.template.ExprParser.Generator;
import io.phoenixspring.live.template.Node.Attribute;
import io.phoenixspring.live.template.Node.Closing;
import io.phoenixspring.live.template.Node.Special;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Parses HEEx into {@link Node}s: HTML tags checked for balance, {@code {expr}} in bodies and
 * attribute values, EEx tags with Elixir's {@code trim} rule, comments, components and slots.
 */
final class HeexParser {

    static final Set<String> VOID = Set.of("area", "base", "br", "col", "hr", "img", "input", "link", "meta", "param",
            "command", "keygen", "source");

    private static final java.util.regex.Pattern BLOCK_START = java.util.regex.Pattern.compile(
            "^(if|unless|for)\\s+(.*?)\\s+do$", java.util.regex.Pattern.DOTALL);

    /** Why a list of nodes ended. */
    private enum StopKind { EOF, CLOSE, ELSE, END }

    private record Stop(StopKind kind, int pos, String name) {
    }

    private final Source source;
    private final String text;
    private final Scope scope;
    private int pos;

    private HeexParser(Source source, Scope scope) {
        this.source = source;
        this.text = source.text;
        this.scope = scope;
    }

    /** The template's top-level nodes, with leading and trailing whitespace-only text dropped. */
    static List<Node> parse(Source source, Scope scope) {
        HeexParser parser = new HeexParser(source, scope);
        parser.skipInitialTrim();
        List<Node> nodes = new ArrayList<>();
        Stop stop = parser.nodes(nodes, true, false);
        switch (stop.kind) {
            case CLOSE -> throw source.error(stop.pos, "missing opening tag for </" + stop.name + ">" + voidHint(stop.name));
            case ELSE, END -> throw source.error(stop.pos, "unexpected <% " + stop.name + " %> without a matching <%= if/for … do %>");
            default -> {
            }
        }
        strip(nodes);
        return nodes;
    }

    private static String voidHint(String name) {
        return VOID.contains(name) ? " (note <" + name + "> is a void tag and cannot have any content)" : "";
    }

    /** EEx's trim: a template starting with blank lines then an EEx tag loses them. */
    private void skipInitialTrim() {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (text.startsWith("<%", i)) {
            pos = text.lastIndexOf('\n', i) + 1;
        }
    }

    private static void strip(List<Node> nodes) {
        while (!nodes.isEmpty() && nodes.get(0) instanceof Node.Text t && t.text().isBlank()) {
            nodes.remove(0);
        }
        while (!nodes.isEmpty() && nodes.get(nodes.size() - 1) instanceof Node.Text t && t.text().isBlank()) {
            nodes.remove(nodes.size() - 1);
        }
    }

    /**
     * Parses nodes into {@code out} until the end, a closing tag, or an EEx {@code else}/{@code end}.
     *
     * @param braces whether {@code {expr}} interpolates (not in script/style, nor under phx-no-curly-interpolation)
     * @param slots whether {@code <:slot>} entries may appear (direct children of a component)
     */
    private Stop nodes(List<Node> out, boolean braces, boolean slots) {
        StringBuilder buffer = new StringBuilder();
        int bufferStart = pos;
        boolean afterSlot = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '<' && text.startsWith("<%", pos)) {
                Stop stop = eex(out, buffer, bufferStart);
                bufferStart = pos;
                afterSlot = false;
                if (stop != null) {
                    return stop;
                }
                continue;
            }
            if (c == '<' && text.startsWith("<!--", pos)) {
                int end = text.indexOf("-->", pos + 4);
                if (end < 0) {
                    throw source.error(pos, "expected closing `-->` for comment");
                }
                buffer.append(text, pos, end + 3);
                pos = end + 3;
                continue;
            }
            if (c == '<' && text.startsWith("<!", pos) && text.regionMatches(true, pos + 2, "doctype", 0, 7)) {
                // <!DOCTYPE html> (every root layout starts with it) is static text, as in HEEx.
                int end = text.indexOf('>', pos);
                if (end < 0) {
                    throw source.error(pos, "expected closing `>` for doctype");
                }
                buffer.append(text, pos, end + 1);
                pos = end + 1;
                continue;
            }
            if (c == '<' && text.startsWith("</", pos)) {
                flush(out, buffer, bufferStart, afterSlot);
                int start = pos;
                pos += 2;
                String name = tagName();
                skipSpace();
                if (name.isEmpty() || pos >= text.length() || text.charAt(pos) != '>') {
                    throw source.error(start, "expected closing tag to end with >, as in </" + (name.isEmpty() ? "div" : name) + ">");
                }
                pos++;
                return new Stop(StopKind.CLOSE, start, name);
            }
            if (c == '<') {
                if (pos + 1 >= text.length() || !(Character.isLetter(text.charAt(pos + 1)) || text.charAt(pos + 1) == '.'
                        || text.charAt(pos + 1) == ':')) {
                    throw source.error(pos, "expected tag name after <. If you meant to use < as part of a text, use &lt; instead");
                }
                flush(out, buffer, bufferStart, afterSlot);
                Node node = tag(braces, slots);
                afterSlot = node instanceof Node.SlotEntry;
                out.add(node);
                bufferStart = pos;
                continue;
            }
            if (c == '{' && braces) {
                flush(out, buffer, bufferStart, afterSlot);
                afterSlot = false;
                int close = Lexer.matchingBrace(source, pos + 1, text.length());
                Expr expr = ExprParser.parse(source, pos + 1, close, scope);
                out.add(new Node.Output(pos, expr, text.substring(pos + 1, close).strip()));
                pos = close + 1;
                bufferStart = pos;
                continue;
            }
            buffer.append(c);
            pos++;
        }
        flush(out, buffer, bufferStart, afterSlot);
        return new Stop(StopKind.EOF, pos, null);
    }

    private void flush(List<Node> out, StringBuilder buffer, int start, boolean afterSlot) {
        String chunk = afterSlot ? buffer.toString().stripLeading() : buffer.toString();
        if (!chunk.isEmpty()) {
            out.add(new Node.Text(start, chunk));
        }
        buffer.setLength(0);
    }

    /** An EEx tag at {@code pos}; returns a Stop for {@code else}/{@code end}, else null. */
    private Stop eex(List<Node> out, StringBuilder buffer, int bufferStart) {
        int start = pos;
        boolean comment = text.startsWith("<%!--", pos);
        int contentStart;
        int contentEnd;
        int after;
        if (comment) {
            int end = text.indexOf("--%>", pos + 5);
            if (end < 0) {
                throw source.error(start, "expected closing `--%>` for the comment starting here");
            }
            contentStart = contentEnd = end;
            after = end + 4;
        } else {
            contentStart = pos + 2;
            contentEnd = closeOfEex(start);
            after = contentEnd + 2;
        }
        trim(buffer, start, after);
        flush(out, buffer, bufferStart, false);
        if (comment || text.charAt(contentStart) == '#') {
            return null;
        }
        boolean output = text.charAt(contentStart) == '=';
        int codeStart = output ? contentStart + 1 : contentStart;
        String code = text.substring(codeStart, contentEnd).strip();
        int codeOffset = codeStart;
        while (codeOffset < contentEnd && Character.isWhitespace(text.charAt(codeOffset))) {
            codeOffset++;
        }
        if (code.equals("else") || code.equals("end")) {
            return new Stop(code.equals("else") ? StopKind.ELSE : StopKind.END, start, code);
        }
        Matcher block = BLOCK_START.matcher(code);
        if (block.matches()) {
            if (!output) {
                throw source.error(start, "<% " + block.group(1) + " … do %> discards its output: write <%= " + block.group(1) + " … do %>");
            }
            int headStart = codeOffset + block.start(2);
            int headEnd = codeOffset + block.end(2);
            out.add(block(start, block.group(1), headStart, headEnd, code));
            return null;
        }
        if (code.endsWith(" do") || code.equals("do")) {
            throw source.error(start, "only <%= if … do %>, <%= unless … do %> and <%= for … do %> blocks are supported");
        }
        if (!output) {
            throw source.error(start, "<% … %> runs code without output, which templates cannot do: write <%= … %>");
        }
        if (code.isEmpty()) {
            throw source.error(start, "expected an expression in <%= %>");
        }
        out.add(new Node.Output(codeOffset, ExprParser.parse(source, codeStart, contentEnd, scope), code));
        return null;
    }

    private Node block(int start, String kind, int headStart, int headEnd, String code) {
        List<Node> first = new ArrayList<>();
        Stop stop = nodes(first, true, false);
        if (kind.equals("for")) {
            Generator generator = ExprParser.generator(source, headStart, headEnd, scope);
            expectEnd(stop, start, false);
            return new Node.ForBlock(start, generator, code, first);
        }
        Expr condition = ExprParser.parse(source, headStart, headEnd, scope);
        List<Node> second = null;
        if (stop.kind == StopKind.ELSE) {
            second = new ArrayList<>();
            stop = nodes(second, true, false);
        }
        expectEnd(stop, start, true);
        // Without an else, the missing branch renders nothing (nil).
        return kind.equals("if") ? new Node.IfBlock(start, condition, code, first, second)
                : new Node.IfBlock(start, condition, code, second, first);
    }

    private void expectEnd(Stop stop, int start, boolean elseAllowed) {
        switch (stop.kind) {
            case END -> {
            }
            case EOF -> throw source.error(start, "missing <% end %> for the block starting here");
            case ELSE -> throw source.error(stop.pos, elseAllowed ? "a second <% else %> in one block" : "<% else %> in a for block");
            case CLOSE -> throw source.error(stop.pos, "missing opening tag for </" + stop.name + "> in this do-block");
        }
    }

    /** Elixir's EEx trim: an EEx tag alone on its line takes its indentation and line break with it. */
    private void trim(StringBuilder buffer, int start, int after) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        for (int i = lineStart; i < start; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                pos = after;
                return;
            }
        }
        int i = after;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i += 2;
        } else if (i < text.length() && text.charAt(i) == '\n') {
            i++;
        } else if (i < text.length()) {
            pos = after;
            return;
        }
        int indent = start - lineStart;
        if (buffer.length() >= indent) {
            buffer.setLength(buffer.length() - indent);
        }
        pos = i;
    }

    private int closeOfEex(int start) {
        int i = start + 2;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = Lexer.skipString(source, i, text.length());
                continue;
            }
            if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) == '>') {
                return i;
            }
            i++;
        }
        throw source.error(start, "missing %> for the <% tag starting here");
    }

    // ---- tags

    private Node tag(boolean braces, boolean slots) {
        int start = pos;
        pos++;
        String name = tagName();
        if (name.startsWith(":") && !slots) {
            throw source.error(start, "invalid slot entry <" + name + ">. A slot entry must be a direct child of a component");
        }
        if (Character.isUpperCase(name.charAt(0))) {
            throw source.error(start, "remote components (<" + name + ">) are not supported: import the class with"
                    + " @TemplateImports and call <." + name.substring(name.lastIndexOf('.') + 1) + ">");
        }
        if (name.equals(".") || name.equals(":")) {
            throw source.error(start, "a " + (name.equals(".") ? "component" : "slot") + " name is required after " + name);
        }
        if (name.equals(":inner_block")) {
            throw source.error(start, "the slot name :inner_block is reserved");
        }
        List<Attribute> attrs = new ArrayList<>();
        boolean selfClosing = attributes(start, name, attrs);
        Special special = special(start, name, attrs);
        if (name.startsWith(".")) {
            return call(start, name.substring(1), attrs, selfClosing, special);
        }
        if (name.startsWith(":")) {
            return slot(start, name.substring(1), attrs, selfClosing, special);
        }
        if (special.let() != null) {
            throw source.error(start, ":let is only for components and slots, not <" + name + ">");
        }
        boolean noCurly = attrs.removeIf(a -> "phx-no-curly-interpolation".equals(a.name()));
        attrs.removeIf(a -> "phx-no-format".equals(a.name()));
        if (VOID.contains(name)) {
            return new Node.Element(start, name, attrs, List.of(), Closing.VOID, special);
        }
        if (selfClosing) {
            return new Node.Element(start, name, attrs, List.of(), Closing.SELF, special);
        }
        List<Node> children = new ArrayList<>();
        boolean raw = name.equals("script") || name.equals("style");
        Stop stop = nodes(children, braces && !noCurly && !raw, false);
        closeTag(stop, start, name);
        return new Node.Element(start, name, attrs, children, Closing.NORMAL, special);
    }

    private void closeTag(Stop stop, int start, String name) {
        switch (stop.kind) {
            case CLOSE -> {
                if (!stop.name.equals(name)) {
                    throw source.error(stop.pos, "unmatched closing tag. Expected </" + name + "> for <" + name
                            + "> at line " + source.line(start) + ", got: </" + stop.name + ">" + voidHint(stop.name));
                }
            }
            case EOF -> throw source.error(start, "end of template reached without closing tag for <" + name + ">");
            default -> throw source.error(start, "end of do-block reached without closing tag for <" + name + ">");
        }
    }

    private Node call(int start, String name, List<Attribute> attrs, boolean selfClosing, Special special) {
        List<Node> inner = new ArrayList<>();
        List<Node.SlotEntry> entries = new ArrayList<>();
        if (!selfClosing) {
            List<Node> children = new ArrayList<>();
            Stop stop = nodes(children, true, true);
            closeTag(stop, start, "." + name);
            for (Node child : children) {
                if (child instanceof Node.SlotEntry entry) {
                    entries.add(entry);
                } else {
                    inner.add(child);
                }
            }
        }
        return new Node.Call(start, name, attrs, inner, entries, selfClosing, special);
    }

    private Node slot(int start, String name, List<Attribute> attrs, boolean selfClosing, Special special) {
        if (special.wraps()) {
            throw source.error(start, ":if and :for on slot entries are not supported yet");
        }
        List<Node> inner = new ArrayList<>();
        if (!selfClosing) {
            Stop stop = nodes(inner, true, false);
            closeTag(stop, start, ":" + name);
        } else if (special.let() != null) {
            throw source.error(start, "cannot use :let on a slot without inner content");
        }
        return new Node.SlotEntry(start, name, attrs, inner, selfClosing, special);
    }

    private String tagName() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == ':' || c == '_') {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    /** Reads attributes up to {@code >} or {@code />}; returns whether the tag closed itself. */
    private boolean attributes(int tagStart, String tag, List<Attribute> attrs) {
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                throw source.error(tagStart, "end of template reached inside the tag <" + tag + ">: expected > or />");
            }
            char c = text.charAt(pos);
            if (c == '>') {
                pos++;
                return false;
            }
            if (c == '/' && text.startsWith("/>", pos)) {
                pos += 2;
                return true;
            }
            int start = pos;
            if (c == '{') {
                int close = Lexer.matchingBrace(source, pos + 1, text.length());
                String code = text.substring(pos + 1, close).strip();
                attrs.add(new Attribute(start, null, Attribute.Kind.SPREAD, null, expression(pos + 1, close), code, pos + 1));
                pos = close + 1;
                continue;
            }
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "=>/{\"'".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (name.isEmpty()) {
                throw source.error(pos, "expected an attribute name, got '" + c + "'");
            }
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '=') {
                attrs.add(new Attribute(start, name, Attribute.Kind.BARE, null, null, null, -1));
                continue;
            }
            pos++;
            skipSpace();
            if (pos >= text.length()) {
                throw source.error(start, "expected a value for the attribute " + name);
            }
            char open = text.charAt(pos);
            if (open == '"' || open == '\'') {
                int close = text.indexOf(open, pos + 1);
                if (close < 0) {
                    throw source.error(pos, "expected closing `" + open + "` for the value of " + name);
                }
                attrs.add(new Attribute(start, name, open == '"' ? Attribute.Kind.QUOTED : Attribute.Kind.SINGLE_QUOTED,
                        text.substring(pos + 1, close), null, null, pos + 1));
                pos = close + 1;
            } else if (open == '{') {
                int close = Lexer.matchingBrace(source, pos + 1, text.length());
                String code = text.substring(pos + 1, close).strip();
                Expr expr = name.equals(":for") || name.equals(":let") ? null : expression(pos + 1, close);
                attrs.add(new Attribute(start, name, Attribute.Kind.EXPR, null, expr, code, pos + 1));
                pos = close + 1;
            } else {
                throw source.error(pos, "invalid attribute value after `=`: expected a value between quotes"
                        + " (such as \"value\" or 'value') or an expression between curly braces (such as {expr})");
            }
        }
    }

    private Expr expression(int start, int end) {
        return ExprParser.parse(source, start, end, scope);
    }

    /** Takes {@code :if}, {@code :for} and {@code :let} out of {@code attrs}. */
    private Special special(int tagStart, String tag, List<Attribute> attrs) {
        Expr condition = null;
        String conditionCode = null;
        Generator generator = null;
        String generatorCode = null;
        Pattern let = null;
        String letCode = null;
        List<Attribute> rest = new ArrayList<>();
        java.util.Map<String, Attribute> seen = new java.util.HashMap<>();
        for (Attribute attr : attrs) {
            String name = attr.name();
            if (name == null || !name.startsWith(":")) {
                rest.add(attr);
                continue;
            }
            if (!name.equals(":if") && !name.equals(":for") && !name.equals(":let")) {
                throw source.error(attr.pos(), "unsupported attribute " + name + " in <" + tag + ">: only :if, :for and :let");
            }
            Attribute previous = seen.put(name, attr);
            if (previous != null) {
                throw source.error(attr.pos(), "cannot define multiple \"" + name + "\" attributes. Another \"" + name
                        + "\" has already been defined at line " + source.line(previous.pos()));
            }
            if (attr.kind() != Attribute.Kind.EXPR) {
                throw source.error(attr.pos(), name + " must be an expression between {...}");
            }
            int start = attr.valueStart();
            int end = Lexer.matchingBrace(source, start, text.length());
            switch (name) {
                case ":if" -> {
                    condition = attr.expr();
                    conditionCode = attr.code();
                }
                case ":for" -> {
                    generator = ExprParser.generator(source, start, end, scope);
                    generatorCode = attr.code();
                }
                default -> {
                    let = ExprParser.pattern(source, start, end);
                    letCode = attr.code();
                }
            }
        }
        attrs.clear();
        attrs.addAll(rest);
        if (condition == null && generator == null && let == null) {
            return Special.NONE;
        }
        return new Special(condition, conditionCode, generator, generatorCode, let, letCode);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
