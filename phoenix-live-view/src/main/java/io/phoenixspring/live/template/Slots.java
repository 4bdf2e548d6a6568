package io.phoenixspring.live.template;

import io.phoenixspring.live.rendered.Comprehension;
import io.phoenixspring.live.rendered.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Slots at render time. A slot is a list of entries; an entry is a map of its attributes plus
 * {@code "__slot__"} (its name) and {@code "inner_block"} (its content, rendered in the caller's
 * scope and with the caller's change tracking, as Phoenix's {@code render_slot}).
 */
final class Slots {

    /** Fingerprints of the wrapper Phoenix renders around several entries ({@code for entry <- @entries}). */
    private static final long MANY = 0x5107_5eed_0000_0001L;
    private static final long MANY_ROW = 0x5107_5eed_0000_0002L;

    private Slots() {
    }

    /** A slot entry's content: its block, the caller's variables and changes, and its {@code :let} pattern. */
    record InnerBlock(Block block, Env env, Set<String> changed, Pattern let, int pos) {

        Rendered render(Object argument) {
            Env scope = let == null ? env : env.with(let.bind(argument, env.locals(), pos));
            return block.render(scope, changed);
        }
    }

    /** {@code render_slot(slot, argument)}: nil for no entries, one entry's content, or all entries in order. */
    static Object render(Object slot, Object argument) {
        if (slot == null) {
            return null;
        }
        if (slot instanceof Map<?, ?> entry) {
            return entry(entry, argument);
        }
        if (!(slot instanceof List<?> entries)) {
            throw new IllegalArgumentException("render_slot expects a slot (a list of entries), got " + Values.describe(slot));
        }
        if (entries.isEmpty()) {
            return null;
        }
        if (entries.size() == 1) {
            return entry(entries.get(0), argument);
        }
        List<List<Object>> rows = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            rows.add(List.of(entry(entry, argument)));
        }
        Comprehension all = new Comprehension(List.of("", ""), rows, MANY_ROW, null);
        return Rendered.of(List.of("", ""), List.of(all), MANY, false);
    }

    private static Rendered entry(Object entry, Object argument) {
        if (!(entry instanceof Map<?, ?> map) || !(map.containsKey("inner_block"))) {
            throw new IllegalArgumentException("render_slot expects a slot entry, got " + Values.describe(entry));
        }
        if (!(map.get("inner_block") instanceof InnerBlock inner)) {
            throw new IllegalArgumentException("the slot entry <:" + map.get("__slot__") + "> has no inner content to render");
        }
        return inner.render(argument);
    }
}
