package io.phoenixspring.web.endpoint;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.WebFluxConn;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Phoenix's NoRouteError page for requests nothing handled (no Phoenix route, no
 * {@code @RestController}, no static resource): a 404 through the error view, e.g.
 * {@code {"errors":{"detail":"Not Found"}}}. Errors of requests some other handler took are left
 * to Spring's own error handling. Ordered before Spring Boot's error handler (-1).
 *
 * <pre>{@code
 * @Bean NoRouteHandler noRoute() { return new NoRouteHandler(WebEndpoint.defaults()); }
 * }</pre>
 */
public final class NoRouteHandler implements WebExceptionHandler, Ordered {

    private final WebEndpoint endpoint;

    public NoRouteHandler(WebEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!(ex instanceof ResponseStatusException rse) || rse.getStatusCode().value() != 404
                || exchange.getResponse().isCommitted()
                || exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) != null && !isResource(exchange)) {
            return Mono.error(ex);
        }
        Conn conn;
        try {
            conn = WebFluxConn.from(exchange, endpoint);
        } catch (RuntimeException badQuery) {
            conn = WebFluxConn.withoutParams(exchange, endpoint);
        }
        Conn out = ErrorRenderer.renderStatus(conn, 404, ex);
        return WebFluxConn.writeTo(out, exchange);
    }

    // Spring Boot's static resource handler claims /** and answers NoResourceFoundException: still "no route".
    private static boolean isResource(ServerWebExchange exchange) {
        Object handler = exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        return handler != null && handler.getClass().getName().endsWith("ResourceWebHandler");
    }
}
