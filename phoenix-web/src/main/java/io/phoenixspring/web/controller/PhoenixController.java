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
 *     Conn show(Conn conn, Params params) { return Controller.json(conn, users.get(params.string("id"))); }
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

    /**
     * The controller's JSON view, Phoenix 1.7's {@code UserJSON}: when the conn's format is
     * {@code json}, {@code Controller.render(conn, "index", assigns)} calls the view's {@code index} with the
     * assigns and sends what it returns as JSON. Its functions take a {@code Map<String, Object>} and
     * may be static, or instance methods of a bean (or of a class with a no-argument constructor).
     *
     * <pre>{@code
     * @PhoenixController(json = UserJSON.class)
     * class UserController {
     *     Conn index(Conn conn) { return Controller.render(conn, "index", Map.of("users", users.all())); }
     * }
     * class UserJSON {
     *     static Map<String, Object> index(Map<String, Object> assigns) {
     *         return Map.of("data", assigns.get("users"));
     *     }
     * }
     * }</pre>
     */
    Class<?> json() default Void.class;

    /**
     * The controller's HTML view, Phoenix 1.7's {@code UserHTML}: {@code Controller.render(conn, "show", assigns)}
     * renders its template {@code show} (for HEEx, {@code user_html/show.html.heex} of a class with
     * {@code @EmbedTemplates("user_html")}; for Thymeleaf, a class with {@code @ThymeleafTemplates}), unless a plug
     * put another view before the action.
     *
     * <pre>{@code
     * @PhoenixController(html = PageHTML.class, layout = Layouts.class)
     * class PageController {
     *     Conn home(Conn conn) { return Controller.render(conn, "home", Map.of("name", "José")); }
     * }
     * }</pre>
     */
    Class<?> html() default Void.class;

    /**
     * The view holding the app layout of the controller's HTML pages, Phoenix's {@code layouts: [html: Layouts]}: its
     * template {@code app} wraps every page ({@code put_new_layout}: a layout put before the action wins, and
     * {@code Controller.putLayout(conn, false)} turns it off for one action).
     */
    Class<?> layout() default Void.class;
}
