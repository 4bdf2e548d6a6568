package io.phoenixspring.web.template;

import java.util.Map;

/**
 * Turns a template name and assigns into markup for {@code Controller.render(conn, ...)}. The Thymeleaf
 * implementation is {@link ThymeleafRenderer}; any other engine fits behind this one method.
 *
 * <pre>{@code
 * TemplateRenderer mustache = (template, assigns) -> engine.compile(template).execute(assigns);
 * WebEndpoint endpoint = WebEndpoint.defaults().withTemplates(mustache);
 * }</pre>
 */
@FunctionalInterface
public interface TemplateRenderer {

    /**
     * @param template e.g. {@code page/home} for PageController's {@code home} action
     * @param assigns the conn's assigns plus the render call's
     * @return the rendered text
     */
    String render(String template, Map<String, Object> assigns);
}
