package io.phoenixspring.channels.socket;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP answer to a refused WebSocket upgrade, chosen by {@link SocketHandler#handleError}
 * (Phoenix's {@code :error_handler}): a status, headers and a body.
 *
 * <pre>{@code
 * return ConnectRefusal.status(429).withHeader("retry-after", "10").withBody("text/plain", "slow down");
 * }</pre>
 *
 * @param status the HTTP status
 * @param headers response headers
 * @param contentType the body's content type, or null when there is no body
 * @param body the body, or null
 */
public record ConnectRefusal(int status, Map<String, String> headers, String contentType, String body) {

    private static final ConnectRefusal FORBIDDEN = new ConnectRefusal(403, Map.of(), null, null);

    public ConnectRefusal {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a refused connection is answered with a 4xx or 5xx status, got " + status);
        }
        headers = Map.copyOf(headers);
    }

    /** Phoenix's default: 403 with no body. */
    public static ConnectRefusal forbidden() {
        return FORBIDDEN;
    }

    public static ConnectRefusal status(int status) {
        return new ConnectRefusal(status, Map.of(), null, null);
    }

    public ConnectRefusal withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ConnectRefusal(status, copy, contentType, body);
    }

    public ConnectRefusal withBody(String type, String text) {
        return new ConnectRefusal(status, headers, type, text);
    }
}
