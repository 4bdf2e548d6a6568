package io.phoenixspring.channels.transport;

import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.socket.ConnectInfo;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/** What both transports read from the connect request: params, origin and connect info. */
public final class TransportRequests {

    /** The JS client sends its authToken as this subprotocol prefix plus base64url(token). */
    static final String AUTH_TOKEN_PREFIX = "base64url.bearer.phx.";

    private TransportRequests() {
    }

    /** Query parameters; for a repeated key the last value wins, as in Plug. */
    public static Map<String, String> params(ServerHttpRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getQueryParams().forEach((key, values) -> {
            if (!values.isEmpty()) {
                params.put(key, values.get(values.size() - 1));
            }
        });
        return params;
    }

    public static ConnectInfo connectInfo(ServerWebExchange exchange, MountedSocket mount) {
        ServerHttpRequest request = exchange.getRequest();
        Map<String, String> xHeaders = new LinkedHashMap<>();
        Map<String, String> allowed = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            String value = String.join(",", values);
            if (lower.startsWith("x-")) {
                xHeaders.put(lower, value);
            }
            if (mount.connectInfoHeaders().contains(lower)) {
                allowed.put(lower, value);
            }
        });
        InetSocketAddress peer = request.getRemoteAddress();
        return new ConnectInfo(peer, request.getURI(), Map.copyOf(xHeaders),
                request.getHeaders().getFirst("User-Agent"), Map.copyOf(allowed), authToken(request));
    }

    static String authToken(ServerHttpRequest request) {
        List<String> protocols = request.getHeaders().get("Sec-WebSocket-Protocol");
        if (protocols == null) {
            return null;
        }
        for (String header : protocols) {
            for (String protocol : header.split(",")) {
                String trimmed = protocol.trim();
                if (trimmed.startsWith(AUTH_TOKEN_PREFIX)) {
                    try {
                        return new String(Base64.getUrlDecoder().decode(trimmed.substring(AUTH_TOKEN_PREFIX.length())),
                                StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
