package io.phoenixspring.live.template;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Phoenix.Component's {@code embed_templates "page_html/*"}: every {@code <name>.html.heex} in these folders beside
 * the class (classpath resources in its package) becomes a template of the class, rendered by name
 * ({@code Controller.render(conn, "home")} for a controller whose HTML view this is) and callable from the class's
 * other templates as a function component ({@code <.user_form changeset={@changeset} />}). Templates may use the
 * class's {@link FunctionComponent}s and {@link TemplateImports}; they compile at start-up with
 * {@code file:line:column} errors.
 *
 * <pre>{@code
 * @EmbedTemplates("page_html")          // page_html/home.html.heex, page_html/about.html.heex
 * @TemplateImports(CoreComponents.class)
 * public final class PageHTML { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EmbedTemplates {

    /** Folders relative to the class's package, {@code "page_html"}; {@code "."} for the package itself. */
    String[] value();
}
