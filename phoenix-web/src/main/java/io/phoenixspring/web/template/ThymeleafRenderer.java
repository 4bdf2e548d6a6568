package io.phoenixspring.web.template;

import java.util.Locale;
import java.util.Map;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders templates with Thymeleaf, e.g. {@code templates/page/home.html} on the classpath.
 * Rendering is CPU-only (templates are parsed once and cached), so it runs on the event loop.
 *
 * <pre>{@code
 * TemplateRenderer templates = ThymeleafRenderer.classpath("templates/");
 * Controller.render(conn, "home", Map.of("name", "José"));  // templates/page/home.html in PageController
 * }</pre>
 */
public final class ThymeleafRenderer implements TemplateRenderer {

    private final ITemplateEngine engine;

    /** Over an existing engine, e.g. Spring Boot's SpringWebFluxTemplateEngine. */
    public ThymeleafRenderer(ITemplateEngine engine) {
        this.engine = engine;
    }

    /** @return a renderer of {@code <prefix><name>.html} classpath templates, cached */
    public static ThymeleafRenderer classpath(String prefix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(prefix);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return new ThymeleafRenderer(engine);
    }

    @Override
    public String render(String template, Map<String, Object> assigns) {
        return engine.process(template, new Context(Locale.ROOT, assigns));
    }
}
