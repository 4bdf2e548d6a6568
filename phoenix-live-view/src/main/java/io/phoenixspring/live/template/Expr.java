package io.phoenixspring.live.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An expression of the template language, parsed by {@link ExprParser}: evaluates, and says what it reads. */
sealed interface Expr {

    /** Offset in the template's source, for errors. */
    int pos();

    Object eval(Env env);

    void reads(Reads reads);

    record Literal(int pos, Object value) implements Expr {
        @Override
        public Object eval(Env env) {
            return value;
        }

        @Override
        public void reads(Reads reads) {
        }
    }

    /** {@code @name}. */
    record Assign(int pos, String name) implements Expr {
        @Override
        public Object eval(Env env) {
            Object value = env.assigns().get(name);
            if (value == null && !env.assigns().containsKey(name)) {
                throw new EvalException(pos, "assign @" + name + " not available in the template (available: "
                        + new java.util.TreeSet<>(env.assigns().keySet()) + ")");
            }
            return value;
        }

        @Override
        public void reads(Reads reads) {
            reads.key(name);
        }
    }

    /** {@code assigns}: the whole map, so the part is always re-evaluated. */
    record AllAssigns(int pos) implements Expr {
        @Override
        public Object eval(Env env) {
            return Collections.unmodifiableMap(env.assigns());
        }

        @Override
        public void reads(Reads reads) {
            reads.all = true;
        }
    }

    record Var(int pos, String name) implements Expr {
        @Override
        public Object eval(Env env) {
            return Env.Locals.lookup(env.locals(), name, pos);
        }

        @Override
        public void reads(Reads reads) {
            reads.variable(name, pos);
        }
    }

    /** {@code target.name}. */
    record Field(int pos, Expr target, String name) implements Expr {
        @Override
        public Object eval(Env env) {
            if (target instanceof AllAssigns) {
                return new Assign(pos, name).eval(env);
            }
            return Access.field(target.eval(env), name, pos);
        }

        @Override
        public void reads(Reads reads) {
            if (target instanceof AllAssigns) {
                reads.key(name);
            } else if (!readsPath(this, reads)) {
                target.reads(reads);
            }
        }
    }

    /** {@code target[key]}. */
    record Index(int pos, Expr target, Expr key) implements Expr {
        @Override
        public Object eval(Env env) {
            return Access.index(target.eval(env), key.eval(env), pos);
        }

        @Override
        public void reads(Reads reads) {
            if (target instanceof AllAssigns && key instanceof Literal literal && literal.value() instanceof String name) {
                reads.key(name);
            } else if (!readsPath(this, reads)) {
                target.reads(reads);
            }
            key.reads(reads);
        }
    }

    /** {@code "a #{b} c"}: parts are Strings and Exprs, each turned to text. */
    record Interpolation(int pos, List<Object> parts) implements Expr {
        @Override
        public Object eval(Env env) {
            StringBuilder out = new StringBuilder();
            for (Object part : parts) {
                out.append(part instanceof Expr expr ? Values.text(expr.eval(env), expr.pos()) : (String) part);
            }
            return out.toString();
        }

        @Override
        public void reads(Reads reads) {
            for (Object part : parts) {
                if (part instanceof Expr expr) {
                    expr.reads(reads);
                }
            }
        }
    }

    record Binary(int pos, String op, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Env env) {
            switch (op) {
                case "&&", "and" -> {
                    Object l = left.eval(env);
                    return Values.truthy(l) ? right.eval(env) : l;
                }
                case "||", "or" -> {
                    Object l = left.eval(env);
                    return Values.truthy(l) ? l : right.eval(env);
                }
                default -> {
                }
            }
            Object l = left.eval(env);
            Object r = right.eval(env);
            return switch (op) {
                case "+", "-", "*", "/" -> Values.arithmetic(op, l, r, pos);
                case "==", "===" -> Values.equal(l, r);
                case "!=", "!==" -> !Values.equal(l, r);
                case "<" -> Values.compare(l, r, pos) < 0;
                case ">" -> Values.compare(l, r, pos) > 0;
                case "<=" -> Values.compare(l, r, pos) <= 0;
                case ">=" -> Values.compare(l, r, pos) >= 0;
                case "<>" -> Values.string(l, left.pos(), "<>") + Values.string(r, right.pos(), "<>");
                case "in" -> contains(r, l);
                case "not in" -> !contains(r, l);
                case "++" -> {
                    List<Object> joined = new ArrayList<>(Values.enumerable(l, left.pos()));
                    joined.addAll(Values.enumerable(r, right.pos()));
                    yield joined;
                }
                case ".." -> Values.range(l, r, pos);
                default -> throw new IllegalStateException(op);
            };
        }

        private boolean contains(Object collection, Object element) {
            if (collection instanceof Map<?, ?>) {
                throw new EvalException(pos, "`in` checks lists; for a map's keys use Map.has_key?(map, key)");
            }
            for (Object candidate : Values.enumerable(collection, right.pos())) {
                if (Values.equal(candidate, element)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void reads(Reads reads) {
            left.reads(reads);
            right.reads(reads);
        }
    }

    /** {@code !x}, {@code not x} and {@code -x}. */
    record Unary(int pos, String op, Expr operand) implements Expr {
        @Override
        public Object eval(Env env) {
            Object value = operand.eval(env);
            if (op.equals("-")) {
                return Values.arithmetic("-", 0L, value, pos);
            }
            return !Values.truthy(value);
        }

        @Override
        public void reads(Reads reads) {
            operand.reads(reads);
        }
    }

    record ListOf(int pos, List<Expr> elements) implements Expr {
        @Override
        public Object eval(Env env) {
            List<Object> values = new ArrayList<>(elements.size());
            for (Expr element : elements) {
                values.add(element.eval(env));
            }
            return Collections.unmodifiableList(values);
        }

        @Override
        public void reads(Reads reads) {
            for (Expr element : elements) {
                element.reads(reads);
            }
        }
    }

    /** {@code %{"k" => v, k: v}} and keyword lists {@code [k: v]}: an ordered map. */
    record MapOf(int pos, List<Expr> keys, List<Expr> values) implements Expr {
        @Override
        public Object eval(Env env) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i).eval(env), values.get(i).eval(env));
            }
            return Collections.unmodifiableMap(map);
        }

        @Override
        public void reads(Reads reads) {
            keys.forEach(k -> k.reads(reads));
            values.forEach(v -> v.reads(reads));
        }
    }

    /** {@code if(c, do: a, else: b)}. */
    record If(int pos, Expr condition, Expr then, Expr otherwise) implements Expr {
        @Override
        public Object eval(Env env) {
            return Values.truthy(condition.eval(env)) ? then.eval(env) : otherwise == null ? null : otherwise.eval(env);
        }

        @Override
        public void reads(Reads reads) {
            condition.reads(reads);
            then.reads(reads);
            if (otherwise != null) {
                otherwise.reads(reads);
            }
        }
    }

    /** A call of a function resolved at compile time. */
    record Call(int pos, String name, List<Expr> args, Fn fn) implements Expr {
        @Override
        public Object eval(Env env) {
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).eval(env);
            }
            try {
                return fn.apply(values);
            } catch (TemplateException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new EvalException(pos, name + "/" + args.size() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void reads(Reads reads) {
            for (Expr arg : args) {
                arg.reads(reads);
            }
        }
    }

    /**
     * {@code ~p"/users/#{id}?page=#{n}"}: Phoenix's verified route. {@code path} and {@code query} are
     * String and Expr parts (query null without a {@code ?}); {@code url} for {@code url(~p"...")}.
     */
    record Sigil(int pos, List<Object> path, List<Object> query, boolean url) implements Expr {
        @Override
        public Object eval(Env env) {
            StringBuilder out = new StringBuilder();
            for (Object part : path) {
                out.append(part instanceof Expr expr ? SigilPaths.segment(expr.eval(env), expr.pos()) : (String) part);
            }
            String query = null;
            if (this.query != null) {
                StringBuilder q = new StringBuilder();
                for (Object part : this.query) {
                    q.append(part instanceof Expr expr ? SigilPaths.queryValue(expr.eval(env), expr.pos()) : (String) part);
                }
                query = q.toString();
            }
            return SigilPaths.render(out.toString(), query, staticForm(), url, pos);
        }

        /** A literal path under one of the static paths, without query: the endpoint's static_path. */
        private boolean staticForm() {
            return query == null && path.size() == 1 && path.get(0) instanceof String literal && VerifiedSigils.isStatic(literal);
        }

        Sigil asUrl() {
            return new Sigil(pos, path, query, true);
        }

        @Override
        public void reads(Reads reads) {
            for (List<Object> parts : query == null ? List.of(path) : List.of(path, query)) {
                for (Object part : parts) {
                    if (part instanceof Expr expr) {
                        expr.reads(reads);
                    }
                }
            }
        }
    }

    /** What {@code expr} reads. */
    /** Records {@code expr} as a literal path into an assign ({@code @form[:email]}), if it is one. */
    @SuppressWarnings("unchecked")
    private static boolean readsPath(Expr expr, Reads reads) {
        List<Object> path = Reads.pathOf(expr);
        if (path == null) {
            return false;
        }
        reads.path((String) path.get(0), (List<Reads.Step>) path.get(1));
        return true;
    }

    static Reads readsOf(Expr expr) {
        Reads reads = new Reads();
        expr.reads(reads);
        return reads;
    }
}
