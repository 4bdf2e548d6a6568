package io.phoenixspring.live.template;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a function component, called as {@code <.name …>} from templates of this class or of
 * classes importing it ({@link TemplateImports}). Its attributes and slots are declared with
 * {@link Attr} and {@link Slot}; its template is {@link #template} or the classpath resource
 * {@code <SimpleName>/<name>.html.heex} next to the class. The method is static and either takes
 * nothing or the component's assigns ({@code Map<String, Object>}, mutable: add derived values).
 * A component with several templates declares {@link #clauses} and its method returns the name of
 * the one to render.
 *
 * <pre>{@code
 * @FunctionComponent(template = """
 *     <section class="card"><h2>{@title}</h2>{render_slot(@inner_block)}</section>""")
 * @Attr(name = "title", required = true)
 * @Slot(name = "inner_block")
 * static void card() { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FunctionComponent {

    /** The name in {@code <.name>}; the method's name when empty. */
    String value() default "";

    /** The HEEx template; when empty, the resource {@code <SimpleName>/<name>.html.heex} beside the class. */
    String template() default "";

    /**
     * Several templates, as Phoenix's function clauses: the method (which then takes the assigns and
     * returns a {@code String}) names the one to render for each call. Exclusive with {@link #template}.
     */
    Clause[] clauses() default {};
}
