package io.phoenixspring.live.template;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One of several templates of a {@link FunctionComponent}, as Phoenix's function clauses
 * ({@code def link(%{navigate: to})}, {@code def link(%{patch: to})}, …): the component's method
 * looks at the assigns and returns the name of the clause to render. Each clause is its own
 * template with its own fingerprint, so switching clauses sends the new statics.
 *
 * <pre>{@code
 * @FunctionComponent(clauses = {
 *     @Clause(name = "on", template = "<b>{@label}</b>"),
 *     @Clause(name = "off", template = "<i>{@label}</i>")})
 * @Attr(name = "active", type = AttrType.BOOLEAN, defaultValue = "false")
 * @Attr(name = "label", required = true)
 * static String toggle(Map<String, Object> assigns) {
 *     return Boolean.TRUE.equals(assigns.get("active")) ? "on" : "off";
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Clause {

    /** What the component's method returns to choose this clause. */
    String name();

    /** The HEEx template; when empty, the resource {@code <SimpleName>/<component>.<name>.html.heex} beside the class. */
    String template() default "";
}
