package io.phoenixspring.live.template;

import io.phoenixspring.live.html.Html;
import io.phoenixspring.live.template.ComponentPart.Argument;
import io.phoenixspring.live.template.ExprParser.Generator;
import io.phoenixspring.live.template.Node.Attribute;
import io.phoenixspring.live.template.Part.Mode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns HEEx nodes into {@link Block}s, splitting statics and dynamics as Phoenix's TagEngine and
 * HTMLEngine do: static attributes stay in the statics, each dynamic attribute is one dynamic
 * ({@code " name=\"value\""}), {@code class}/{@code style} and interpolated values keep their
 * quotes static; {@code if}/{@code :if}, {@code for}/{@code :for} and component calls are nested
 * templates. Checks component calls against their declarations and variables against their scope.
 */
final class Compiler {

    private final Source source;
    private final Scope scope;
    private final Set<ComponentDef> called = new LinkedHashSet<>();

    private Compiler(Source source, Scope scope) {
        this.source = source;
        this.scope = scope;
    }

    /** Compiles a whole template (which may be a single-root template, {@code "r": 1}). */
    static Block compile(Source source, Scope scope) {
        Compiler compiler = new Compiler(source, scope);
        List<Node> nodes = HeexParser.parse(source, scope);
        boolean root = nodes.size() == 1 && nodes.get(0) instanceof Node.Element element && !element.special().wraps();
        Block block = compiler.block(nodes, root, Set.of());
        for (ComponentDef def : compiler.called) {
            def.compileAll();
        }
        return block;
    }

    private Block block(List<Node> nodes, boolean root, Set<String> locals) {
        Block.Builder builder = new Block.Builder();
        for (Node node : nodes) {
            node(node, builder, locals);
        }
        return builder.build(source, root);
    }

    private void node(Node node, Block.Builder out, Set<String> locals) {
        if (node instanceof Node.Text text) {
            out.text(text.text());
        } else if (node instanceof Node.Output output) {
            check(output.expr(), locals);
            out.part(new Part.Output(output.expr(), Mode.BODY, null, output.code()));
        } else if (node instanceof Node.IfBlock block) {
            check(block.condition(), locals);
            Block then = block.then() == null ? null : block(block.then(), false, locals);
            Block otherwise = block.otherwise() == null ? null : block(block.otherwise(), false, locals);
            out.part(new Part.If(block.condition(), then, otherwise, block.code()));
        } else if (node instanceof Node.ForBlock block) {
            Set<String> inner = bind(block.generator(), locals);
            out.part(new Part.For(block.generator(), block(block.body(), false, inner), block.code()));
        } else if (node instanceof Node.Element element) {
            special(element.special(), out, locals, (builder, scoped) -> element(element, builder, scoped));
        } else if (node instanceof Node.Call call) {
            special(call.special(), out, locals, (builder, scoped) -> builder.part(call(call, scoped)));
        } else {
            throw source.error(node.pos(), "invalid slot entry <:" + ((Node.SlotEntry) node).name()
                    + ">. A slot entry must be a direct child of a component");
        }
    }

    private interface Emit {
        void into(Block.Builder builder, Set<String> locals);
    }

    /** A tag or call with {@code :if}/{@code :for} becomes a nested template, else it is emitted in place. */
    private void special(Node.Special special, Block.Builder out, Set<String> locals, Emit emit) {
        if (!special.wraps()) {
            emit.into(out, locals);
            return;
        }
        if (special.generator() != null) {
            Generator generator = special.generator();
            Set<String> inner = bind(generator, locals);
            List<Expr> filters = new ArrayList<>(generator.filters());
            String code = special.generatorCode();
            if (special.condition() != null) {
                check(special.condition(), inner);
                filters.add(special.condition());
                code = code + " :if " + special.conditionCode();
            }
            Block.Builder body = new Block.Builder();
            emit.into(body, inner);
            Generator filtered = new Generator(generator.pattern(), generator.source(), List.copyOf(filters));
            out.part(new Part.For(filtered, body.build(source, false), code));
            return;
        }
        check(special.condition(), locals);
        Block.Builder body = new Block.Builder();
        emit.into(body, locals);
        out.part(new Part.If(special.condition(), body.build(source, false), null, special.conditionCode()));
    }

    private Set<String> bind(Generator generator, Set<String> locals) {
        check(generator.source(), locals);
        Set<String> inner = new HashSet<>(locals);
        generator.pattern().names(inner);
        for (Expr filter : generator.filters()) {
            check(filter, inner);
        }
        return inner;
    }

    private void element(Node.Element element, Block.Builder out, Set<String> locals) {
        out.text("<" + element.name());
        for (Attribute attr : element.attrs()) {
            attribute(attr, out, locals);
        }
        switch (element.closing()) {
            case VOID -> out.text(">");
            case SELF -> out.text("></" + element.name() + ">");
            case NORMAL -> {
                out.text(">");
                for (Node child : element.children()) {
                    node(child, out, locals);
                }
                out.text("</" + element.name() + ">");
            }
        }
    }

    private void attribute(Attribute attr, Block.Builder out, Set<String> locals) {
        switch (attr.kind()) {
            case QUOTED -> out.text(" " + attr.name() + "=\"" + attr.text() + "\"");
            case SINGLE_QUOTED -> out.text(" " + attr.name() + "='" + attr.text() + "'");
            case BARE -> out.text(" " + attr.name());
            case EXPR -> {
                check(attr.expr(), locals);
                expressionAttribute(attr.name(), attr.expr(), attr.code(), out);
            }
            case SPREAD -> {
                check(attr.expr(), locals);
                if (attr.expr() instanceof Expr.MapOf map && map.keys().stream()
                        .allMatch(k -> k instanceof Expr.Literal l && l.value() instanceof String)) {
                    for (int i = 0; i < map.keys().size(); i++) {
                        String name = (String) ((Expr.Literal) map.keys().get(i)).value();
                        expressionAttribute(name, map.values().get(i), attr.code() + "#" + name, out);
                    }
                } else {
                    out.part(new Part.Output(attr.expr(), Mode.SPREAD, null, attr.code()));
                }
            }
        }
    }

    /** HTMLEngine's handle_attr_escape: class and style keep their quotes; string pieces stay static. */
    private void expressionAttribute(String name, Expr expr, String code, Block.Builder out) {
        if (name.equals("class")) {
            if (expr instanceof Expr.ListOf list) {
                List<String> head = new ArrayList<>();
                for (Expr element : list.elements()) {
                    if (!(element instanceof Expr.Literal l && l.value() instanceof String s)) {
                        break;
                    }
                    head.add(s);
                }
                if (!head.isEmpty()) {
                    List<Expr> tail = list.elements().subList(head.size(), list.elements().size());
                    String joined = Html.classValue(head);
                    if (tail.isEmpty()) {
                        out.text(" class=\"" + joined + "\"");
                        return;
                    }
                    out.text(" class=\"" + joined + " ");
                    out.part(new Part.Output(new Expr.ListOf(tail.get(0).pos(), List.copyOf(tail)), Mode.CLASS, name, code));
                    out.text("\"");
                    return;
                }
            }
            out.text(" class=\"");
            out.part(new Part.Output(expr, Mode.CLASS, name, code));
            out.text("\"");
            return;
        }
        if (name.equals("style")) {
            out.text(" style=\"");
            out.part(new Part.Output(expr, Mode.STYLE, name, code));
            out.text("\"");
            return;
        }
        List<Object> pieces = new ArrayList<>();
        if (!binaries(expr, true, pieces)) {
            out.part(new Part.Output(expr, Mode.ATTRIBUTE, name, code));
            return;
        }
        out.text(" " + name + "=\"");
        for (Object piece : pieces) {
            if (piece instanceof String text) {
                out.text(Html.escapeText(text));
            } else {
                Part.Output part = (Part.Output) piece;
                out.part(part);
            }
        }
        out.text("\"");
    }

    /** HTMLEngine's extract_binaries: string literals, interpolations and {@code <>} split into static and dynamic pieces. */
    private boolean binaries(Expr expr, boolean root, List<Object> pieces) {
        if (expr instanceof Expr.Literal literal && literal.value() instanceof String text) {
            pieces.add(text);
            return true;
        }
        if (expr instanceof Expr.Interpolation interpolation) {
            for (Object part : interpolation.parts()) {
                if (part instanceof String text) {
                    pieces.add(text);
                } else {
                    Expr inner = (Expr) part;
                    pieces.add(new Part.Output(inner, Mode.TEXT, null, String.valueOf(inner)));
                }
            }
            return true;
        }
        if (expr instanceof Expr.Binary binary && binary.op().equals("<>")) {
            binaries(binary.left(), false, pieces);
            binaries(binary.right(), false, pieces);
            return true;
        }
        if (root) {
            return false;
        }
        pieces.add(new Part.Output(expr, Mode.STRING, null, String.valueOf(expr)));
        return true;
    }

    private Part call(Node.Call call, Set<String> locals) {
        ComponentDef def = scope.component(call.name());
        if (def == null && call.name().equals("live_component")) {
            return liveComponent(call, locals);
        }
        if (def == null) {
            throw source.error(call.pos(), "undefined function component <." + call.name() + "> (" + scope.describeComponents() + ")");
        }
        called.add(def);
        List<Argument> arguments = new ArrayList<>();
        Set<String> given = new HashSet<>();
        boolean spread = false;
        for (Attribute attr : call.attrs()) {
            if (attr.kind() == Attribute.Kind.SPREAD) {
                check(attr.expr(), locals);
                spread = true;
                arguments.add(new Argument(null, null, attr.expr(), true, attr.code()));
                continue;
            }
            String name = attr.name();
            if (!given.add(name)) {
                throw source.error(attr.pos(), "attribute \"" + name + "\" is given twice to <." + call.name() + ">");
            }
            if (def.declared && !def.attrs.containsKey(name) && !def.acceptsGlobal(name)) {
                throw source.error(attr.pos(), "undefined attribute \"" + name + "\" for component <." + call.name() + ">"
                        + (def.slots.containsKey(name) ? " (it is a slot: pass it as <:" + name + ">)" : ""));
            }
            arguments.add(argument(attr, locals));
        }
        List<ComponentPart.Entry> entries = new ArrayList<>();
        boolean hasInner = !call.selfClosing() && (call.inner().stream().anyMatch(n -> !(n instanceof Node.Text t) || !t.text().isBlank())
                || !def.declared || def.slots.containsKey("inner_block"));
        if (hasInner) {
            if (def.declared && !def.slots.containsKey("inner_block")) {
                throw source.error(call.pos(), "component <." + call.name() + "> takes no inner content (declare @Slot(name = \"inner_block\"))");
            }
            entries.add(entry("inner_block", List.of(), call.inner(), call.special().let(), call.pos(), locals));
        } else if (call.special().let() != null) {
            throw source.error(call.pos(), "cannot use :let on a component without inner content");
        }
        for (Node.SlotEntry slot : call.slots()) {
            if (def.declared && !def.slots.containsKey(slot.name())) {
                throw source.error(slot.pos(), "undefined slot \"" + slot.name() + "\" for component <." + call.name() + ">");
            }
            List<Argument> slotArguments = new ArrayList<>();
            for (Attribute attr : slot.attrs()) {
                if (attr.kind() == Attribute.Kind.SPREAD) {
                    throw source.error(attr.pos(), "attribute spreads are not supported on slot entries");
                }
                slotArguments.add(argument(attr, locals));
            }
            entries.add(entry(slot.name(), slotArguments, slot.selfClosing() ? null : slot.inner(), slot.special().let(),
                    slot.pos(), locals));
        }
        if (!spread) {
            for (Attr attr : def.attrs.values()) {
                if (attr.required() && !given.contains(attr.name())) {
                    throw source.error(call.pos(), "missing required attribute \"" + attr.name() + "\" for component <." + call.name() + ">");
                }
            }
        }
        for (Slot slot : def.slots.values()) {
            if (slot.required() && entries.stream().noneMatch(e -> e.slot().equals(slot.name()))) {
                throw source.error(call.pos(), "missing required slot \"" + slot.name() + "\" for component <." + call.name() + ">");
            }
        }
        return ComponentPart.of(call.pos(), def, arguments, entries);
    }

    /** {@code <.live_component module={Toggle} id=… …/>}: a literal module, an id, no inner content. */
    private Part liveComponent(Node.Call call, Set<String> locals) {
        Class<?> module = null;
        boolean id = false;
        boolean spread = false;
        List<Argument> arguments = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (Attribute attr : call.attrs()) {
            if (attr.kind() == Attribute.Kind.SPREAD) {
                check(attr.expr(), locals);
                spread = true;
                arguments.add(new Argument(null, null, attr.expr(), true, attr.code()));
                continue;
            }
            if (!given.add(attr.name())) {
                throw source.error(attr.pos(), "attribute \"" + attr.name() + "\" is given twice to <.live_component>");
            }
            if (attr.name().equals("module")) {
                if (!(attr.kind() == Attribute.Kind.EXPR && attr.expr() instanceof Expr.Literal literal
                        && literal.value() instanceof ModuleRef ref)) {
                    throw source.error(attr.pos(), "<.live_component> needs module={SomeComponent}: a class the template's "
                            + "class imports (@TemplateImports) or nests");
                }
                module = ref.type();
                continue;
            }
            id |= attr.name().equals("id");
            arguments.add(argument(attr, locals));
        }
        if (module == null) {
            throw source.error(call.pos(), "missing required attribute \"module\" for component <.live_component>");
        }
        if (!id && !spread) {
            throw source.error(call.pos(), "missing required attribute \"id\" for component <.live_component>");
        }
        if (!call.slots().isEmpty() || (!call.selfClosing()
                && call.inner().stream().anyMatch(n -> !(n instanceof Node.Text t) || !t.text().isBlank()))) {
            throw source.error(call.pos(), "<.live_component> takes no inner content nor slots here (not supported yet)");
        }
        return LiveComponentPart.of(call.pos(), module, arguments);
    }

    private Argument argument(Attribute attr, Set<String> locals) {
        return switch (attr.kind()) {
            case QUOTED, SINGLE_QUOTED -> new Argument(attr.name(), attr.text(), null, false, null);
            case BARE -> new Argument(attr.name(), Boolean.TRUE, null, false, null);
            default -> {
                check(attr.expr(), locals);
                yield new Argument(attr.name(), null, attr.expr(), false, attr.code());
            }
        };
    }

    private ComponentPart.Entry entry(String slot, List<Argument> arguments, List<Node> inner, Pattern let, int pos,
            Set<String> locals) {
        Block block = null;
        if (inner != null) {
            Set<String> scoped = new HashSet<>(locals);
            if (let != null) {
                let.names(scoped);
            }
            block = block(inner, false, scoped);
        }
        return new ComponentPart.Entry(slot, List.copyOf(arguments), block, let, pos);
    }

    /** Every variable an expression uses must be bound by an enclosing {@code for}, {@code :for} or {@code :let}. */
    private void check(Expr expr, Set<String> locals) {
        Reads reads = Expr.readsOf(expr);
        for (String var : reads.freeVars) {
            if (!locals.contains(var)) {
                throw source.error(reads.varPositions.get(var), "undefined variable " + var
                        + " (assigns are read with @" + var + "; variables come from :for, for and :let)");
            }
        }
    }
}
