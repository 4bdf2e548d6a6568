package io.phoenixspring.dashboard;

import java.util.Objects;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * Phoenix.LiveDashboard.RequestLogger's plug: a request carrying a valid {@value RequestLogger#COOKIE}
 * cookie (or {@value RequestLogger#PARAM} query param), signed by the dashboard's request logger page, is
 * processed with the page's key in the logging MDC ({@value RequestLogger#MDC_KEY}), so its log lines
 * reach that page. The key is in the MDC while the request's pipeline is subscribed (where the router
 * logs and a non-blocking action runs) and in the Reactor context, from which
 * {@link RequestLoggerThreadLocalAccessor} restores it on other threads with Reactor's automatic context
 * propagation ({@code spring.reactor.context-propagation=auto}). WebSocket upgrades are not marked: a
 * socket is a connection, not a request. The auto-configuration registers it.
 *
 * <pre>{@code
 * @Bean RequestLoggerFilter requestLoggerFilter(RequestLogger logger) { return new RequestLoggerFilter(logger); }
 * // curl -b request_logger=<value shown by the page> http://localhost:8080/api/health
 * }</pre>
 */
public final class RequestLoggerFilter implements WebFilter, Ordered {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(RequestLoggerFilter.class);

    private final RequestLogger logger;

    public RequestLoggerFilter(RequestLogger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public int getOrder() {
        // Before RequestIdFilter (HIGHEST_PRECEDENCE + 20), so everything after it is marked.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!logger.anyListening()) {
            return chain.filter(exchange);
        }
        String signed = signed(exchange);
        if (signed == null || "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
            return chain.filter(exchange);
        }
        String key = logger.verify(signed);
        if (key == null) {
            // A stale mark (an old page's, or another secret's): one quiet line, never the value.
            log.debug("request_logger mark refused (invalid or expired) for {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value());
            return chain.filter(exchange);
        }
        if (!logger.listening(key)) {
            return chain.filter(exchange);
        }
        Mono<Void> marked = chain.filter(exchange)
                .contextWrite(context -> context.put(RequestLogger.MDC_KEY, key));
        return new WithMdc(marked, key);
    }

    private static String signed(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(RequestLogger.COOKIE);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            return cookie.getValue();
        }
        return exchange.getRequest().getQueryParams().getFirst(RequestLogger.PARAM);
    }

    /** Subscribes to the request's pipeline with the key in the MDC, restoring what the thread had. */
    private static final class WithMdc extends Mono<Void> {
        private final Mono<Void> source;
        private final String key;

        WithMdc(Mono<Void> source, String key) {
            this.source = source;
            this.key = key;
        }

        @Override
        public void subscribe(CoreSubscriber<? super Void> actual) {
            String previous = MDC.get(RequestLogger.MDC_KEY);
            MDC.put(RequestLogger.MDC_KEY, key);
            try {
                source.subscribe(actual);
            } finally {
                if (previous == null) {
                    MDC.remove(RequestLogger.MDC_KEY);
                } else {
                    MDC.put(RequestLogger.MDC_KEY, previous);
                }
            }
        }
    }
}
