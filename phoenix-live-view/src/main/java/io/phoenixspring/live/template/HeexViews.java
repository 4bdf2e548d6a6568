package io.phoenixspring.live.template;

import io.phoenixspring.live.html.Html;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.template.Layout;
import io.phoenixspring.web.template.ViewRenderer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The HEEx engine for controllers' HTML views, layouts and error views: renders the templates a class embeds
 * ({@link EmbedTemplates}). The auto-configuration puts it on the endpoint, so {@code Controller.render(conn, "home")}
 * in a controller with {@code @PhoenixController(html = PageHTML.class)} renders {@code page_html/home.html.heex}.
 * Forms and links in these pages carry the request's CSRF token ({@code csrf_token} of the assigns, put there by
 * {@code Controller.render} when the session is fetched).
 *
 * <pre>{@code
 * WebEndpoint endpoint = WebEndpoint.defaults().withViews(new HeexViews());
 * String html = endpoint.views().render(PageHTML.class, "home", Map.of("name", "José"));
 * }</pre>
 */
public final class HeexViews implements ViewRenderer {

    @Override
    public boolean renders(Class<?> view) {
        return view.isAnnotationPresent(EmbedTemplates.class);
    }

    @Override
    public boolean exists(Class<?> view, String template) {
        return Templates.embeddedNames(view).contains(template);
    }

    @Override
    public String render(Class<?> view, String template, Map<String, Object> assigns) {
        Template compiled = Templates.embedded(view, template);
        if (compiled == null) {
            throw new IllegalArgumentException(missing(view, template));
        }
        Map<String, Object> model = new HashMap<>(assigns);
        if (model.get(Layout.INNER_CONTENT) instanceof String inner) {
            model.put(Layout.INNER_CONTENT, Html.raw(inner));   // the page inside a layout: markup already rendered
        }
        Object token = assigns.get("csrf_token");
        java.util.function.Supplier<String> html = () -> compiled.render(model, null).toHtml();
        // ~p and url/1 build this request's URLs: its endpoint, and the proxy's prefix (X-Forwarded-Prefix).
        java.util.function.Supplier<String> withRoutes = assigns.get("conn") instanceof Conn conn
                ? () -> RoutesContext.with(conn, html) : html;
        return CsrfContext.with(() -> {
            if (token instanceof String masked) {
                return masked;
            }
            throw new IllegalStateException("no CSRF token for a form or link of " + view.getSimpleName() + "." + template
                    + ": render it in a pipeline with Plugs.fetchSession() and Plugs.protectFromForgery()");
        }, withRoutes);
    }

    /**
     * Compiles every template {@code view} embeds, so a mistake fails start-up with {@code file:line:column}.
     *
     * @return the names compiled
     * @throws TemplateException for the first template that does not compile
     */
    public Set<String> compileAll(Class<?> view) {
        Set<String> names = Templates.embeddedNames(view);
        if (renders(view) && names.isEmpty()) {
            throw new TemplateException(view.getName(), 1, 1, view.getSimpleName() + " embeds no template: no "
                    + "*.html.heex in " + String.join(", ", view.getAnnotation(EmbedTemplates.class).value())
                    + " beside it (package " + view.getPackageName() + ")");
        }
        for (String name : names) {
            Templates.embedded(view, name);
        }
        return names;
    }

    private static String missing(Class<?> view, String template) {
        String folders = view.isAnnotationPresent(EmbedTemplates.class)
                ? String.join(", ", view.getAnnotation(EmbedTemplates.class).value()) : "(none: no @EmbedTemplates)";
        return view.getSimpleName() + " has no template \"" + template + "\": add " + template + ".html.heex to its "
                + "embedded folder " + folders + " (it has " + Templates.embeddedNames(view) + ")";
    }
}
