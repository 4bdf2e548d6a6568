package io.phoenixspring.web.router;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A path template on a method of a {@link VerifiedRoutes} interface: {@code {name}} placeholders
 * are filled with the method's arguments, in order, percent-encoded.
 *
 * <pre>{@code
 * interface Paths {
 *     @VerifiedPath("/users/{id}/edit") String editUser(Object id);
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface VerifiedPath {

    /** @return the template, e.g. {@code /users/{id}?page={page}} */
    String value();
}
