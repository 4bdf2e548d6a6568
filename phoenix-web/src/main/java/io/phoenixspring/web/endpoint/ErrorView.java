package io.phoenixspring.web.endpoint;

import io.phoenixspring.web.conn.Conn;

/**
 * Phoenix's ErrorJSON / ErrorHTML: what an error response says, per format. Override it with a
 * bean of your own to change the pages; {@link DefaultErrorView} gives Phoenix's defaults.
 *
 * <pre>{@code
 * @Bean ErrorView errors() {
 *     return new DefaultErrorView() { public String html(int status, Conn conn, Throwable e) { return "<h1>Oops</h1>"; } };
 * }
 * }</pre>
 */
public interface ErrorView {

    /** @return a JSON-encodable value, e.g. {@code {"errors":{"detail":"Not Found"}}} */
    Object json(int status, Conn conn, Throwable error);

    /** @return an HTML page */
    String html(int status, Conn conn, Throwable error);
}
