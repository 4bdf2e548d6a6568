package io.phoenixspring.web.template;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a class a view whose templates are Thymeleaf's, the alternative engine chosen per view (as a Phoenix view
 * may hold {@code .html.eex} files beside {@code .html.heex} ones): {@code render(conn, "show")} in a controller with
 * {@code @PhoenixController(html = UserHTML.class)} renders {@code templates/user/show.html}.
 *
 * <pre>{@code
 * @ThymeleafTemplates("user")
 * public final class UserHTML { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ThymeleafTemplates {

    /** The directory of the view's templates under the Thymeleaf prefix, {@code user} for {@code templates/user/}. */
    String value();
}
