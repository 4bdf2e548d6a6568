package io.phoenixspring.web.conn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The WebFlux adapter of {@link Conn} (Plug's adapter, as Plug.Cowboy is Cowboy's): builds a conn
 * from a {@link ServerWebExchange} and writes the conn's response back to it. The router and the
 * endpoint's 404 handler use it; applications rarely need it.
 *
 * <pre>{@code
 * Conn conn = WebFluxConn.from(exchange, endpoint);
 * Conn sent = Controller.text(conn, "hello").runBeforeSend();
 * return WebFluxConn.writeTo(sent, exchange);
 * }</pre>
 */
public final class WebFluxConn {

    /**
     * The exchange attribute holding the assigns a conn starts with (a {@code Map<String, ?>}), for a
     * {@code WebFilter} that runs before the router, and for tests:
     * {@code ConnTest.assign("current_user", user)} arrives here as Phoenix's
     * {@code conn |> assign(:current_user, user) |> get("/")} does.
     */
    public static final String ASSIGNS_ATTRIBUTE = Conn.class.getName() + ".assigns";

    private WebFluxConn() {
    }

    /** @return the conn of an exchange, before routing: query params parsed, no body read yet */
    public static Conn from(ServerWebExchange exchange, ResponseFormats formats) {
        var req = exchange.getRequest();
        String path = req.getPath().pathWithinApplication().value();
        return Conn.fresh(new Conn.Request(exchange, req.getMethod().name(), path, req.getURI().getRawQuery(),
                req.getHeaders(), req.getURI(), req.getRemoteAddress()), formats, presetAssigns(exchange));
    }

    /** @return the conn of an exchange whose query string is malformed: no params, so that the 400 can still be rendered */
    public static Conn withoutParams(ServerWebExchange exchange, ResponseFormats formats) {
        var req = exchange.getRequest();
        Conn.Request request = new Conn.Request(exchange, req.getMethod().name(),
                req.getPath().pathWithinApplication().value(), null, req.getHeaders(), req.getURI(), req.getRemoteAddress());
        return Conn.fresh(request, formats, presetAssigns(exchange));
    }

    /** @return the exchange a conn was built from; null for conns built with {@link Conn#of} */
    public static ServerWebExchange exchange(Conn conn) {
        return conn.exchange();
    }

    /** Writes the conn's status, headers, cookies and body to the exchange (the before-send callbacks must have run). */
    public static Mono<Void> writeTo(Conn conn, ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(conn.status() == 0 ? 200 : conn.status()));
        HttpHeaders headers = response.getHeaders();
        conn.respHeaders().forEach(headers::set);
        for (ResponseCookie cookie : conn.respCookies().values()) {
            response.addCookie(cookie);
        }
        byte[] body = conn.respBody() == null ? new byte[0] : conn.respBody();
        headers.setContentLength(body.length);
        if (body.length == 0) {
            return response.setComplete();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static Map<String, Object> presetAssigns(ServerWebExchange exchange) {
        Object preset = exchange.getAttribute(ASSIGNS_ATTRIBUTE);
        if (!(preset instanceof Map<?, ?> map) || map.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> assigns = new LinkedHashMap<>();
        map.forEach((key, value) -> assigns.put(String.valueOf(key), value));
        return Collections.unmodifiableMap(assigns);
    }
}
