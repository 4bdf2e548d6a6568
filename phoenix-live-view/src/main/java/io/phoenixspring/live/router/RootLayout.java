package io.phoenixspring.live.router;

import io.phoenixspring.live.rendered.Rendered;
import io.phoenixspring.live.template.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * A root layout (the HTML document around a LiveView) built from a few settings, for applications
 * without a root template of their own: the CSRF meta tag, a live title ({@code page_title} plus a
 * suffix, as {@code <.live_title>}), stylesheets and deferred scripts marked {@code phx-track-static},
 * and the page inside {@code <main>}.
 *
 * <pre>{@code
 * Template root = RootLayout.builder().title("Live", " · Live").stylesheet("/assets/app.css")
 *         .script("/assets/phoenix.min.js").script("/assets/phoenix_live_view.min.js").script("/assets/app.js").build();
 * }</pre>
 *
 * <p>A root layout template gets the view's assigns plus {@code inner_content} (the container with the
 * page) and {@code csrf_token} (masked, for the meta tag).
 */
public final class RootLayout {

    /** The assign holding the masked CSRF token. */
    public static final String CSRF_TOKEN = "csrf_token";

    private RootLayout() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of the root layout. */
    public static final class Builder {
        private String defaultTitle = "Live";
        private String suffix = "";
        private final List<String> head = new ArrayList<>();

        /** The title shown without {@code page_title}, and the suffix after every title. */
        public Builder title(String defaultTitle, String suffix) {
            this.defaultTitle = defaultTitle;
            this.suffix = suffix;
            return this;
        }

        public Builder stylesheet(String href) {
            head.add("<link phx-track-static rel=\"stylesheet\" href=\"" + escape(href) + "\">");
            return this;
        }

        public Builder script(String src) {
            head.add("<script defer phx-track-static type=\"text/javascript\" src=\"" + escape(src) + "\">\n    </script>");
            return this;
        }

        public Template build() {
            String title = defaultTitle;
            String titleSuffix = suffix;
            StringBuilder tail = new StringBuilder("</title>");
            for (String tag : head) {
                tail.append("\n    ").append(tag);
            }
            tail.append("\n  </head>\n  <body>\n    <main>\n      ");
            List<String> statics = List.of("<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n"
                    + "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    + "    <meta name=\"csrf-token\" content=\"",
                    "\">\n    <title data-default=\"" + escape(title) + "\" data-suffix=\"" + escape(titleSuffix) + "\">",
                    tail.toString(), "\n    </main>\n  </body>\n</html>\n");
            long fingerprint = statics.hashCode();
            return (assigns, changed) -> {
                Object pageTitle = assigns.get("page_title");
                String text = (pageTitle == null ? title : pageTitle.toString()) + titleSuffix;
                Object inner = assigns.get(io.phoenixspring.live.view.LiveProcess.INNER_CONTENT);
                return Rendered.of(statics, List.of(escape(String.valueOf(assigns.get(CSRF_TOKEN))), escape(text),
                        inner instanceof Rendered rendered ? rendered : escape(String.valueOf(inner))), fingerprint, false);
            };
        }
    }

    /** HTML escaping as phoenix_html's. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
