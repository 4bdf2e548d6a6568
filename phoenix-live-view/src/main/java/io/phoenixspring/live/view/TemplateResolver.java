package io.phoenixspring.live.view;

import io.phoenixspring.live.template.Template;

/**
 * Finds the template of a LiveView or layout class. The template engine's resolver loads
 * {@code <SimpleName>.html.heex} next to the class; tests and applications may map classes to
 * templates themselves.
 *
 * <pre>{@code
 * TemplateResolver resolver = type -> type == CounterLive.class ? counterTemplate : null;
 * }</pre>
 */
@FunctionalInterface
public interface TemplateResolver {

    /** @return the class's template, or null when there is none */
    Template resolve(Class<?> owner);

    /**
     * The HEEx engine's: {@code <SimpleName>.html.heex} beside the class, compiled once (a
     * {@code TemplateException} with {@code file:line:column} when it does not compile).
     */
    static TemplateResolver colocated() {
        return io.phoenixspring.live.template.Templates::findForClass;
    }
}
