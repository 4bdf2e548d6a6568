package io.phoenixspring.live.rendered;

/**
 * A live component at one place of a parent's tree (Phoenix.LiveView.Component once the runtime gave
 * it a cid): on the wire the integer {@code cid} in the parent's dynamics, and the component's own
 * tree under the diff's {@code "c"}. {@code tree} is what the component rendered this time, or null
 * when it did not change (only the cid is sent).
 *
 * <pre>{@code
 * Rendered parent = Rendered.of(List.of("<main>", "</main>"), List.of(new LiveComponentRef(1, Toggle.class, tree)), 7L, true);
 * }</pre>
 *
 * @param cid the component's id in its view (1, 2, …)
 * @param type the component's class: components of one class may share statics ({@code "s": cid})
 * @param tree the component's rendered (one root tag), or null when unchanged
 */
public record LiveComponentRef(int cid, Class<?> type, Rendered tree) {

    public LiveComponentRef {
        if (cid < 1) {
            throw new IllegalArgumentException("a cid is positive, got " + cid);
        }
        if (tree != null && !tree.root()) {
            throw new IllegalArgumentException("the live component " + type.getName()
                    + " must render a single static HTML tag at the root (Phoenix: stateful components need one)");
        }
    }
}
