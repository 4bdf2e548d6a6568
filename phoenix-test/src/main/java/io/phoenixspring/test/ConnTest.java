package io.phoenixspring.test;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Upload;
import io.phoenixspring.web.conn.WebFluxConn;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.router.Route;
import io.phoenixspring.web.router.RouteMatch;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.router.RouterHandlerMapping;
import io.phoenixspring.web.session.CookieStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phoenix.ConnTest for Java: build a conn, dispatch it through the application's real WebFlux
 * handler chain (filters, the Phoenix router, controllers, error rendering) in-process, with no
 * network, then assert on the response. A {@code ConnTest} is immutable, like a conn: every
 * {@code put…} returns a new one, so the injected bean is always {@code build_conn()}.
 *
 * <pre>{@code
 * @Autowired ConnTest conn;
 * SentConn sent = conn.putReqHeader("accept", "application/json").get("/api/users/1");
 * assertThat(sent.jsonResponse(200)).isEqualTo(Map.of("data", Map.of("id", 1, "name", "Ada")));
 * }</pre>
 *
 * <p>Params of {@code get}, {@code head} and {@code options} go in the query string (nested maps
 * as {@code user[name]=…}, lists as {@code tags[]=…}); those of {@code post}, {@code put},
 * {@code patch} and {@code delete} go in a JSON body, or as they are when given as a string (with
 * the content type you put). Cookies set by a response are sent again by {@link SentConn#recycle()}.
 */
public final class ConnTest {

    /** How long one in-process request may take before the test fails. */
    public static final Duration DISPATCH_TIMEOUT = Duration.ofSeconds(10);

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Plug.Test's recycle keeps these request headers (and every cookie). */
    static final String CSRF_SESSION_KEY = io.phoenixspring.web.plug.Csrf.SESSION_KEY;
    static final Set<String> RECYCLED_HEADERS = Set.of("accept", "accept-language", "authorization");

    private final Dispatcher dispatcher;
    private final Map<String, List<String>> headers;
    private final Map<String, String> cookies;
    private final Map<String, Object> assigns;
    private final boolean csrfChecked;

    /** @param context a reactive web application context (the slice's, or a whole application's) */
    public ConnTest(ApplicationContext context) {
        this(new Dispatcher(context), Map.of(), Map.of(), Map.of(), false);
    }

    private ConnTest(Dispatcher dispatcher, Map<String, List<String>> headers, Map<String, String> cookies,
            Map<String, Object> assigns, boolean csrfChecked) {
        this.dispatcher = dispatcher;
        this.headers = headers;
        this.cookies = cookies;
        this.assigns = assigns;
        this.csrfChecked = csrfChecked;
    }

    private ConnTest with(Map<String, List<String>> newHeaders, Map<String, String> newCookies) {
        return new ConnTest(dispatcher, newHeaders, newCookies, assigns, csrfChecked);
    }

    /**
     * Like Phoenix.ConnTest, requests pass CSRF protection by default (a valid token is put in the
     * session and the {@code x-csrf-token} header of POST, PUT, PATCH and DELETE requests, unless you
     * put that header yourself). This conn does not: its requests are checked as a browser's would be.
     */
    public ConnTest withCsrfProtection() {
        return new ConnTest(dispatcher, headers, cookies, assigns, true);
    }

    /** {@code build_conn()}: a fresh conn, no headers, no cookies, no assigns. */
    public ConnTest buildConn() {
        return new ConnTest(dispatcher, Map.of(), Map.of(), Map.of(), false);
    }

    /**
     * {@code assign(conn, key, value)} before dispatch: the request's conn starts with this assign, so
     * plugs and actions see it (e.g. a signed-in user, skipping the login flow). A plug may still
     * replace it. Not kept by {@link SentConn#recycle()}, as in Phoenix.
     *
     * <pre>{@code
     * SentConn sent = conn.assign("current_user", ada).get("/dashboard");
     * }</pre>
     */
    public ConnTest assign(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(assigns);
        copy.put(key, value);
        return new ConnTest(dispatcher, headers, cookies, Collections.unmodifiableMap(copy), csrfChecked);
    }

    /** The assigns the request's conn will start with. */
    public Map<String, Object> assigns() {
        return assigns;
    }

    /** {@code put_req_header}: replaces the header's values. */
    public ConnTest putReqHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.put(name.toLowerCase(Locale.ROOT), List.of(value));
        return with(Collections.unmodifiableMap(copy), cookies);
    }

    /** {@code delete_req_header}. */
    public ConnTest deleteReqHeader(String name) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.remove(name.toLowerCase(Locale.ROOT));
        return with(Collections.unmodifiableMap(copy), cookies);
    }

    /** {@code put_req_cookie}. */
    public ConnTest putReqCookie(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(cookies);
        copy.put(name, value);
        return with(headers, Collections.unmodifiableMap(copy));
    }

    /** {@code delete_req_cookie}. */
    public ConnTest deleteReqCookie(String name) {
        Map<String, String> copy = new LinkedHashMap<>(cookies);
        copy.remove(name);
        return with(headers, Collections.unmodifiableMap(copy));
    }

    /**
     * {@code init_test_session}: the request carries a session cookie holding these values, signed
     * (or encrypted) with the application's own session store, so {@code fetchSession} reads them.
     */
    public ConnTest initTestSession(Map<String, ?> session) {
        CookieStore store = dispatcher.sessionStore();
        return putReqCookie(store.options().key(), store.put(new LinkedHashMap<>(session)));
    }

    /** The request headers this conn will send. */
    public Map<String, List<String>> reqHeaders() {
        return headers;
    }

    /** The request cookies this conn will send. */
    public Map<String, String> reqCookies() {
        return cookies;
    }

    public SentConn get(String path) {
        return dispatch("GET", path, null);
    }

    public SentConn get(String path, Map<String, ?> params) {
        return dispatch("GET", path, params);
    }

    public SentConn head(String path) {
        return dispatch("HEAD", path, null);
    }

    public SentConn options(String path) {
        return dispatch("OPTIONS", path, null);
    }

    public SentConn post(String path) {
        return dispatch("POST", path, null);
    }

    /** @param params a map (sent as JSON) or a string body (sent with the content type you put) */
    public SentConn post(String path, Object params) {
        return dispatch("POST", path, params);
    }

    public SentConn put(String path, Object params) {
        return dispatch("PUT", path, params);
    }

    public SentConn patch(String path, Object params) {
        return dispatch("PATCH", path, params);
    }

    public SentConn delete(String path) {
        return dispatch("DELETE", path, null);
    }

    public SentConn delete(String path, Object params) {
        return dispatch("DELETE", path, params);
    }

    /** {@code dispatch(conn, endpoint, method, path, params)}: any verb. */
    public SentConn dispatch(String method, String path, Object params) {
        return dispatcher.send(request(method, path, params), assigns, this);
    }

    /**
     * {@code bypass_through(conn, router, pipelines)}: the next request runs through these router
     * pipelines and stops before any route, giving back the {@link Conn} the pipelines made (session
     * fetched, assigns set…) to call a plug or a controller function on.
     *
     * <pre>{@code
     * Conn conn = this.conn.initTestSession(Map.of("user_id", 42)).bypassThrough("browser").get("/");
     * assertThat(conn.getSession("user_id")).isEqualTo(42);
     * }</pre>
     */
    public Bypass bypassThrough(String... pipelines) {
        return new Bypass(List.of(pipelines));
    }

    /**
     * {@code assert_error_sent(status, fn)}: the request made in {@code request} was answered with
     * this error status (rendered by the application's error view, as Phoenix's plug_status does).
     *
     * @return the response, to assert its body further
     */
    public static SentConn assertErrorSent(int status, Supplier<SentConn> request) {
        SentConn sent = request.get();
        if (sent.status() != status) {
            throw new AssertionError("expected error status " + status + " to be sent, but got " + sent.describe());
        }
        if (status < 400) {
            throw new AssertionError("assertErrorSent expects an error status (4xx or 5xx), got " + status);
        }
        return sent;
    }

    private MockServerHttpRequest request(String method, String path, Object params) {
        HttpMethod verb = HttpMethod.valueOf(method.toUpperCase(Locale.ROOT));
        String target = path;
        String body = null;
        String contentType = headers.containsKey("content-type") ? headers.get("content-type").get(0) : null;
        boolean inQuery = verb == HttpMethod.GET || verb == HttpMethod.HEAD || verb == HttpMethod.OPTIONS;
        byte[] multipart = null;
        if (params instanceof Map<?, ?> map && !inQuery && containsUpload(map)) {
            // As a browser's form with a file input: multipart/form-data, the files read from their paths.
            String boundary = "phoenix-test-" + java.util.UUID.randomUUID();
            multipart = encodeMultipart(map, boundary);
            if (contentType == null) {
                contentType = "multipart/form-data; boundary=" + boundary;
            }
        } else if (params instanceof Map<?, ?> map && !map.isEmpty()) {
            if (inQuery) {
                target = path + (path.contains("?") ? "&" : "?") + encodeQuery(map);
            } else {
                body = JSON.writeValueAsString(map);
                if (contentType == null) {
                    contentType = "application/json";
                }
            }
        } else if (params instanceof String text) {
            if (inQuery) {
                target = path + (path.contains("?") ? "&" : "?") + text;
            } else {
                body = text;
                if (contentType == null) {
                    contentType = "application/x-www-form-urlencoded";
                }
            }
        } else if (params != null && !(params instanceof Map<?, ?>)) {
            if (inQuery) {
                throw new IllegalArgumentException("params of " + method + " must be a map or a query string, got " + params);
            }
            body = JSON.writeValueAsString(params);
            if (contentType == null) {
                contentType = "application/json";
            }
        }
        MockServerHttpRequest.BodyBuilder builder = MockServerHttpRequest.method(verb, URI.create("http://www.example.com"
                + (target.startsWith("/") ? "" : "/") + target));
        headers.forEach((name, values) -> builder.header(name, values.toArray(String[]::new)));
        if (contentType != null) {
            builder.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        Map<String, String> sent = cookies;
        if (!csrfChecked && !inQuery && verb != HttpMethod.HEAD && !headers.containsKey("x-csrf-token")) {
            CookieStore store = dispatcher.sessionStoreOrNull();
            if (store != null) {
                // Phoenix.ConnTest skips CSRF protection; here the request carries a token the plug accepts.
                Map<String, Object> session = new LinkedHashMap<>(store.get(cookies.get(store.options().key())));
                Object token = session.get(CSRF_SESSION_KEY);
                if (!(token instanceof String)) {
                    token = "phoenix-test-csrf-token";
                    session.put(CSRF_SESSION_KEY, token);
                    Map<String, String> copy = new LinkedHashMap<>(cookies);
                    copy.put(store.options().key(), store.put(session));
                    sent = copy;
                }
                builder.header("x-csrf-token", unmasked((String) token));
            }
        }
        sent.forEach((name, value) -> builder.cookie(new HttpCookie(name, value)));
        if (multipart != null) {
            return builder.body(reactor.core.publisher.Flux.just(
                    org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(multipart)));
        }
        return body == null ? builder.build() : builder.body(body);
    }

    /** A token in the masked form the CSRF plug expects, with a zero mask. */
    private static String unmasked(String token) {
        byte[] plain = token.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[plain.length * 2];
        System.arraycopy(plain, 0, out, 0, plain.length);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    private static boolean containsUpload(Object value) {
        if (value instanceof Upload) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(ConnTest::containsUpload);
        }
        return value instanceof Collection<?> list && list.stream().anyMatch(ConnTest::containsUpload);
    }

    /** A multipart/form-data body: names nested as the query's ({@code user[photo]}), each Upload a file part. */
    static byte[] encodeMultipart(Map<?, ?> params, String boundary) {
        List<Map.Entry<String, Object>> parts = new ArrayList<>();
        params.forEach((key, value) -> flatten(String.valueOf(key), value, parts));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, Object> part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("content-disposition: form-data; name=\"").append(quoted(part.getKey())).append('"');
            byte[] content;
            if (part.getValue() instanceof Upload upload) {
                head.append("; filename=\"").append(quoted(upload.filename())).append("\"\r\n");
                head.append("content-type: ")
                        .append(upload.contentType() == null ? "application/octet-stream" : upload.contentType());
                try {
                    content = java.nio.file.Files.readAllBytes(upload.path());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot read the upload " + upload.path(), e);
                }
            } else {
                content = String.valueOf(part.getValue() == null ? "" : part.getValue()).getBytes(StandardCharsets.UTF_8);
            }
            head.append("\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void flatten(String key, Object value, List<Map.Entry<String, Object>> parts) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(key + "[" + k + "]", v, parts));
        } else if (value instanceof Collection<?> list) {
            for (Object item : list) {
                flatten(key + "[]", item, parts);
            }
        } else {
            parts.add(new java.util.AbstractMap.SimpleEntry<>(key, value));
        }
    }

    /** As the HTML standard's form encoding escapes names and filenames. */
    private static String quoted(String text) {
        return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Plug.Conn.Query.encode: nested maps as {@code a[b]=c}, lists as {@code a[]=x}. */
    static String encodeQuery(Map<?, ?> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((key, value) -> encode(String.valueOf(key), value, pairs));
        return String.join("&", pairs);
    }

    private static void encode(String key, Object value, List<String> pairs) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> encode(key + "[" + k + "]", v, pairs));
        } else if (value instanceof Collection<?> list) {
            for (Object item : list) {
                encode(key + "[]", item, pairs);
            }
        } else {
            pairs.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value == null ? "" : String.valueOf(value), StandardCharsets.UTF_8));
        }
    }

    /** The recycled conn of a response: cookies merged, accept/accept-language/authorization kept. */
    ConnTest recycled(Map<String, ResponseCookie> set) {
        Map<String, String> next = new LinkedHashMap<>(cookies);
        set.forEach((name, cookie) -> {
            if (cookie.getMaxAge().isZero() || cookie.getMaxAge().isNegative() && cookie.getValue().isEmpty()) {
                next.remove(name);
            } else {
                next.put(name, cookie.getValue());
            }
        });
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (RECYCLED_HEADERS.contains(name)) {
                kept.put(name, values);
            }
        });
        // Plug.Test's recycle builds a new conn: cookies and those headers carry over, assigns do not.
        return new ConnTest(dispatcher, Collections.unmodifiableMap(kept), Collections.unmodifiableMap(next), Map.of(),
                csrfChecked);
    }

    CookieStore sessionStore() {
        return dispatcher.sessionStore();
    }

    /** A conn that will stop after the named pipelines. */
    public final class Bypass {
        private final List<String> pipelines;

        Bypass(List<String> pipelines) {
            this.pipelines = pipelines;
        }

        public Conn get(String path) {
            return dispatch("GET", path, null);
        }

        public Conn get(String path, Map<String, ?> params) {
            return dispatch("GET", path, params);
        }

        public Conn post(String path, Object params) {
            return dispatch("POST", path, params);
        }

        /** Runs the request through the pipelines; the conn comes back without a response. */
        public Conn dispatch(String method, String path, Object params) {
            MockServerWebExchange exchange = MockServerWebExchange.from(request(method, path, params));
            if (!assigns.isEmpty()) {
                exchange.getAttributes().put(WebFluxConn.ASSIGNS_ATTRIBUTE, assigns);
            }
            RouterHandlerMapping mapping = dispatcher.routerMapping();
            Router router = mapping.router();
            Conn conn = WebFluxConn.from(exchange, mapping.endpoint());
            if (params instanceof Map<?, ?> map && !map.isEmpty() && !"GET".equalsIgnoreCase(method)) {
                Map<String, Object> body = new LinkedHashMap<>();
                map.forEach((k, v) -> body.put(String.valueOf(k), v));
                conn = conn.withBodyParams(body);
            }
            Route stop = new Route(conn.method(), conn.requestPath(), pipelines, null, c -> c, null);
            RouteMatch match = new RouteMatch(stop, Map.of(), List.of(), conn.pathInfo());
            try {
                return router.call(conn, match, dispatcher.beans()).block(DISPATCH_TIMEOUT);
            } catch (RuntimeException e) {
                // The router wraps what a plug raised with the conn it failed on; a test wants what was raised.
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (cause instanceof NullPointerException) {
                    throw new IllegalArgumentException("the router has no pipeline among " + pipelines, cause);
                }
                if (cause instanceof RuntimeException raised) {
                    throw raised;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    /** Sends requests through the context's whole WebFlux chain, built once. */
    static final class Dispatcher {
        /** Names, on its way through the HTTP handler, the assigns of a request; removed before the app sees it. */
        private static final String ASSIGNS_HEADER = "x-phoenix-test-assigns";

        private final ApplicationContext context;
        private final Map<String, Map<String, Object>> pendingAssigns = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong assignsIds = new java.util.concurrent.atomic.AtomicLong();
        private volatile HttpHandler handler;

        Dispatcher(ApplicationContext context) {
            this.context = context;
        }

        SentConn send(org.springframework.http.server.reactive.ServerHttpRequest request, Map<String, Object> assigns,
                ConnTest from) {
            MockServerHttpResponse response = new MockServerHttpResponse();
            String assignsId = null;
            if (!assigns.isEmpty()) {
                assignsId = Long.toString(assignsIds.incrementAndGet());
                pendingAssigns.put(assignsId, assigns);
                request = request.mutate().header(ASSIGNS_HEADER, assignsId).build();
            }
            try {
                httpHandler().handle(request, response).block(DISPATCH_TIMEOUT);
            } finally {
                if (assignsId != null) {
                    pendingAssigns.remove(assignsId);
                }
            }
            byte[] body = org.springframework.core.io.buffer.DataBufferUtils.join(response.getBody())
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        return bytes;
                    })
                    .defaultIfEmpty(new byte[0]).block(DISPATCH_TIMEOUT);
            Map<String, ResponseCookie> cookies = new LinkedHashMap<>();
            response.getCookies().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    cookies.put(name, values.get(values.size() - 1));
                }
            });
            int status = response.getStatusCode() == null ? 200 : response.getStatusCode().value();
            return new SentConn(from, request.getMethod().name(), request.getURI().getRawPath(), request.getURI().getRawQuery(), status,
                    response.getHeaders(), cookies, body);
        }

        private HttpHandler httpHandler() {
            HttpHandler h = handler;
            if (h == null) {
                // The exchange is made inside the HTTP handler: a first filter turns the header into its assigns.
                h = WebHttpHandlerBuilder.applicationContext(context)
                        .filters(filters -> filters.add(0, this::presetAssigns))
                        .build();
                handler = h;
            }
            return h;
        }

        private reactor.core.publisher.Mono<Void> presetAssigns(org.springframework.web.server.ServerWebExchange exchange,
                org.springframework.web.server.WebFilterChain chain) {
            String id = exchange.getRequest().getHeaders().getFirst(ASSIGNS_HEADER);
            if (id == null) {
                return chain.filter(exchange);
            }
            Map<String, Object> assigns = pendingAssigns.get(id);
            org.springframework.web.server.ServerWebExchange withoutHeader = exchange.mutate()
                    .request(request -> request.headers(headers -> headers.remove(ASSIGNS_HEADER)))
                    .build();
            if (assigns != null) {
                withoutHeader.getAttributes().put(WebFluxConn.ASSIGNS_ATTRIBUTE, assigns);
            }
            return chain.filter(withoutHeader);
        }

        RouterHandlerMapping routerMapping() {
            try {
                return context.getBean(RouterHandlerMapping.class);
            } catch (org.springframework.beans.BeansException e) {
                throw new IllegalStateException("bypassThrough needs the Phoenix router: declare a Router bean "
                        + "(with the starter, it is mounted as a RouterHandlerMapping)", e);
            }
        }

        java.util.function.Function<Class<?>, Object> beans() {
            return context::getBean;
        }

        CookieStore sessionStoreOrNull() {
            WebEndpoint endpoint = context.getBeanProvider(WebEndpoint.class).getIfAvailable();
            return endpoint == null ? null : endpoint.sessionStore();
        }

        CookieStore sessionStore() {
            WebEndpoint endpoint = context.getBeanProvider(WebEndpoint.class).getIfAvailable();
            if (endpoint == null || endpoint.sessionStore() == null) {
                throw new IllegalStateException("no session store: set phoenix.endpoint.secret-key-base");
            }
            return endpoint.sessionStore();
        }
    }
}
