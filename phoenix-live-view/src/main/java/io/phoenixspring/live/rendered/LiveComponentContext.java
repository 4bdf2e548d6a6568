package io.phoenixspring.live.rendered;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where {@code <.live_component module={Toggle} id="toggle-1" …/>} goes while a view renders: the
 * LiveView runtime keeps its components' state, gives each (class, id) a cid, runs mount/update and
 * renders it, in the order the tree is walked. Rendering is lazy, so the whole render — the {@code Diff} or {@code toHtml()} that
 * evaluates it — runs inside {@link #with}.
 *
 * <pre>{@code
 * Map<String, Object> json = LiveComponentContext.with(components, () -> diff.render(page));
 * }</pre>
 */
public final class LiveComponentContext {

    /** The runtime's side: the component (class, id) with the attributes the caller gave it. */
    @FunctionalInterface
    public interface Host {
        /** The component's place in the tree: its cid and, when it changed, its rendered. */
        LiveComponentRef render(LiveComponentCall call);
    }

    private static final RenderScope<Host> HOST = new RenderScope<>();

    private LiveComponentContext() {
    }

    /** Runs {@code render} with {@code host} serving the live components it meets. */
    public static <T> T with(Host host, Supplier<T> render) {
        return HOST.with(Objects.requireNonNull(host, "host"), render);
    }

    static Host current() {
        Host host = HOST.current();
        if (host == null) {
            throw new IllegalStateException("<.live_component> renders only inside a LiveView (no LiveComponentContext)");
        }
        return host;
    }
}
