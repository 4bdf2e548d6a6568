package io.phoenixspring.web.controller;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an action (or every action of a controller) on Reactor's bounded elastic scheduler, so it
 * may block (JDBC, files, remote calls). Unmarked actions run on the event loop and must not block.
 *
 * <pre>{@code
 * @Blocking Conn index(Conn conn, Params params) { return Controller.json(conn, jdbc.queryForList("select * from users")); }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Blocking {
}
