package io.phoenixspring.live.template;

import io.phoenixspring.live.html.Html;
import io.phoenixspring.live.html.Safe;
import io.phoenixspring.live.rendered.Comprehension;
import io.phoenixspring.live.rendered.Rendered;
import io.phoenixspring.live.template.ExprParser.Generator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A dynamic part of a {@link Block}: one entry of the rendered's dynamics. */
interface Part {

    /** What it reads, to skip it when nothing it reads changed. */
    Reads reads();

    /** Its dynamic: an escaped String, a Rendered or a Comprehension (never null). */
    Object value(Env env, Set<String> changed);

    /** Its code and shape, for the block's fingerprint. */
    String signature();

    /** How an expression's value becomes HTML. */
    enum Mode {
        /** In a body: escaped text, or a nested rendered. */
        BODY,
        /** {@code name={expr}}: {@code " name=\"value\""}, {@code " name"} or nothing. */
        ATTRIBUTE,
        /** Inside {@code class="…"}: a class list. */
        CLASS,
        /** Inside {@code style="…"}: always written, empty for nil/false/true. */
        STYLE,
        /** A piece of an interpolated attribute value: escaped text. */
        TEXT,
        /** An operand of {@code <>} in an attribute value: must be a string. */
        STRING,
        /** {@code {@rest}}: a map of attributes. */
        SPREAD
    }

    /** An expression's value. */
    record Output(Expr expr, Mode mode, String name, String code, Reads reads) implements Part {

        Output(Expr expr, Mode mode, String name, String code) {
            this(expr, mode, name, code, Expr.readsOf(expr));
        }

        @Override
        public Object value(Env env, Set<String> changed) {
            Object value = expr.eval(env);
            try {
                return switch (mode) {
                    case BODY -> value instanceof Rendered || value instanceof Comprehension ? value : Html.escape(value);
                    case ATTRIBUTE -> Html.attribute(name, value);
                    case CLASS -> Html.classValue(value);
                    case STYLE -> Html.emptyValue(value);
                    case TEXT -> Html.escapeText(Html.text(value));
                    case STRING -> value instanceof Safe safe ? safe.html()
                            : Html.escapeText(Values.string(value, expr.pos(), "<>"));
                    case SPREAD -> Html.attributes(value).html();
                };
            } catch (IllegalArgumentException e) {
                throw new EvalException(expr.pos(), e.getMessage());
            }
        }

        @Override
        public String signature() {
            return mode + ":" + name + ":" + code;
        }
    }

    /** {@code if} blocks and {@code :if}: the chosen branch's own rendered, or "" without one. */
    record If(Expr condition, Block then, Block otherwise, String code, Reads reads) implements Part {

        If(Expr condition, Block then, Block otherwise, String code) {
            this(condition, then, otherwise, code, reads(condition, then, otherwise));
        }

        private static Reads reads(Expr condition, Block then, Block otherwise) {
            Reads reads = Expr.readsOf(condition);
            if (then != null) {
                reads.add(then.reads);
            }
            if (otherwise != null) {
                reads.add(otherwise.reads);
            }
            return reads;
        }

        @Override
        public Object value(Env env, Set<String> changed) {
            Block branch = Values.truthy(condition.eval(env)) ? then : otherwise;
            return branch == null ? "" : branch.render(env, changed);
        }

        @Override
        public String signature() {
            return "if:" + code + ":" + (then == null ? "" : then.fingerprint) + ":" + (otherwise == null ? "" : otherwise.fingerprint);
        }
    }

    /** {@code for} blocks and {@code :for}: a comprehension, a stream one over {@link StreamItems}. */
    record For(Generator generator, Block body, String code, Reads reads) implements Part {

        For(Generator generator, Block body, String code) {
            this(generator, body, code, reads(generator, body));
        }

        private static Reads reads(Generator generator, Block body) {
            Reads reads = Expr.readsOf(generator.source());
            Set<String> bound = new HashSet<>();
            generator.pattern().names(bound);
            Reads inner = new Reads();
            inner.add(body.reads);
            generator.filters().forEach(filter -> filter.reads(inner));
            reads.addBound(inner, bound);
            return reads;
        }

        @Override
        public Object value(Env env, Set<String> changed) {
            Object items = generator.source().eval(env);
            int pos = generator.source().pos();
            List<List<Object>> rows = new ArrayList<>();
            if (items instanceof StreamItems stream) {
                List<Comprehension.Insert> inserts = new ArrayList<>();
                for (StreamItems.Entry entry : stream.inserts()) {
                    Env row = env.with(generator.pattern().bind(java.util.Arrays.asList(entry.domId(), entry.item()), env.locals(), pos));
                    if (accepts(row)) {
                        rows.add(body.dynamics(row, null));
                        inserts.add(new Comprehension.Insert(entry.domId(), entry.at(), entry.limit()));
                    }
                }
                Comprehension.Stream operations = new Comprehension.Stream(stream.ref(), inserts, stream.deletes(), stream.reset());
                return new Comprehension(body.statics, rows, body.fingerprint, operations);
            }
            for (Object item : Values.enumerable(items, pos)) {
                Env row = env.with(generator.pattern().bind(item, env.locals(), pos));
                if (accepts(row)) {
                    rows.add(body.dynamics(row, null));
                }
            }
            return new Comprehension(body.statics, rows, body.fingerprint, null);
        }

        private boolean accepts(Env row) {
            for (Expr filter : generator.filters()) {
                if (!Values.truthy(filter.eval(row))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String signature() {
            return "for:" + code + ":" + body.fingerprint;
        }
    }
}
