package io.phoenixspring.live.template;

import io.phoenixspring.live.rendered.Rendered;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A template compiled from HEEx. */
final class CompiledTemplate implements Template {

    private final Block block;

    CompiledTemplate(Block block) {
        this.block = block;
    }

    @Override
    public Rendered render(Map<String, Object> assigns, Set<String> changed) {
        return render(assigns, changed, Map.of());
    }

    @Override
    public Rendered render(Map<String, Object> assigns, Set<String> changed, Map<String, Object> previous) {
        // Snapshots: the rendered is evaluated lazily, when the Diff asks for its dynamics.
        Map<String, Object> snapshot = Collections.unmodifiableMap(new HashMap<>(assigns));
        Map<String, Object> before = changed == null || previous.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new HashMap<>(previous));
        return block.render(new Env(snapshot, null, before), changed == null ? null : Set.copyOf(changed));
    }

    @Override
    public String toString() {
        return "Template[" + block.source.name + "]";
    }
}
