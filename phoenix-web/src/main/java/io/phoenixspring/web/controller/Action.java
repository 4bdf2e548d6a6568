package io.phoenixspring.web.controller;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a controller method as an action when its Java name cannot be the action's, as for
 * {@code new} in {@code resources}.
 *
 * <pre>{@code
 * @Action("new") Conn newUser(Conn conn, Params params) { return Controller.render(conn, "new"); }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Action {

    /** @return the action's name in routes */
    String value();
}
