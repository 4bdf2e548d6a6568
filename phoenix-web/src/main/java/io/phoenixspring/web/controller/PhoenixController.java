package io.phoenixspring.web.controller;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * A Phoenix controller: a Spring bean whose actions take the conn (and params) and return the conn,
 * a {@code Mono<Conn>}, or anything else, which then goes to the {@link #fallback() action fallback}.
 * Routes name actions by method name ({@code @Action} renames, e.g. for {@code new}).
 *
 * <pre>{@code
 * @PhoenixController(fallback = ErrorFallback.class)
 * class UserController {
 *     Conn show(Conn conn, Params params) { return conn.json(users.get(params.string("id"))); }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface PhoenixController {

    /** Phoenix's action_fallback: receives results that are not a conn. {@code Void.class} for none. */
    Class<?> fallback() default Void.class;
}
