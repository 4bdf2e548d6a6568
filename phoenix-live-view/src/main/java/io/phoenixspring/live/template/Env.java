package io.phoenixspring.live.template;

import java.util.Map;

/**
 * What an expression sees while rendering: the assigns and the local variables in scope, and for
 * nested change tracking the values changed assigns had at the previous render (empty when unknown).
 */
record Env(Map<String, Object> assigns, Locals locals, Map<String, Object> previous) {

    Env(Map<String, Object> assigns, Locals locals) {
        this(assigns, locals, Map.of());
    }

    /** Variables bound by {@code :for}, {@code for} and {@code :let}: a persistent list, innermost first. */
    record Locals(String name, Object value, Locals next) {

        static Object lookup(Locals locals, String name, int pos) {
            for (Locals l = locals; l != null; l = l.next) {
                if (l.name.equals(name)) {
                    return l.value;
                }
            }
            throw new EvalException(pos, "undefined variable " + name);
        }
    }

    Env with(Locals newLocals) {
        return new Env(assigns, newLocals, previous);
    }
}
