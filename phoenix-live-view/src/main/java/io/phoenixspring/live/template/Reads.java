package io.phoenixspring.live.template;

import io.phoenixspring.live.form.Form;
import io.phoenixspring.live.form.FormField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a part of a template reads, found at compile time: the root assigns ({@code @user.name}
 * reads {@code user}), whether it reads everything ({@code assigns} itself), and the local variables
 * it uses that it does not bind (a part reading them is re-evaluated every time, as in Phoenix).
 * Reads through literal paths ({@code @user.name}, {@code @form[:email]}) are also kept by path, for
 * Phoenix's nested change tracking: when the previous value of a changed assign is known, the part
 * is re-evaluated only if a path it reads differs.
 */
final class Reads {

    /** One step of a literal path: {@code .key} (field) or {@code [:key]} (access). */
    record Step(boolean access, String key) {
    }

    final Set<String> keys = new TreeSet<>();
    /** Root assigns read as a whole (or through something other than a literal path). */
    final Set<String> whole = new HashSet<>();
    /** Literal paths read into root assigns. */
    final Map<String, Set<List<Step>>> paths = new TreeMap<>();
    final Set<String> freeVars = new TreeSet<>();
    /** Where each free variable is first used, for errors. */
    final Map<String, Integer> varPositions = new HashMap<>();
    boolean all;

    void key(String name) {
        keys.add(name);
        whole.add(name);
    }

    void path(String root, List<Step> steps) {
        keys.add(root);
        paths.computeIfAbsent(root, k -> new HashSet<>()).add(List.copyOf(steps));
    }

    void variable(String name, int pos) {
        freeVars.add(name);
        varPositions.putIfAbsent(name, pos);
    }

    /** Whether a part with these reads must be re-evaluated when {@code changed} assigns changed. */
    boolean affectedBy(Set<String> changed) {
        return affectedBy(changed, null);
    }

    /** As {@link #affectedBy(Set)}, comparing the paths read with {@code env}'s previous values. */
    boolean affectedBy(Set<String> changed, Env env) {
        if (changed == null || all || !freeVars.isEmpty()) {
            return true;
        }
        for (String key : keys) {
            if (changed.contains(key) && (whole.contains(key) || env == null || !env.previous().containsKey(key)
                    || pathsChanged(key, env))) {
                return true;
            }
        }
        return false;
    }

    private boolean pathsChanged(String key, Env env) {
        Object before = env.previous().get(key);
        Object now = env.assigns().get(key);
        for (List<Step> path : paths.get(key)) {
            if (changed(now, before, path, 0)) {
                return true;
            }
        }
        return false;
    }

    /** Phoenix's {@code recur_changed_assign}: maps and records compared key by key, forms field by field. */
    private static boolean changed(Object now, Object before, List<Step> path, int index) {
        Step step = path.get(index);
        boolean last = index == path.size() - 1;
        if (step.access() && last && now instanceof Form a && before instanceof Form b) {
            return inputChanged(a, b, step.key());
        }
        if (step.access() && (!(now instanceof Map<?, ?>) || !(before instanceof Map<?, ?>))) {
            return true;
        }
        Object[] a = lookup(now, step.key());
        Object[] b = lookup(before, step.key());
        if (last) {
            return !(a == null && b == null) && (a == null || b == null || !Objects.equals(a[0], b[0]));
        }
        return a == null || b == null || changed(a[0], b[0], path, index + 1);
    }

    /** {@code {value}}, or null when {@code target} has no such key, component or getter. */
    private static Object[] lookup(Object target, String key) {
        if (target instanceof Map<?, ?> map) {
            return map.containsKey(key) ? new Object[] {map.get(key)} : null;
        }
        if (target == null) {
            return null;
        }
        try {
            return new Object[] {Access.field(target, key, 0)};
        } catch (EvalException e) {
            return null;
        }
    }

    /** phoenix_html's {@code Form.input_changed?} plus LiveView's used-input check. */
    private static boolean inputChanged(Form a, Form b, String field) {
        FormField x = a.field(field);
        FormField y = b.field(field);
        return !Objects.equals(a.id(), b.id()) || !Objects.equals(a.name(), b.name())
                || !Objects.equals(x.errors(), y.errors()) || !Objects.equals(x.value(), y.value()) || x.used() != y.used();
    }

    void add(Reads other) {
        keys.addAll(other.keys);
        whole.addAll(other.whole);
        other.paths.forEach((root, set) -> paths.computeIfAbsent(root, k -> new HashSet<>()).addAll(set));
        freeVars.addAll(other.freeVars);
        all |= other.all;
    }

    /** Adds {@code other}'s reads, its free variables less those bound here. */
    void addBound(Reads other, Set<String> bound) {
        keys.addAll(other.keys);
        whole.addAll(other.whole);
        other.paths.forEach((root, set) -> paths.computeIfAbsent(root, k -> new HashSet<>()).addAll(set));
        all |= other.all;
        for (String var : other.freeVars) {
            if (!bound.contains(var)) {
                freeVars.add(var);
            }
        }
    }

    /** The literal path of {@code expr} ({@code @a.b[:c]} → a, [.b, [:c]]), or null. */
    static List<Object> pathOf(Expr expr) {
        List<Step> steps = new ArrayList<>();
        Expr current = expr;
        while (true) {
            if (current instanceof Expr.Field field && !(field.target() instanceof Expr.AllAssigns)) {
                steps.add(0, new Step(false, field.name()));
                current = field.target();
            } else if (current instanceof Expr.Index index && index.key() instanceof Expr.Literal literal
                    && literal.value() instanceof String key && !(index.target() instanceof Expr.AllAssigns)) {
                steps.add(0, new Step(true, key));
                current = index.target();
            } else {
                break;
            }
        }
        if (steps.isEmpty() || !(current instanceof Expr.Assign assign)) {
            return null;
        }
        return List.of(assign.name(), steps);
    }
}
