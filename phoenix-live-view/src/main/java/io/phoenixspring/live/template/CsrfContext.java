package io.phoenixspring.live.template;

import io.phoenixspring.live.rendered.RenderScope;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The CSRF token that {@code <.form action=…>} and {@code <.link href=… method="delete">} render,
 * as Phoenix's {@code Plug.CSRFProtection.get_csrf_token_for/1}: the caller (the LiveView runtime)
 * supplies the session's masked token for the renders it runs on this thread. Rendering is lazy, so
 * the whole render — including the {@code Diff} or {@code toHtml()} that evaluates it — runs inside.
 *
 * <pre>{@code
 * Map<String, Object> json = CsrfContext.with(() -> CsrfToken.mask(sessionToken),
 *         () -> diff.render(template.render(assigns, changed)));
 * }</pre>
 */
public final class CsrfContext {

    private static final RenderScope<Supplier<String>> TOKEN = new RenderScope<>();

    private CsrfContext() {
    }

    /** Runs {@code render} with {@code maskedToken} as the CSRF token of forms and links. */
    public static <T> T with(Supplier<String> maskedToken, Supplier<T> render) {
        return TOKEN.with(Objects.requireNonNull(maskedToken, "maskedToken"), render);
    }

    /**
     * The token for a form or link to {@code url}: the session's token for a path (or any URL without a
     * host); null for a URL with a host, for which Phoenix signs a host-specific token we do not make.
     *
     * @throws IllegalStateException outside {@link #with}: a token that no server would accept is worse
     *     than none, so the component asks for one explicitly ({@code csrf_token={…}} or {@code false})
     */
    static String tokenFor(String url) {
        if (!isLocal(url)) {
            return null;
        }
        Supplier<String> supplier = TOKEN.current();
        if (supplier == null) {
            throw new IllegalStateException("no CSRF token to render for " + url + ": render inside a LiveView "
                    + "(or CsrfContext.with), or pass csrf_token={…} or csrf_token={false}");
        }
        return supplier.get();
    }

    private static boolean isLocal(String url) {
        if (url.equals("/") || (url.startsWith("/") && !url.startsWith("//"))) {
            return true;
        }
        try {
            return URI.create(url).getHost() == null && !url.startsWith("//");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
