package io.phoenixspring.live.template;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a static method callable from the templates of its class (and of classes that import it
 * with {@link TemplateImports}), by its name or the given one. Nothing else in Java is reachable
 * from a template.
 *
 * <pre>{@code
 * @TemplateFunction("format_price")
 * static String formatPrice(long cents) { return "%d.%02d €".formatted(cents / 100, cents % 100); }
 * // template: <span>{format_price(@cents)}</span>
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TemplateFunction {

    /** The name templates call it by; the method's name when empty. */
    String value() default "";
}
