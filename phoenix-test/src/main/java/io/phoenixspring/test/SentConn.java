package io.phoenixspring.test;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import tools.jackson.core.JacksonException;

/**
 * The conn after {@link ConnTest} dispatched it: status, headers, cookies and body, with
 * Phoenix.ConnTest's assertions. Every assertion fails with the status and body received.
 *
 * <pre>{@code
 * SentConn sent = conn.post("/users", Map.of("user", Map.of("name", "Ada")));
 * assertThat(sent.redirectedTo()).isEqualTo("/users/1");
 * assertThat(sent.getFlash("info")).isEqualTo("User created.");
 * }</pre>
 */
public final class SentConn {

    private static final int BODY_SHOWN = 2000;

    private final ConnTest from;
    private final String method;
    private final String path;
    private final String query;
    private final int status;
    private final HttpHeaders headers;
    private final Map<String, ResponseCookie> cookies;
    private final byte[] body;

    SentConn(ConnTest from, String method, String path, String query, int status, HttpHeaders headers,
            Map<String, ResponseCookie> cookies, byte[] body) {
        this.from = from;
        this.method = method;
        this.path = path;
        this.query = query;
        this.status = status;
        HttpHeaders copy = new HttpHeaders();
        copy.putAll(headers);
        this.headers = HttpHeaders.readOnlyHttpHeaders(copy);
        this.cookies = Collections.unmodifiableMap(new LinkedHashMap<>(cookies));
        this.body = body;
    }

    /** @return the response status */
    public int status() {
        return status;
    }

    /** @return the response body as UTF-8 text */
    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the response body's bytes */
    public byte[] bodyBytes() {
        return body.clone();
    }

    /** @return the response headers */
    public HttpHeaders respHeaders() {
        return headers;
    }

    /** {@code get_resp_header}: the first value, or null. */
    public String respHeader(String name) {
        return headers.getFirst(name);
    }

    /** @return the cookies the response set (a deleted cookie has max-age 0) */
    public Map<String, ResponseCookie> respCookies() {
        return cookies;
    }

    /** {@code response(conn, status)}: the body, after checking the status. */
    public String response(int expected) {
        if (status != expected) {
            throw new AssertionError("expected response with status " + expected + ", got " + describe());
        }
        return body();
    }

    /**
     * {@code json_response(conn, status)}: the status, an {@code application/json} content type, and
     * the body decoded to maps, lists, strings, numbers, booleans and nulls.
     */
    public Object jsonResponse(int expected) {
        return jsonResponse(expected, Object.class);
    }

    /** {@code json_response} decoded to a type of yours (a record, {@code Map.class}…). */
    public <T> T jsonResponse(int expected, Class<T> type) {
        String text = response(expected);
        requireContentType("application/json", "json");
        try {
            return ConnTest.JSON.readValue(text, type);
        } catch (JacksonException e) {
            throw new AssertionError("could not decode the JSON response of " + method + " " + path + " as "
                    + type.getSimpleName() + ": " + e.getOriginalMessage() + "\nbody: " + shown(), e);
        }
    }

    /** {@code html_response(conn, status)}: the body, after checking the status and a {@code text/html} type. */
    public String htmlResponse(int expected) {
        String text = response(expected);
        requireContentType("text/html", "html");
        return text;
    }

    /**
     * {@code html_response(conn, status)} parsed for CSS selectors: {@code html(200).text("h1")},
     * {@code html(200).hasElement("li", "milk")}. Checks the status and the content type as {@link #htmlResponse(int)}.
     */
    public Html html(int expected) {
        return Html.of(htmlResponse(expected), "the HTML response to " + method + " " + requestTarget());
    }

    /** {@code text_response(conn, status)}: the body, after checking the status and a {@code text/plain} type. */
    public String textResponse(int expected) {
        String text = response(expected);
        requireContentType("text/plain", "text");
        return text;
    }

    /** {@code redirected_to(conn)}: the location of a 302. */
    public String redirectedTo() {
        return redirectedTo(302);
    }

    /** {@code redirected_to(conn, status)}: the location of a redirect with this status. */
    public String redirectedTo(int expected) {
        if (status != expected) {
            throw new AssertionError("expected redirection with status " + expected + ", got " + describe());
        }
        String location = headers.getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            throw new AssertionError("no location header was set on the " + status + " response to " + method + " " + path);
        }
        return location;
    }

    /**
     * The session the response carries (its session cookie decoded with the application's store),
     * or the request's when the response did not rewrite it.
     */
    public Map<String, Object> session() {
        var store = from.sessionStore();
        String key = store.options().key();
        ResponseCookie set = cookies.get(key);
        if (set != null) {
            return set.getMaxAge().isZero() ? Map.of() : store.get(set.getValue());
        }
        return store.get(from.reqCookies().get(key));
    }

    /** {@code get_session(conn, key)}. */
    public Object getSession(String key) {
        return session().get(key);
    }

    /**
     * The flash kept for the next request ({@code Phoenix.Flash.get(conn.assigns.flash, key)} after a
     * redirect): the messages the action put before redirecting, read from the session cookie.
     */
    public Map<String, String> getFlash() {
        Object stored = session().get("phoenix_flash");
        Map<String, String> flash = new LinkedHashMap<>();
        if (stored instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flash.put(String.valueOf(k), String.valueOf(v)));
        }
        return Collections.unmodifiableMap(flash);
    }

    /** The flash message of one kind ({@code "info"}, {@code "error"}), or null. */
    public String getFlash(String kind) {
        return getFlash().get(kind);
    }

    /**
     * {@code recycle(conn)}: a new conn for the next request, sending the cookies so far (the
     * request's, updated by the response's) and the accept, accept-language and authorization headers.
     */
    public ConnTest recycle() {
        return from.recycled(cookies);
    }

    /** The request's path and query ({@code /counter?start=5}), as requested. */
    String requestTarget() {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    String method() {
        return method;
    }

    private void requireContentType(String type, String format) {
        String actual = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        if (actual == null || !actual.toLowerCase(java.util.Locale.ROOT).startsWith(type)) {
            throw new AssertionError("expected content-type for " + format + ", got " + actual + " in " + describe());
        }
    }

    /** "404 with content-type …, body: …", as failure messages show it. */
    String describe() {
        return status + " for " + method + " " + path + " (content-type " + headers.getFirst(HttpHeaders.CONTENT_TYPE)
                + ")\nbody: " + shown();
    }

    private String shown() {
        String text = body();
        return text.isEmpty() ? "(empty)" : text.length() > BODY_SHOWN ? text.substring(0, BODY_SHOWN) + "…" : text;
    }

    @Override
    public String toString() {
        return "SentConn[" + describe() + "]";
    }
}
