package io.phoenixspring.live.template;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The classes whose {@link FunctionComponent}s and {@link TemplateFunction}s this class's templates
 * may use, as Phoenix's {@code import MyAppWeb.CoreComponents}. Not transitive.
 *
 * <pre>{@code
 * @TemplateImports(CoreComponents.class)
 * class CounterLive { }   // CounterLive.html.heex may call <.button> and <.link>
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TemplateImports {

    Class<?>[] value();
}
