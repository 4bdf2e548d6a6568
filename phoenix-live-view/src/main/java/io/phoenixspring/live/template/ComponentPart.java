package io.phoenixspring.live.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A function component call: evaluates the attributes and slot entries in the caller's scope,
 * works out which of them changed (Phoenix's {@code __changed__} for components), and renders the
 * component's template with that as its own change tracking.
 */
record ComponentPart(int pos, ComponentDef def, List<Argument> arguments, List<Entry> entries, Reads reads, String signature)
        implements Part {

    /** An attribute at the call site: a literal, an expression, or a spread {@code {@attrs}}. */
    record Argument(String name, Object literal, Expr expr, boolean spread, String code) {

        Reads reads() {
            return expr == null ? new Reads() : Expr.readsOf(expr);
        }

        Object value(Env env) {
            return expr == null ? literal : expr.eval(env);
        }
    }

    /** A slot entry at the call site (the inner content is the entry of {@code inner_block}). */
    record Entry(String slot, List<Argument> arguments, Block inner, Pattern let, int pos) {

        Reads reads() {
            Reads reads = new Reads();
            arguments.forEach(argument -> reads.add(argument.reads()));
            if (inner != null) {
                Set<String> bound = new HashSet<>();
                if (let != null) {
                    let.names(bound);
                }
                reads.addBound(inner.reads, bound);
            }
            return reads;
        }
    }

    static ComponentPart of(int pos, ComponentDef def, List<Argument> arguments, List<Entry> entries) {
        Reads reads = new Reads();
        StringBuilder signature = new StringBuilder("call:").append(def.owner.getName())
                .append('#').append(def.name);
        for (Argument argument : arguments) {
            reads.add(argument.reads());
            signature.append('\u0002').append(argument.name()).append('=')
                    .append(argument.expr() == null ? String.valueOf(argument.literal()) : argument.code());
        }
        for (Entry entry : entries) {
            reads.add(entry.reads());
            signature.append('\u0003').append(entry.slot()).append(entry.inner() == null ? "" : entry.inner().fingerprint);
            for (Argument argument : entry.arguments()) {
                signature.append('\u0002').append(argument.name()).append('=')
                        .append(argument.expr() == null ? String.valueOf(argument.literal()) : argument.code());
            }
        }
        return new ComponentPart(pos, def, List.copyOf(arguments), List.copyOf(entries), reads, signature.toString());
    }

    @Override
    public Object value(Env env, Set<String> changed) {
        Map<String, Object> assigns = new LinkedHashMap<>(def.defaults);
        Set<String> componentChanged = changed == null ? null : new HashSet<>();
        Map<String, Object> globals = def.global == null ? null : new TreeMap<>();
        for (Argument argument : arguments) {
            boolean affected = changed != null && argument.reads().affectedBy(changed, env);
            if (argument.spread()) {
                Object value = argument.value(env);
                if (!(value instanceof Map<?, ?> map)) {
                    throw new EvalException(argument.expr().pos(), "attributes spread on a component must be a map, got "
                            + Values.describe(value));
                }
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = Values.text(entry.getKey(), argument.expr().pos());
                    put(assigns, globals, key, entry.getValue(), affected ? componentChanged : null);
                }
            } else {
                put(assigns, globals, argument.name(), argument.value(env), affected ? componentChanged : null);
            }
        }
        Map<String, List<Object>> slots = new LinkedHashMap<>();
        for (Entry entry : entries) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Argument argument : entry.arguments()) {
                values.put(argument.name(), argument.value(env));
            }
            values.put("__slot__", entry.slot());
            values.put("inner_block", entry.inner() == null ? null
                    : new Slots.InnerBlock(entry.inner(), env, changed, entry.let(), entry.pos()));
            slots.computeIfAbsent(entry.slot(), k -> new ArrayList<>()).add(Collections.unmodifiableMap(values));
            if (changed != null && entry.reads().affectedBy(changed, env)) {
                componentChanged.add(entry.slot());
            }
        }
        slots.forEach((name, list) -> assigns.put(name, Collections.unmodifiableList(list)));
        if (globals != null && !assigns.containsKey(def.global.name())) {
            assigns.put(def.global.name(), Collections.unmodifiableMap(globals));
            if (componentChanged != null) {
                componentChanged.add(def.global.name());
            }
        }
        ComponentDef.Prepared prepared = prepare(assigns, componentChanged);
        Block block = def.block(prepared.clause());
        return block.render(new Env(Collections.unmodifiableMap(prepared.assigns()), null), componentChanged);
    }

    private void put(Map<String, Object> assigns, Map<String, Object> globals, String key, Object value, Set<String> changed) {
        boolean global = globals != null && !def.attrs.containsKey(key) && !def.slots.containsKey(key);
        if (global) {
            globals.put(key, value);
        } else {
            assigns.put(key, value);
        }
        if (changed != null) {
            changed.add(global ? def.global.name() : key);
        }
    }

    /** Runs the component's method; values it adds or replaces count as changed when anything did. */
    private ComponentDef.Prepared prepare(Map<String, Object> assigns, Set<String> componentChanged) {
        Map<String, Object> before = componentChanged == null ? null : new HashMap<>(assigns);
        ComponentDef.Prepared prepared;
        try {
            prepared = def.prepare(assigns);
        } catch (RuntimeException e) {
            throw new EvalException(pos, "component ." + def.name + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
        Map<String, Object> after = prepared.assigns();
        if (before != null && !componentChanged.isEmpty()) {
            for (Map.Entry<String, Object> entry : after.entrySet()) {
                if (!before.containsKey(entry.getKey()) || before.get(entry.getKey()) != entry.getValue()) {
                    componentChanged.add(entry.getKey());
                }
            }
        }
        return prepared;
    }
}
