package io.phoenixspring.web.router;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Phoenix's {@code url(~p"/users/#{id}")} on a method of a {@link VerifiedRoutes} interface: the
 * template is verified and filled as a {@link VerifiedPath}'s, and the method returns the full URL,
 * the endpoint's {@code url()} before the path (its {@code staticUrl()} for a static file).
 *
 * <pre>{@code
 * interface Paths {
 *     @VerifiedUrl("/users/{id}") String userUrl(Object id);  // "https://example.com/users/42"
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface VerifiedUrl {

    /** @return the template, e.g. {@code /users/{id}?page={page}} */
    String value();
}
