package io.phoenixspring.live.rendered;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a template renders to (Phoenix.LiveView.Rendered): its static strings, one more than its
 * dynamic parts, and the dynamic parts in order. A dynamic is an already HTML-escaped
 * {@code String}, a nested {@code Rendered}, a {@link Comprehension}, a live component ({@link LiveComponentRef}), or {@code null}: unchanged
 * since this template last rendered at this place. Templates with the same statics share a
 * fingerprint, which is how a {@link Diff} knows the client already has them.
 *
 * <p>As in Phoenix, the dynamics are asked for with a flag: with change tracking (the client has
 * this template here, so unchanged parts may be {@code null}) or without (the client needs it all,
 * e.g. an {@code if} switched branches, a rejoin, the dead render).
 *
 * <pre>{@code
 * Rendered count = Rendered.of(List.of("<span id=\"count\">", "</span>"), List.of("5"), 42L, true);
 * count.toHtml(); // <span id="count">5</span>
 * }</pre>
 */
public final class Rendered {

    private final List<String> statics;
    private final Function<Boolean, List<Object>> dynamics;
    private final long fingerprint;
    private final boolean root;

    private Rendered(List<String> statics, Function<Boolean, List<Object>> dynamics, long fingerprint, boolean root) {
        this.statics = List.copyOf(statics);
        this.dynamics = dynamics;
        this.fingerprint = fingerprint;
        this.root = root;
    }

    /**
     * A rendered whose dynamics are already computed (the same with or without change tracking;
     * {@code null} elements then mean unchanged, and are refused when the client lacks the template).
     */
    public static Rendered of(List<String> statics, List<Object> dynamics, long fingerprint, boolean root) {
        List<Object> checked = check(statics, dynamics, true);
        return new Rendered(statics, track -> checked, fingerprint, root);
    }

    /**
     * A rendered whose dynamics are computed when asked: {@code dynamics.apply(true)} may leave
     * unchanged parts {@code null}, {@code dynamics.apply(false)} must compute them all.
     */
    public static Rendered lazy(List<String> statics, Function<Boolean, List<Object>> dynamics, long fingerprint,
            boolean root) {
        return new Rendered(statics, dynamics, fingerprint, root);
    }

    public List<String> statics() {
        return statics;
    }

    public long fingerprint() {
        return fingerprint;
    }

    /** Whether the output has a single root tag (sent as {@code "r": 1}). */
    public boolean root() {
        return root;
    }

    /**
     * The dynamic parts.
     *
     * @param trackChanges whether unchanged parts may be {@code null} (the client has this template)
     * @throws IllegalStateException when a part is missing though {@code trackChanges} is false
     */
    public List<Object> dynamics(boolean trackChanges) {
        List<Object> values = check(statics, dynamics.apply(trackChanges), trackChanges);
        return values;
    }

    private static List<Object> check(List<String> statics, List<Object> dynamics, boolean nullsAllowed) {
        if (statics.size() != dynamics.size() + 1) {
            throw new IllegalArgumentException("a rendered needs one more static than dynamics: " + statics.size()
                    + " statics, " + dynamics.size() + " dynamics");
        }
        for (int i = 0; i < dynamics.size(); i++) {
            Object dynamic = dynamics.get(i);
            if (dynamic == null) {
                if (!nullsAllowed) {
                    throw new IllegalStateException("dynamic " + i + " is missing (null) though the whole template was asked for");
                }
            } else if (!(dynamic instanceof String) && !(dynamic instanceof Rendered) && !(dynamic instanceof Comprehension)
                    && !(dynamic instanceof LiveComponentRef) && !(dynamic instanceof LiveComponentCall)) {
                throw new IllegalArgumentException("a dynamic is an escaped String, a Rendered, a Comprehension or a live component, got "
                        + dynamic.getClass().getName());
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(dynamics));
    }

    /** The HTML: statics and dynamics interleaved, everything computed. */
    public String toHtml() {
        StringBuilder html = new StringBuilder();
        appendHtml(html);
        return html.toString();
    }

    void appendHtml(StringBuilder html) {
        List<Object> values = dynamics(false);
        for (int i = 0; i < values.size(); i++) {
            html.append(statics.get(i));
            appendDynamic(html, values.get(i));
        }
        html.append(statics.get(statics.size() - 1));
    }

    static void appendDynamic(StringBuilder html, Object dynamic) {
        if (dynamic instanceof String text) {
            html.append(text);
        } else if (dynamic instanceof Rendered nested) {
            nested.appendHtml(html);
        } else if (dynamic instanceof LiveComponentCall call) {
            appendDynamic(html, call.resolve());
        } else if (dynamic instanceof LiveComponentRef component) {
            if (component.tree() == null) {
                throw new IllegalStateException("the live component " + component.cid() + " was not rendered: its HTML is unknown");
            }
            component.tree().appendHtml(html);
        } else {
            ((Comprehension) Objects.requireNonNull(dynamic, "dynamic")).appendHtml(html);
        }
    }

    @Override
    public String toString() {
        return "Rendered[fingerprint=" + fingerprint + ", statics=" + statics + "]";
    }
}
