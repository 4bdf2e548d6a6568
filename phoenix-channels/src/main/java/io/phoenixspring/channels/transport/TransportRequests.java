package io.phoenixspring.channels.transport;

import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.SessionReader;
import reactor.core.publisher.Mono;
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

    /**
     * The connect info of a request: its principal (for Spring Security, the authentication its
     * filter chain put on the exchange) and, for a socket that asks for it, the session its cookie
     * carries (the runtime checks the CSRF token against it before {@code connect}).
     */
    public static Mono<ConnectInfo> connectInfo(ServerWebExchange exchange, MountedSocket mount, SessionReader sessions) {
        ConnectInfo info = connectInfo(exchange, mount);
        Map<String, Object> session = null;
        if (mount.session() && sessions != null) {
            Map<String, List<String>> cookies = new LinkedHashMap<>();
            exchange.getRequest().getCookies().forEach((name, values) ->
                    cookies.put(name, values.stream().map(org.springframework.http.HttpCookie::getValue).toList()));
            session = sessions.read(cookies);
        }
        Map<String, Object> withSession = session;
        return exchange.getPrincipal()
                .map(principal -> info.withPrincipal(principal).withSession(withSession))
                .defaultIfEmpty(info.withSession(withSession));
    }

    static ConnectInfo connectInfo(ServerWebExchange exchange, MountedSocket mount) {
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
