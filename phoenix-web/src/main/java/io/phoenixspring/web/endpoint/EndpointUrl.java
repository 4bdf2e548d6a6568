package io.phoenixspring.web.endpoint;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.WebFluxConn;
import java.util.List;
import java.util.Locale;
import org.springframework.web.server.ServerWebExchange;

/**
 * Phoenix's endpoint {@code :url} configuration ({@code struct_url/0}): where clients reach the
 * application, which may differ from where it listens (behind a proxy, TLS terminated there, under
 * a path the proxy strips). The auto-configuration builds it from {@code phoenix.endpoint.url.*}.
 *
 * <pre>{@code
 * EndpointUrl url = new EndpointUrl("https", "example.com", null, "/shop");
 * url.url();            // "https://example.com"
 * url.path("/users/1"); // "/shop/users/1"
 * }</pre>
 *
 * @param scheme http or https
 * @param host the public host name
 * @param port the public port; null, or the scheme's default, is left out of URLs
 * @param path the path prefix (Phoenix's script name), "/" for none; a trailing slash is dropped
 */
public record EndpointUrl(String scheme, String host, Integer port, String path) {

    public EndpointUrl {
        scheme = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url scheme must be http or https, got \"" + scheme + "\"");
        }
        if (host == null || host.isBlank() || host.contains("/")) {
            throw new IllegalArgumentException("url host must be a host name, got \"" + host + "\"");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("url port must be 1 to 65535, got " + port);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("url path must start with /, got \"" + path + "\"");
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
    }

    /** @return Phoenix's default {@code [host: "localhost", path: "/"]} over http */
    public static EndpointUrl defaults() {
        return new EndpointUrl("http", "localhost", null, "/");
    }

    /**
     * @return the origin a request came to: its scheme, host and port, which Boot's
     *     {@code server.forward-headers-strategy} makes the public ones behind a proxy; its path is the
     *     proxy's {@code X-Forwarded-Prefix} (the request's context path, which the {@code framework} and
     *     {@code native} strategies set), "/" for none
     */
    public static EndpointUrl of(Conn conn) {
        return new EndpointUrl(conn.scheme(), conn.host(), conn.port(), forwardedPrefix(conn));
    }

    private static String forwardedPrefix(Conn conn) {
        ServerWebExchange exchange = WebFluxConn.exchange(conn);
        String prefix = exchange == null ? "" : exchange.getRequest().getPath().contextPath().value();
        return prefix.startsWith("/") ? prefix : "/";
    }

    /** @return Phoenix's {@code url/0}: scheme, host and port when not the scheme's default; no path */
    public String url() {
        StringBuilder out = new StringBuilder(scheme).append("://");
        out.append(host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host);
        if (port != null && port != (scheme.equals("https") ? 443 : 80)) {
            out.append(':').append(port);
        }
        return out.toString();
    }

    /** @return Phoenix's {@code path/1}: the path under the script name, {@code "/users/1"} as {@code "/shop/users/1"} */
    public String path(String relative) {
        return path.equals("/") ? relative : path + relative;
    }

    /** @return Phoenix's {@code script_name/0}: the path's segments, {@code ["shop"]} for "/shop" */
    public List<String> scriptName() {
        return Conn.split(path);
    }
}
