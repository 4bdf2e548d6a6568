package io.phoenixspring.web.plug;

import io.phoenixspring.web.conn.Conn;

/**
 * A module plug: {@code init} turns options into a configuration once, {@code call} runs per
 * request with it. Mount it with {@link Plug#of(PlugModule, Object)}.
 *
 * <pre>{@code
 * class Locale implements PlugModule<String, String> {
 *     public String init(String fallback) { return fallback; }
 *     public Conn call(Conn conn, String fallback) { return conn.assign("locale", conn.params().get("locale", fallback)); }
 * }
 * router.pipeline("browser", p -> p.plug(Plug.of(new Locale(), "en")));
 * }</pre>
 *
 * @param <O> the options
 * @param <C> the configuration call receives
 */
public interface PlugModule<O, C> {

    /** @return the configuration, computed once when the plug is mounted */
    C init(O options);

    /** @return the conn for the next plug */
    Conn call(Conn conn, C config);
}
