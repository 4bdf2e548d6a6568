package io.phoenixspring.web.router;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.conn.WebFluxConn;
import io.phoenixspring.web.endpoint.ErrorRenderer;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.phoenixspring.web.plug.RequestIdFilter;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * Mounts a {@link Router} on WebFlux. A request that matches a route is handled here: the body is
 * parsed (JSON, urlencoded, multipart with {@link io.phoenixspring.web.conn.Upload}s), the pipelines and the action run, the response is written once.
 * A request that matches no route falls through to the next mapping (Spring's
 * {@code @RestController}s at order 0), so the router's order (default -10) decides who wins
 * when both match; {@code /socket/*} stays with the socket mapping (HIGHEST_PRECEDENCE + 10).
 *
 * <p>Observability: a matched request's {@code http.server.requests} carries the route's pattern
 * ({@code uri=/api/rooms/:id/messages}), and with an {@link ObservationRegistry} each dispatch is a
 * {@code phoenix.router_dispatch} observation (Phoenix's {@code [:phoenix, :router_dispatch, …]}).
 *
 * <pre>{@code
 * @Bean RouterHandlerMapping phoenixRouter(Router router, ApplicationContext context) {
 *     return new RouterHandlerMapping(router, WebEndpoint.defaults(), context::getBean);
 * }
 * }</pre>
 */
public final class RouterHandlerMapping extends AbstractHandlerMapping implements WebHandler {

    /** Default order: ahead of RequestMappingHandlerMapping (0) and RouterFunctionMapping (-1). */
    public static final int DEFAULT_ORDER = -10;

    private static final String MATCH = RouterHandlerMapping.class.getName() + ".match";
    private static final String DISPATCH = RouterHandlerMapping.class.getName() + ".dispatch";
    private static final Logger log = LoggerFactory.getLogger(RouterHandlerMapping.class);

    private final Router router;
    private final WebEndpoint endpoint;
    private final Function<Class<?>, Object> beans;
    private final MultipartParser multipart;
    private ObservationRegistry observations = ObservationRegistry.NOOP;

    public RouterHandlerMapping(Router router, WebEndpoint endpoint, Function<Class<?>, Object> beans) {
        this.router = router;
        this.endpoint = endpoint;
        this.beans = beans;
        this.multipart = new MultipartParser(endpoint.maxBodyBytes());
        setOrder(DEFAULT_ORDER);
    }

    /**
     * Observes each dispatch as {@code phoenix.router_dispatch} (low-cardinality keys {@code route},
     * {@code plug}, {@code plug_opts}, {@code method}, and {@code status} at stop); none by default.
     */
    public void setObservationRegistry(ObservationRegistry observations) {
        this.observations = observations == null ? ObservationRegistry.NOOP : observations;
    }

    /** @return the router */
    public Router router() {
        return router;
    }

    /** @return the endpoint configuration conns see */
    public WebEndpoint endpoint() {
        return endpoint;
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        RouteMatch match = router.match(exchange.getRequest().getMethod().name(), Conn.split(path));
        if (match == null) {
            return Mono.empty();
        }
        Dispatch dispatch = Dispatch.of(exchange.getRequest().getMethod().name(), match);
        if (dispatch != null) {
            // As Spring's own mappings do: http.server.requests is tagged uri=<pattern>, not UNKNOWN.
            ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                    .ifPresent(context -> context.setPathPattern(dispatch.pattern()));
            exchange.getAttributes().put(DISPATCH, dispatch);
        }
        exchange.getAttributes().put(MATCH, match);
        return Mono.just(this);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        RouteMatch match = exchange.getAttribute(MATCH);
        if (match == null) {
            match = router.match(exchange.getRequest().getMethod().name(),
                    Conn.split(exchange.getRequest().getPath().pathWithinApplication().value()));
        }
        long start = System.nanoTime();
        Conn conn;
        try {
            conn = WebFluxConn.from(exchange, endpoint);
        } catch (StatusException badQuery) {
            return send(exchange, ErrorRenderer.render(WebFluxConn.withoutParams(exchange, endpoint), badQuery), start);
        }
        if (match == null) {
            return send(exchange, ErrorRenderer.renderStatus(conn, 404, null), start);
        }
        MediaType type;
        try {
            type = exchange.getRequest().getHeaders().getContentType();
        } catch (InvalidMediaTypeException badType) {
            // Plug.Parsers' UnsupportedMediaTypeError: the client's mistake, answered in the error format.
            return send(exchange, ErrorRenderer.render(conn, StatusException.unsupportedMediaType(
                    exchange.getRequest().getHeaders().getFirst("content-type"), badType)), start);
        }
        RouteMatch route = match;
        Conn initial = conn;
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        return withBody(exchange, conn, type)
                .flatMap(c -> Mono.deferContextual(context -> {
                    // Started once the body is parsed, as Phoenix's router_dispatch starts after Plug.Parsers.
                    Dispatch dispatch = exchange.getAttribute(DISPATCH);
                    Observation observation = dispatch == null ? Observation.NOOP : dispatch.start(observations,
                            c.method(), context.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
                    Mono<Conn> called = RequestIdFilter.withRequestId(requestId, () -> {
                        if (log.isDebugEnabled()) {
                            // Phoenix.Logger's "Processing with" line, sensitive params filtered.
                            log.debug("{} {}\n  Processing with {}\n  Parameters: {}\n  Pipelines: {}", c.method(),
                                    c.requestPath(), route.route().handler(),
                                    c.params().filtered(endpoint.filterParameters()), route.route().pipelines());
                        }
                        return router.call(c, route, beans);
                    });
                    return answered(called.doOnError(error -> observation.error(ConnFailure.unwrap(error))),
                            exchange, requestId, initial)
                            .doOnNext(done -> observation.lowCardinalityKeyValue("status", Integer.toString(done.status())))
                            .doFinally(signal -> observation.stop())
                            .contextWrite(inner -> observation == Observation.NOOP ? inner
                                    : inner.put(ObservationThreadLocalAccessor.KEY, observation));
                }))
                // A body that could not be parsed is answered here; the dispatch never started.
                .transform(parsed -> answered(parsed, exchange, requestId, initial))
                .flatMap(c -> send(exchange, c, start))
                .doFinally(signal -> MultipartParser.deleteUploads(exchange))
                // Read by RequestIdThreadLocalAccessor when Reactor propagates context to thread locals.
                .contextWrite(context -> requestId == null ? context : context.put(RequestIdFilter.MDC_KEY, requestId));
    }

    /** The conn with a response: an error rendered as Phoenix renders it, a conn left unanswered made a 500. */
    private Mono<Conn> answered(Mono<Conn> conn, ServerWebExchange exchange, String requestId, Conn initial) {
        return conn.onErrorResume(error -> ServerAnswered.already(exchange) ? Mono.empty()
                        : Mono.just(RequestIdFilter.withRequestId(requestId, () -> ErrorRenderer.render(
                                error instanceof ConnFailure failure ? failure.conn : initial, ConnFailure.unwrap(error)))))
                .map(this::finish);
    }

    /** A conn the action did not answer is a server error, as Phoenix raises when no response was sent. */
    private Conn finish(Conn conn) {
        if (conn.state() == Conn.State.UNSET && !conn.halted()) {
            return ErrorRenderer.render(conn, new IllegalStateException("the action returned a conn without a response"));
        }
        if (conn.state() == Conn.State.UNSET) {
            // Halted without a response: Plug would fail the request; answer 500 rather than hang.
            return ErrorRenderer.render(conn, new IllegalStateException("a plug halted without sending a response"));
        }
        return conn;
    }

    private Mono<Void> send(ServerWebExchange exchange, Conn conn, long start) {
        if (ServerAnswered.already(exchange)) {
            // The server answered the client's malformed request itself (e.g. a broken chunk: 400, closed).
            return Mono.empty();
        }
        Conn out = RequestIdFilter.withRequestId(exchange.getAttribute(RequestIdFilter.ATTRIBUTE), () -> {
            Conn sent;
            try {
                sent = conn.runBeforeSend();
            } catch (RuntimeException e) {
                sent = ErrorRenderer.render(conn, e);
            }
            if (log.isDebugEnabled()) {
                log.debug("Sent {} in {}us", sent.status(), (System.nanoTime() - start) / 1000);
            }
            return sent;
        });
        return WebFluxConn.writeTo(out, exchange);
    }

    private Mono<Conn> withBody(ServerWebExchange exchange, Conn conn, MediaType type) {
        if (type != null && MultipartParser.isMultipart(type)) {
            return multipart.parse(exchange)
                    .map(conn::withBodyParams)
                    .onErrorMap(e -> new ConnFailure(conn, e));
        }
        if (type == null || !(isJson(type) || MediaType.APPLICATION_FORM_URLENCODED.includes(type))) {
            return Mono.just(conn);
        }
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, endpoint.maxBodyBytes());
        return DataBufferUtils.join(exchange.getRequest().getBody(), limit)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> StatusException.tooLarge(endpoint.maxBodyBytes()))
                .map(bytes -> conn.withBodyParams(BodyParsers.parse(type, bytes, endpoint)))
                .onErrorMap(e -> new ConnFailure(conn, e));
    }

    private static boolean isJson(MediaType type) {
        return "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json");
    }

}
