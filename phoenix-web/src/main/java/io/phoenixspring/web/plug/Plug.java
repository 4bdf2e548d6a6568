package io.phoenixspring.web.plug;

import io.phoenixspring.web.conn.Conn;

/**
 * A function plug: takes the conn, returns the conn (changed, halted, or with a response).
 * Pipelines, controllers and forwards are made of these. Plugs run on the event loop: they must
 * not block (do blocking work in an action marked {@code @Blocking}).
 *
 * <pre>{@code
 * Plug introspect = conn -> conn.assign("user_agent", conn.reqHeader("user-agent"));
 * router.pipeline("browser", p -> p.plug(introspect));
 * }</pre>
 */
@FunctionalInterface
public interface Plug {

    /** @return the conn for the next plug; halt it to stop the pipeline */
    Conn call(Conn conn);

    /**
     * A module plug (a class with init and call) bound to its options: {@code init} runs once,
     * here, as Phoenix runs it at compile time; {@code call} runs per request.
     */
    static <O, C> Plug of(PlugModule<O, C> module, O options) {
        C config = module.init(options);
        return conn -> module.call(conn, config);
    }
}
