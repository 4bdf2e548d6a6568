package io.phoenixspring.live.html;

import java.util.Objects;

/**
 * HTML that is already safe to output (phoenix_html's {@code {:safe, iodata}}): escaping leaves it
 * as it is. Made by escaping ({@link Html#escape}) or, for trusted markup, by {@link Html#raw}.
 *
 * <pre>{@code
 * Safe bold = Html.raw("<b>bold</b>");
 * Html.escape(bold);            // <b>bold</b>, not escaped again
 * Html.escape("<b>bold</b>");   // &lt;b&gt;bold&lt;/b&gt;
 * }</pre>
 *
 * @param html the markup, output verbatim
 */
public record Safe(String html) {

    public Safe {
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return html;
    }
}
