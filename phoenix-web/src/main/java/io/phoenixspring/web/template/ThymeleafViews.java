package io.phoenixspring.web.template;

import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The Thymeleaf engine for views annotated {@link ThymeleafTemplates}: a view's template {@code show} is
 * {@code <directory>/show} for the endpoint's Thymeleaf {@link TemplateRenderer}. A layout's
 * {@code inner_content} is markup: print it with {@code th:utext}.
 *
 * <pre>{@code
 * ViewRenderer thymeleaf = new ThymeleafViews(ThymeleafRenderer.classpath("templates/"), name -> exists(name));
 * thymeleaf.render(UserHTML.class, "show", Map.of("user", user));   // templates/user/show.html
 * }</pre>
 */
public final class ThymeleafViews implements ViewRenderer {

    private final TemplateRenderer renderer;
    private final Predicate<String> templateExists;

    /**
     * @param renderer the Thymeleaf renderer
     * @param templateExists whether a template name ({@code user/show}) resolves, for error views' fallback
     */
    public ThymeleafViews(TemplateRenderer renderer, Predicate<String> templateExists) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.templateExists = Objects.requireNonNull(templateExists, "templateExists");
    }

    @Override
    public boolean renders(Class<?> view) {
        return view.isAnnotationPresent(ThymeleafTemplates.class);
    }

    @Override
    public boolean exists(Class<?> view, String template) {
        return renders(view) && templateExists.test(name(view, template));
    }

    @Override
    public String render(Class<?> view, String template, Map<String, Object> assigns) {
        if (!renders(view)) {
            throw new IllegalArgumentException(view.getName() + " is not annotated @ThymeleafTemplates");
        }
        return renderer.render(name(view, template), assigns);
    }

    private static String name(Class<?> view, String template) {
        return view.getAnnotation(ThymeleafTemplates.class).value() + "/" + template;
    }
}
