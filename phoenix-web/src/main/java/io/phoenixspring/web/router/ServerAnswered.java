package io.phoenixspring.web.router;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Whether Reactor Netty already answered a request behind WebFlux's back. It does for a request
 * whose body does not decode (a chunk size that is not hex: 400, connection closed) while the
 * action may still be running; writing our response then fails with "Status and headers already
 * sent", which Spring logs at ERROR with a stack trace for what is only a client's mistake
 * (Reactor Netty already logged its one line).
 */
final class ServerAnswered {

    private static final Logger log = LoggerFactory.getLogger(RouterHandlerMapping.class);
    private static final boolean REACTOR_NETTY = ClassUtils.isPresent("reactor.netty.http.server.HttpServerResponse",
            ServerAnswered.class.getClassLoader());

    private ServerAnswered() {
    }

    static boolean already(ServerWebExchange exchange) {
        if (!REACTOR_NETTY || exchange.getResponse().isCommitted()) {
            return false;
        }
        boolean sent = Netty.sentHeaders(exchange);
        if (sent && log.isDebugEnabled()) {
            log.debug("{} {}: the server already answered the malformed request, nothing more is sent",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath());
        }
        return sent;
    }

    /** Loaded only when Reactor Netty is present. */
    private static final class Netty {
        static boolean sentHeaders(ServerWebExchange exchange) {
            Object response;
            try {
                response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
            } catch (IllegalArgumentException | IllegalStateException notNative) {
                // No server behind the exchange (a mock, as ConnTest's in-process requests): nothing answered yet.
                return false;
            }
            return response instanceof HttpServerResponse netty && netty.hasSentHeaders();
        }
    }
}
