package io.phoenixspring.web.conn;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * Plug.Conn in Java: one request and the response being built for it, as an immutable value.
 * Every change returns a new conn, so plugs and actions read like Phoenix's pipelines:
 * {@code conn = conn.putStatus(201).putRespHeader("location", "/users/1")}. Nothing is written to the
 * client until the action returns; then the before-send callbacks run and the response goes out once.
 * As Plug.Conn knows nothing of Phoenix, rendering, redirects and flash are
 * {@code io.phoenixspring.web.controller.Controller}'s (Phoenix.Controller), and the WebFlux side
 * (building a conn from an exchange, writing it back) is {@link WebFluxConn}'s, the adapter.
 *
 * <pre>{@code
 * Conn create(Conn conn, Params params) {
 *     return Controller.json(conn.putStatus(201).putRespHeader("location", "/users/1"), Map.of("id", 1));
 * }
 * }</pre>
 */
public final class Conn {

    /** Plug's default cache-control on every response. */
    static final String DEFAULT_CACHE_CONTROL = "max-age=0, private, must-revalidate";

    static final String SESSION = "plug_session";
    static final String SESSION_INFO = "plug_session_info";

    /** Whether a response has been set (can still change) or sent (final), as Plug's conn.state. */
    public enum State { UNSET, SET, SENT }

    // What never changes during the request, shared by every copy of the conn.
    private final Request request;
    private final ResponseFormats formats;

    private final List<String> pathInfo;
    private final List<String> scriptName;
    private final Map<String, Object> pathParams;
    private final Map<String, Object> bodyParams;
    private final Params params;
    private final Map<String, Object> assigns;
    private final Map<String, Object> privates;
    private final int status;
    private final Map<String, String> respHeaders;
    private final Map<String, ResponseCookie> respCookies;
    private final byte[] respBody;
    private final boolean halted;
    private final State state;
    private final List<UnaryOperator<Conn>> beforeSend;

    private Conn(Request request, ResponseFormats formats, List<String> pathInfo, List<String> scriptName,
            Map<String, Object> pathParams, Map<String, Object> bodyParams, Params params,
            Map<String, Object> assigns, Map<String, Object> privates, int status, Map<String, String> respHeaders,
            Map<String, ResponseCookie> respCookies, byte[] respBody, boolean halted, State state,
            List<UnaryOperator<Conn>> beforeSend) {
        this.request = request;
        this.formats = formats;
        this.pathInfo = pathInfo;
        this.scriptName = scriptName;
        this.pathParams = pathParams;
        this.bodyParams = bodyParams;
        this.params = params;
        this.assigns = assigns;
        this.privates = privates;
        this.status = status;
        this.respHeaders = respHeaders;
        this.respCookies = respCookies;
        this.respBody = respBody;
        this.halted = halted;
        this.state = state;
        this.beforeSend = beforeSend;
    }

    /** A mutable copy of the changing fields; every update goes through it. */
    private final class Copy {
        List<String> pathInfo = Conn.this.pathInfo;
        List<String> scriptName = Conn.this.scriptName;
        Map<String, Object> pathParams = Conn.this.pathParams;
        Map<String, Object> bodyParams = Conn.this.bodyParams;
        Params params = Conn.this.params;
        Map<String, Object> assigns = Conn.this.assigns;
        Map<String, Object> privates = Conn.this.privates;
        int status = Conn.this.status;
        Map<String, String> respHeaders = Conn.this.respHeaders;
        Map<String, ResponseCookie> respCookies = Conn.this.respCookies;
        byte[] respBody = Conn.this.respBody;
        boolean halted = Conn.this.halted;
        State state = Conn.this.state;
        List<UnaryOperator<Conn>> beforeSend = Conn.this.beforeSend;

        Conn build() {
            return new Conn(request, formats, pathInfo, scriptName, pathParams, bodyParams, params, assigns,
                    privates, status, respHeaders, respCookies, respBody, halted, state, beforeSend);
        }
    }

    // ---------------------------------------------------------------- creating

    /**
     * A conn for a request built by hand, for unit tests of plugs and controllers (Phoenix.ConnTest's build_conn).
     *
     * @param method e.g. GET
     * @param target path with an optional query, e.g. {@code /users?page=2}
     */
    public static Conn of(String method, String target, HttpHeaders headers, ResponseFormats formats) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        HttpHeaders copy = new HttpHeaders();
        copy.putAll(headers);
        return fresh(new Request(null, method.toUpperCase(java.util.Locale.ROOT), path, query,
                HttpHeaders.readOnlyHttpHeaders(copy), URI.create("http://localhost" + encodePath(path)), null), formats,
                Map.of());
    }

    private static String encodePath(String path) {
        return org.springframework.web.util.UriUtils.encodePath(path, StandardCharsets.UTF_8).replace("%25", "%");
    }

    static Conn fresh(Request request, ResponseFormats formats, Map<String, Object> assigns) {
        Map<String, Object> query = request.queryParams();
        Map<String, String> headers = new LinkedHashMap<>(4);
        headers.put("cache-control", DEFAULT_CACHE_CONTROL);
        return new Conn(request, formats, split(request.path()), List.of(), Map.of(), Map.of(), new Params(query),
                assigns, Map.of(), 0, headers, Map.of(), null, false, State.UNSET, List.of());
    }

    /** @return the path's non-empty segments, still percent-encoded (Plug's path_info) */
    public static List<String> split(String path) {
        List<String> segments = new ArrayList<>(6);
        int start = 0;
        int length = path.length();
        while (start < length) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? length : slash;
            if (end > start) {
                segments.add(path.substring(start, end));
            }
            start = end + 1;
        }
        return segments;
    }

    // ---------------------------------------------------------------- request

    /** @return the request method, upper case */
    public String method() {
        return request.method();
    }

    /** @return the full request path, e.g. {@code /api/users/1} */
    public String requestPath() {
        return request.path();
    }

    /** @return the path segments left for this handler (shorter after a forward) */
    public List<String> pathInfo() {
        return pathInfo;
    }

    /** @return the segments consumed by forwards before this handler */
    public List<String> scriptName() {
        return scriptName;
    }

    /** @return the raw query string, or "" */
    public String queryString() {
        return request.query() == null ? "" : request.query();
    }

    /** @return the request host */
    public String host() {
        return request.uri().getHost();
    }

    /** @return http or https */
    public String scheme() {
        return request.uri().getScheme();
    }

    /**
     * @return the port the request came to, the scheme's default when the request names none (Plug's
     *     {@code conn.port}); behind a proxy, with Boot's {@code server.forward-headers-strategy}, the public one
     */
    public int port() {
        int port = request.uri().getPort();
        return port > 0 ? port : "https".equals(scheme()) ? 443 : 80;
    }

    /** @return the client's address, or null when unknown */
    public InetSocketAddress remoteAddress() {
        return request.remote();
    }

    /** @return the request headers (read-only) */
    public HttpHeaders reqHeaders() {
        return request.headers();
    }

    /** @return the first value of a request header, or null */
    public String reqHeader(String name) {
        return request.headers().getFirst(name);
    }

    /** @return request cookies by name (first value) */
    public Map<String, String> reqCookies() {
        return request.cookies();
    }

    /** @return merged params: query, then body, then path params */
    public Params params() {
        return params;
    }

    /** @return the path params of the matched route, percent-decoded (a glob is a list of segments) */
    public Map<String, Object> pathParams() {
        return pathParams;
    }

    /** @return the parsed query string */
    public Map<String, Object> queryParams() {
        return request.queryParams();
    }

    /** @return the parsed body (JSON object, urlencoded form; a non-object JSON body is under "_json") */
    public Map<String, Object> bodyParams() {
        return bodyParams;
    }

    /**
     * @return what this conn encodes responses with: the settings of the endpoint the request came
     *     through ({@code WebEndpoint.of(conn)} gives them typed)
     */
    public ResponseFormats formats() {
        return formats;
    }

    /** The WebFlux exchange this conn was built from; null for conns built with {@link #of}. */
    ServerWebExchange exchange() {
        return request.exchange();
    }

    /** The router's: the conn with the matched route's path params (they win over query and body). */
    public Conn withPathParams(Map<String, Object> values, List<String> consumedScriptName, List<String> restPathInfo) {
        Copy c = new Copy();
        c.pathParams = values;
        c.params = merge(queryParamsView(), bodyParams, values);
        c.scriptName = consumedScriptName;
        c.pathInfo = restPathInfo;
        return c.build();
    }

    /** The router's: the conn with its parsed body. */
    public Conn withBodyParams(Map<String, Object> values) {
        Copy c = new Copy();
        c.bodyParams = values;
        c.params = merge(queryParamsView(), values, pathParams);
        return c.build();
    }

    private Map<String, Object> queryParamsView() {
        return request.queryParams();
    }

    private static Params merge(Map<String, Object> query, Map<String, Object> body, Map<String, Object> path) {
        if (body.isEmpty() && path.isEmpty()) {
            return new Params(query);
        }
        Map<String, Object> merged = new LinkedHashMap<>(query);
        merged.putAll(body);
        merged.putAll(path);
        return new Params(Collections.unmodifiableMap(merged));
    }

    // ---------------------------------------------------------------- assigns and private

    /** @return the conn with an assign, shared with later plugs, the action and templates */
    public Conn assign(String key, Object value) {
        Copy c = new Copy();
        c.assigns = with(assigns, key, value);
        return c.build();
    }

    /** @return the assigns */
    public Map<String, Object> assigns() {
        return assigns;
    }

    /** @return one assign, or null */
    @SuppressWarnings("unchecked")
    public <T> T assigned(String key) {
        return (T) assigns.get(key);
    }

    /** @return the conn with a private value, for libraries and plugs rather than templates */
    public Conn putPrivate(String key, Object value) {
        Copy c = new Copy();
        c.privates = with(privates, key, value);
        return c.build();
    }

    /** @return private values */
    public Map<String, Object> privates() {
        return privates;
    }

    // ---------------------------------------------------------------- response

    /** @return the response status, 0 while none is set */
    public int status() {
        return status;
    }

    /** @return the response state */
    public State state() {
        return state;
    }

    /** @return whether a plug halted the pipeline */
    public boolean halted() {
        return halted;
    }

    /** @return the response headers, lower-case names */
    public Map<String, String> respHeaders() {
        return Collections.unmodifiableMap(respHeaders);
    }

    /** @return the response body, or null */
    public byte[] respBody() {
        return respBody;
    }

    /** @return the response body as UTF-8 text, or "" */
    public String respBodyText() {
        return respBody == null ? "" : new String(respBody, StandardCharsets.UTF_8);
    }

    /** @return the response cookies set so far */
    public Map<String, ResponseCookie> respCookies() {
        return Collections.unmodifiableMap(respCookies);
    }

    /** @return the conn with a status, e.g. 201 (Plug's put_status) */
    public Conn putStatus(int value) {
        requireNotSent();
        if (value < 100 || value > 599) {
            throw new IllegalArgumentException("invalid status " + value);
        }
        Copy c = new Copy();
        c.status = value;
        return c.build();
    }

    /** @return the conn with a status */
    public Conn putStatus(HttpStatus value) {
        return putStatus(value.value());
    }

    /** @return the conn with a response header set (replacing), name lower-cased */
    public Conn putRespHeader(String name, String value) {
        requireNotSent();
        Copy c = new Copy();
        Map<String, String> headers = new LinkedHashMap<>(respHeaders);
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        c.respHeaders = headers;
        return c.build();
    }

    /** @return the conn without a response header */
    public Conn deleteRespHeader(String name) {
        requireNotSent();
        Copy c = new Copy();
        Map<String, String> headers = new LinkedHashMap<>(respHeaders);
        headers.remove(name.toLowerCase(java.util.Locale.ROOT));
        c.respHeaders = headers;
        return c.build();
    }

    /** @return the conn with a content type, e.g. {@code text/csv} (charset utf-8 appended, as Plug does) */
    public Conn putRespContentType(String type) {
        return putRespHeader("content-type", type.contains("charset") ? type : type + "; charset=utf-8");
    }

    /** @return the conn with a response cookie */
    public Conn putRespCookie(ResponseCookie cookie) {
        requireNotSent();
        Copy c = new Copy();
        c.respCookies = with(respCookies, cookie.getName(), cookie);
        return c.build();
    }

    /** @return the conn with the response status and body set but not yet sent (Plug's resp) */
    public Conn resp(int value, String body) {
        return putStatus(value).body(body.getBytes(StandardCharsets.UTF_8), State.SET);
    }

    /** @return the conn with the response sent: no further changes (Plug's send_resp) */
    public Conn sendResp(int value, String body) {
        return putStatus(value).body(body.getBytes(StandardCharsets.UTF_8), State.SENT);
    }

    /** @return the conn with the response sent with this body and the current (or 200) status */
    public Conn sendResp(byte[] body) {
        return (status == 0 ? putStatus(200) : this).body(body, State.SENT);
    }

    /** The error renderer's: the conn with no response yet (status, body, headers but cache-control cleared). */
    public Conn resetResponse() {
        Copy c = new Copy();
        Map<String, String> headers = new LinkedHashMap<>(4);
        headers.put("cache-control", DEFAULT_CACHE_CONTROL);
        c.respHeaders = headers;
        c.status = 0;
        c.respBody = null;
        c.state = State.UNSET;
        return c.build();
    }

    /** @return the conn halted: no further plugs nor the action run (Plug's halt) */
    public Conn halt() {
        Copy c = new Copy();
        c.halted = true;
        return c.build();
    }

    /** @return the conn with a callback run just before the response is written (Plug's register_before_send) */
    public Conn registerBeforeSend(UnaryOperator<Conn> callback) {
        Copy c = new Copy();
        List<UnaryOperator<Conn>> callbacks = new ArrayList<>(beforeSend.size() + 1);
        callbacks.add(callback);
        callbacks.addAll(beforeSend);
        c.beforeSend = List.copyOf(callbacks);
        return c.build();
    }

    private Conn body(byte[] body, State next) {
        requireNotSent();
        Copy c = new Copy();
        c.respBody = body;
        c.state = next;
        return c.build();
    }

    private void requireNotSent() {
        if (state == State.SENT) {
            throw new IllegalStateException("the response was already sent");
        }
    }

    // ---------------------------------------------------------------- session

    /** The session plug's: the conn with its session loaded. */
    public Conn withSession(Map<String, Object> session) {
        return putPrivate(SESSION, Collections.unmodifiableMap(new LinkedHashMap<>(session)));
    }

    /** @return whether the session was fetched */
    public boolean sessionFetched() {
        return privates.containsKey(SESSION);
    }

    /** @return the whole session */
    @SuppressWarnings("unchecked")
    public Map<String, Object> session() {
        Object session = privates.get(SESSION);
        if (session == null) {
            throw new IllegalStateException("session not fetched, add Plugs.fetchSession() to the pipeline");
        }
        return (Map<String, Object>) session;
    }

    /** @return one session value, or null */
    public Object getSession(String key) {
        return session().get(key);
    }

    /** @return the conn with a session value, written to the cookie when the response is sent */
    public Conn putSession(String key, Object value) {
        return putPrivate(SESSION, Collections.unmodifiableMap(with(session(), key, value)))
                .putPrivate(SESSION_INFO, sessionInfoOr("write"));
    }

    /** @return the conn without a session value */
    public Conn deleteSession(String key) {
        Map<String, Object> session = new LinkedHashMap<>(session());
        session.remove(key);
        return putPrivate(SESSION, Collections.unmodifiableMap(session)).putPrivate(SESSION_INFO, sessionInfoOr("write"));
    }

    /** @return the conn with an empty session */
    public Conn clearSession() {
        session();
        return putPrivate(SESSION, Map.of()).putPrivate(SESSION_INFO, sessionInfoOr("write"));
    }

    /** @return the conn whose session cookie is deleted when the response is sent (configure_session drop: true) */
    public Conn dropSession() {
        session();
        return putPrivate(SESSION, Map.of()).putPrivate(SESSION_INFO, "drop");
    }

    /** @return the conn whose session is rewritten, e.g. after log in (configure_session renew: true) */
    public Conn renewSession() {
        session();
        return putPrivate(SESSION_INFO, "renew");
    }

    private String sessionInfoOr(String fallback) {
        Object info = privates.get(SESSION_INFO);
        return info == null || "write".equals(info) ? fallback : (String) info;
    }

    // ---------------------------------------------------------------- sending

    /** The router's: runs the before-send callbacks (last registered first). */
    public Conn runBeforeSend() {
        if (beforeSend.isEmpty()) {
            return this;
        }
        // As in Plug, callbacks run before the response counts as sent, so they may still set headers and cookies.
        Copy open = new Copy();
        open.state = state == State.SENT ? State.SET : state;
        open.beforeSend = List.of();
        Conn conn = open.build();
        for (UnaryOperator<Conn> callback : beforeSend) {
            conn = callback.apply(conn);
        }
        Copy sent = conn.new Copy();
        sent.state = state;
        return sent.build();
    }

    private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new LinkedHashMap<>(map.size() + 2);
        copy.putAll(map);
        copy.put(key, value);
        return copy;
    }

    @Override
    public String toString() {
        return "Conn[" + method() + " " + requestPath() + ", status=" + status + ", state=" + state
                + (halted ? ", halted" : "") + "]";
    }

    /** The request side, fixed for the whole request. */
    static final class Request {
        private final ServerWebExchange exchange;
        private final String method;
        private final String path;
        private final String query;
        private final HttpHeaders headers;
        private final URI uri;
        private final InetSocketAddress remote;
        private Map<String, String> cookies;
        private Map<String, Object> queryParams;

        Request(ServerWebExchange exchange, String method, String path, String query, HttpHeaders headers, URI uri,
                InetSocketAddress remote) {
            this.exchange = exchange;
            this.method = method;
            this.path = path;
            this.query = query;
            this.headers = headers;
            this.uri = uri;
            this.remote = remote;
        }

        ServerWebExchange exchange() {
            return exchange;
        }

        String method() {
            return method;
        }

        String path() {
            return path;
        }

        String query() {
            return query;
        }

        HttpHeaders headers() {
            return headers;
        }

        URI uri() {
            return uri;
        }

        InetSocketAddress remote() {
            return remote;
        }

        // A conn belongs to one request and its plugs run one after another, so lazy fields need no lock.
        Map<String, Object> queryParams() {
            if (queryParams == null) {
                queryParams = Collections.unmodifiableMap(QueryDecoder.decode(query));
            }
            return queryParams;
        }

        Map<String, String> cookies() {
            if (cookies == null) {
                Map<String, String> out = new LinkedHashMap<>();
                if (exchange != null) {
                    exchange.getRequest().getCookies().forEach((name, values) -> {
                        if (!values.isEmpty()) {
                            out.put(name, values.get(0).getValue());
                        }
                    });
                } else {
                    for (String header : headers.getOrEmpty(HttpHeaders.COOKIE)) {
                        for (String pair : header.split(";")) {
                            int eq = pair.indexOf('=');
                            if (eq > 0) {
                                out.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                            }
                        }
                    }
                }
                cookies = Collections.unmodifiableMap(out);
            }
            return cookies;
        }
    }
}
