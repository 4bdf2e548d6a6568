package io.phoenixspring.live.template;

import io.phoenixspring.live.template.Env.Locals;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The left side of {@code x <- list} and of {@code :let}: a variable, {@code _}, or a tuple {@code {a, b}}. */
sealed interface Pattern {

    Locals bind(Object value, Locals locals, int pos);

    void names(Set<String> into);

    record Var(String name) implements Pattern {
        @Override
        public Locals bind(Object value, Locals locals, int pos) {
            return new Locals(name, value, locals);
        }

        @Override
        public void names(Set<String> into) {
            into.add(name);
        }
    }

    record Ignore() implements Pattern {
        @Override
        public Locals bind(Object value, Locals locals, int pos) {
            return locals;
        }

        @Override
        public void names(Set<String> into) {
        }
    }

    /** {@code {a, b}}: matches a Map.Entry (key, value) or a list of that many elements. */
    record Tuple(List<Pattern> elements) implements Pattern {
        @Override
        public Locals bind(Object value, Locals locals, int pos) {
            List<?> values;
            if (value instanceof Map.Entry<?, ?> entry && elements.size() == 2) {
                values = java.util.Arrays.asList(entry.getKey(), entry.getValue());
            } else if (value instanceof List<?> list && list.size() == elements.size()) {
                values = list;
            } else {
                throw new EvalException(pos, "no match of {" + elements.size() + " elements} with " + Values.describe(value));
            }
            Locals bound = locals;
            for (int i = 0; i < elements.size(); i++) {
                bound = elements.get(i).bind(values.get(i), bound, pos);
            }
            return bound;
        }

        @Override
        public void names(Set<String> into) {
            for (Pattern element : elements) {
                element.names(into);
            }
        }
    }
}
