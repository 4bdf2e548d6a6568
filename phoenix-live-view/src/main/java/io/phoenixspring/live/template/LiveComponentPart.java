package io.phoenixspring.live.template;

import io.phoenixspring.live.rendered.LiveComponentCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <.live_component module={Toggle} id={…} …/>}: evaluates the attributes in the caller's scope
 * into a {@link LiveComponentCall}: the runtime gives it a cid when the tree is walked.
 * Re-evaluated, as Phoenix's, whenever an attribute reads a changed assign: the component's update
 * then runs with all the attributes again.
 */
record LiveComponentPart(int pos, Class<?> type, List<ComponentPart.Argument> arguments, Reads reads, String signature)
        implements Part {

    static LiveComponentPart of(int pos, Class<?> type, List<ComponentPart.Argument> arguments) {
        Reads reads = new Reads();
        StringBuilder signature = new StringBuilder("live_component:").append(type.getName());
        for (ComponentPart.Argument argument : arguments) {
            reads.add(argument.reads());
            signature.append('\u0002').append(argument.name()).append('=')
                    .append(argument.expr() == null ? String.valueOf(argument.literal()) : argument.code());
        }
        return new LiveComponentPart(pos, type, List.copyOf(arguments), reads, signature.toString());
    }

    @Override
    public Object value(Env env, Set<String> changed) {
        Map<String, Object> assigns = new LinkedHashMap<>();
        for (ComponentPart.Argument argument : arguments) {
            Object value = argument.value(env);
            if (argument.spread()) {
                if (!(value instanceof Map<?, ?> map)) {
                    throw new EvalException(argument.expr().pos(), "attributes spread on a live component must be a map, got "
                            + Values.describe(value));
                }
                map.forEach((key, v) -> assigns.put(Values.text(key, argument.expr().pos()), v));
            } else {
                assigns.put(argument.name(), value);
            }
        }
        assigns.remove("module");
        Object id = assigns.get("id");
        if (id == null) {
            throw new EvalException(pos, "<.live_component> of " + type.getSimpleName() + " needs an id, got nil");
        }
        String key = id instanceof String text ? text : Values.text(id, pos);
        return new LiveComponentCall(type, key, assigns);
    }
}
