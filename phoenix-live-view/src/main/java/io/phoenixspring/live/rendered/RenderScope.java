package io.phoenixspring.live.rendered;

import java.util.function.Supplier;

/**
 * A value that holds for the render running on this thread, as a process dictionary entry holds
 * for one LiveView process: set around a render, restored (nested renders) or removed after it.
 * Rendering is lazy, so the {@code toHtml()} or diff that evaluates the template runs inside.
 *
 * <pre>{@code
 * private static final RenderScope<Host> HOST = new RenderScope<>();
 * String html = HOST.with(host, () -> template.render(assigns, null).toHtml());
 * }</pre>
 */
public final class RenderScope<T> {

    private final ThreadLocal<T> current = new ThreadLocal<>();

    /** Runs {@code render} with {@code value} current, then puts back what was current before. */
    public <R> R with(T value, Supplier<R> render) {
        T outer = current.get();
        current.set(value);
        try {
            return render.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    /** The value of the render running on this thread, or null outside {@link #with}. */
    public T current() {
        return current.get();
    }
}
