package io.phoenixspring.web.plug;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.WebFluxConn;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Plug.RequestId for every request of the application: keeps a valid incoming {@code x-request-id}
 * (20 to 200 characters) or makes a new one, and returns it in the response header. As Plug puts
 * it in Logger's metadata, the router puts it in the logging MDC as {@code request_id} while plugs
 * and actions run (a {@code @Blocking} action too), so {@code %X{request_id}} in the log pattern
 * shows it; with Reactor's automatic context propagation it also follows an action's {@code Mono}
 * ({@link RequestIdThreadLocalAccessor}).
 *
 * <pre>{@code
 * @Bean RequestIdFilter requestId() { return new RequestIdFilter("x-request-id"); }
 * String id = RequestIdFilter.requestId(conn);
 * }</pre>
 */
public final class RequestIdFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the request id. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    /** The logging MDC key of the request id, Plug's Logger metadata key. */
    public static final String MDC_KEY = "request_id";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String header;

    public RequestIdFilter(String header) {
        this.header = header;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(header);
        String id = given != null && given.length() >= 20 && given.length() <= 200 ? given : generate();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(header, id);
        return chain.filter(exchange);
    }

    /** @return the request id of the conn's request, or null when the filter is not installed */
    public static String requestId(Conn conn) {
        ServerWebExchange exchange = WebFluxConn.exchange(conn);
        return exchange == null ? null : exchange.getAttribute(ATTRIBUTE);
    }

    /**
     * Runs {@code work} with the request id in the logging MDC (nothing changes when it is null),
     * restoring what the thread had before.
     */
    public static <T> T withRequestId(String requestId, java.util.function.Supplier<T> work) {
        if (requestId == null) {
            return work.get();
        }
        String previous = org.slf4j.MDC.get(MDC_KEY);
        org.slf4j.MDC.put(MDC_KEY, requestId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                org.slf4j.MDC.remove(MDC_KEY);
            } else {
                org.slf4j.MDC.put(MDC_KEY, previous);
            }
        }
    }

    // Unique enough for correlating logs, not a secret: 15 bytes of time and fast randomness.
    static String generate() {
        byte[] bytes = new byte[15];
        long time = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (time >>> (56 - 8 * i));
        }
        long random = ThreadLocalRandom.current().nextLong();
        for (int i = 8; i < 15; i++) {
            bytes[i] = (byte) (random >>> (8 * (i - 8)));
        }
        return ENCODER.encodeToString(bytes);
    }
}
