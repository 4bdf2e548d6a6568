package io.phoenixspring.web.plug;

/**
 * A plug that may block, such as a LiveView's dead render (its {@code mount} may read a database).
 * As a route's handler ({@code get(path, plug)}) it runs on the bounded elastic scheduler, like a
 * {@code @Blocking} action, with the request id in the logging MDC; in a pipeline it runs where the
 * pipeline runs, so keep pipeline plugs non-blocking.
 *
 * <pre>{@code
 * BlockingPlug report = conn -> Controller.json(conn, reports.load(conn.params().get("id")));
 * router.get("/reports/:id", report);
 * }</pre>
 */
@FunctionalInterface
public interface BlockingPlug extends Plug {
}
