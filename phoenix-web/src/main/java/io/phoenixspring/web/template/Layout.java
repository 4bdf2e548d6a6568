package io.phoenixspring.web.template;

import java.util.Objects;

/**
 * A layout: a template of a view class, Phoenix's {@code {MyAppWeb.Layouts, :app}}. The page renders first; the
 * layout then renders with it in {@code inner_content}, and the root layout around that.
 *
 * <pre>{@code
 * Controller.putRootLayout(conn, Layout.of(Layouts.class, "root"));
 * Controller.putLayout(conn, Layout.of(Layouts.class, "app"));
 * }</pre>
 *
 * @param view the view class holding the template (for HEEx, a class with {@code @EmbedTemplates})
 * @param template the template's name, {@code app} for {@code layouts/app.html.heex}
 */
public record Layout(Class<?> view, String template) {

    /** The assign a layout finds the page in, as Phoenix's {@code @inner_content}: markup, never escaped again. */
    public static final String INNER_CONTENT = "inner_content";

    public Layout {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(template, "template");
        if (template.isEmpty()) {
            throw new IllegalArgumentException("a layout names its template, e.g. Layout.of(Layouts.class, \"app\")");
        }
    }

    public static Layout of(Class<?> view, String template) {
        return new Layout(view, template);
    }

    @Override
    public String toString() {
        return "{" + view.getSimpleName() + ", :" + template + "}";
    }
}
