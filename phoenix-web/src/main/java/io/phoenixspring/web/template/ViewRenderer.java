package io.phoenixspring.web.template;

import java.util.List;
import java.util.Map;

/**
 * Renders the templates of view classes, Phoenix.Template's engines: a controller's HTML view
 * ({@code @PhoenixController(html = PageHTML.class)}), its layouts and error views go through it. The HEEx engine
 * renders classes with {@code @EmbedTemplates}; {@link ThymeleafViews} those with {@link ThymeleafTemplates}; an
 * endpoint holds several ({@link #of}) and each view is rendered by the first that {@link #renders} it.
 *
 * <pre>{@code
 * WebEndpoint endpoint = WebEndpoint.defaults().withViews(ViewRenderer.of(List.of(heexViews, thymeleafViews)));
 * String page = endpoint.views().render(PageHTML.class, "home", Map.of("name", "José"));
 * }</pre>
 *
 * <p>An assign {@link Layout#INNER_CONTENT} holding a {@code String} is markup already rendered (the page inside a
 * layout): an engine outputs it as it is.
 */
public interface ViewRenderer {

    /** @return whether this engine renders the templates of {@code view} */
    boolean renders(Class<?> view);

    /** @return whether {@code view} has a template of this name (an error view falls back to the status text if not) */
    boolean exists(Class<?> view, String template);

    /**
     * @param template the template's name without extension, {@code show} for {@code page_html/show.html.heex}
     * @throws IllegalArgumentException when the view has no such template
     */
    String render(Class<?> view, String template, Map<String, Object> assigns);

    /**
     * Phoenix's {@code render_with_layouts}: the template, then each layout in turn (innermost first, nulls skipped)
     * with the one inside as {@link Layout#INNER_CONTENT}.
     *
     * @param assigns the template's assigns; the layouts get them too
     */
    default String renderWithLayouts(Class<?> view, String template, Map<String, Object> assigns, Layout... layouts) {
        String html = render(view, template, assigns);
        Map<String, Object> withInner = null;
        for (Layout layout : layouts) {
            if (layout != null) {
                if (withInner == null) {
                    withInner = new java.util.HashMap<>(assigns);
                }
                withInner.put(Layout.INNER_CONTENT, html);
                html = render(layout.view(), layout.template(), withInner);
            }
        }
        return html;
    }

    /** @return a renderer asking each of {@code engines} in order which renders a view */
    static ViewRenderer of(List<? extends ViewRenderer> engines) {
        List<ViewRenderer> all = List.copyOf(engines);
        if (all.isEmpty()) {
            return none();
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        return new ViewRenderer() {
            @Override
            public boolean renders(Class<?> view) {
                return all.stream().anyMatch(engine -> engine.renders(view));
            }

            @Override
            public boolean exists(Class<?> view, String template) {
                return engine(view).exists(view, template);
            }

            @Override
            public String render(Class<?> view, String template, Map<String, Object> assigns) {
                return engine(view).render(view, template, assigns);
            }

            private ViewRenderer engine(Class<?> view) {
                for (ViewRenderer engine : all) {
                    if (engine.renders(view)) {
                        return engine;
                    }
                }
                throw new IllegalArgumentException(noEngine(view));
            }
        };
    }

    /** @return a renderer of no view: an endpoint without template engines */
    static ViewRenderer none() {
        return new ViewRenderer() {
            @Override
            public boolean renders(Class<?> view) {
                return false;
            }

            @Override
            public boolean exists(Class<?> view, String template) {
                return false;
            }

            @Override
            public String render(Class<?> view, String template, Map<String, Object> assigns) {
                throw new IllegalArgumentException(noEngine(view));
            }
        };
    }

    /** The message for a view no engine renders. */
    private static String noEngine(Class<?> view) {
        return "no template engine renders " + view.getName() + ": annotate it with @EmbedTemplates (HEEx, "
                + "phoenix-live-view) or @ThymeleafTemplates (Thymeleaf on the classpath)";
    }
}
