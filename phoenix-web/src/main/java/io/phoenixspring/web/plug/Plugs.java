package io.phoenixspring.web.plug;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.session.CookieStore;
import io.phoenixspring.web.session.SessionOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseCookie;

/**
 * The plugs a Phoenix router's pipelines use: {@code accepts}, {@code fetchSession},
 * {@code fetchFlash}, {@code protectFromForgery}, {@code putSecureBrowserHeaders}.
 *
 * <pre>{@code
 * router.pipeline("browser", p -> p.plug(Plugs.accepts("html")).plug(Plugs.fetchSession()).plug(Plugs.fetchFlash())
 *         .plug(Plugs.protectFromForgery()).plug(Plugs.putSecureBrowserHeaders()));
 * router.pipeline("api", p -> p.plug(Plugs.accepts("json")));
 * }</pre>
 */
public final class Plugs {

    private static final Map<String, String> MIME_TO_FORMAT = Map.ofEntries(
            Map.entry("application/json", "json"), Map.entry("text/html", "html"),
            Map.entry("application/xhtml+xml", "html"), Map.entry("text/plain", "text"),
            Map.entry("application/xml", "xml"), Map.entry("text/xml", "xml"), Map.entry("text/csv", "csv"),
            Map.entry("text/css", "css"), Map.entry("text/javascript", "js"),
            Map.entry("application/javascript", "js"), Map.entry("text/event-stream", "event-stream"));

    private static final Map<String, String> SECURE_HEADERS = secureHeaders();

    private Plugs() {
    }

    /**
     * Content negotiation (Phoenix.Controller.accepts): picks the format from the {@code _format}
     * param or the accept header; no acceptable format is a 406. No accept header, or {@code * / *},
     * picks the first format.
     */
    public static Plug accepts(String... formats) {
        List<String> accepted = List.of(formats);
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("accepts needs at least one format");
        }
        // Phoenix.Controller.put_format's key, read by Controller.getFormat and the error renderer.
        return conn -> conn.putPrivate("phoenix_format", negotiate(conn, accepted));
    }

    static String negotiate(Conn conn, List<String> accepted) {
        if (conn.params().get("_format") instanceof String given && !given.isEmpty()) {
            if (accepted.contains(given)) {
                return given;
            }
            throw StatusException.notAcceptable("unknown format \"" + given + "\", expected one of " + accepted);
        }
        String header = conn.reqHeader("accept");
        if (header == null || header.isBlank()) {
            return accepted.get(0);
        }
        boolean wildcard = false;
        String prefixMatch = null;
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String type = pieces[0].trim().toLowerCase(Locale.ROOT);
            if (quality(pieces) <= 0) {
                continue;
            }
            if (type.equals("*/*") || type.equals("*")) {
                wildcard = true;
                continue;
            }
            if (type.endsWith("/*")) {
                String prefix = type.substring(0, type.length() - 1);
                for (Map.Entry<String, String> e : MIME_TO_FORMAT.entrySet()) {
                    if (prefixMatch == null && e.getKey().startsWith(prefix) && accepted.contains(e.getValue())) {
                        prefixMatch = e.getValue();
                    }
                }
                continue;
            }
            String format = MIME_TO_FORMAT.get(type);
            if (format == null && type.endsWith("+json")) {
                format = "json";
            }
            if (format != null && accepted.contains(format)) {
                return format;
            }
        }
        if (prefixMatch != null) {
            return prefixMatch;
        }
        if (wildcard) {
            return accepted.get(0);
        }
        throw StatusException.notAcceptable("no supported media type in accept header.\n\nExpected one of "
                + accepted + " but got: " + header);
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /**
     * Loads the session from the cookie store of the endpoint (keyed by {@code secret_key_base}) and
     * writes it back before the response when it changed (Plug.Session + fetch_session).
     */
    public static Plug fetchSession() {
        return conn -> {
            CookieStore store = WebEndpoint.of(conn).sessionStore();
            if (store == null) {
                throw new IllegalStateException("fetchSession needs a session store: set phoenix.endpoint.secret-key-base");
            }
            if (conn.sessionFetched()) {
                return conn;
            }
            String cookie = conn.reqCookies().get(store.options().key());
            return conn.withSession(store.get(cookie)).registerBeforeSend(Plugs::writeSession);
        };
    }

    private static Conn writeSession(Conn conn) {
        Object info = conn.privates().get("plug_session_info");
        if (info == null) {
            return conn;
        }
        CookieStore store = WebEndpoint.of(conn).sessionStore();
        SessionOptions options = store.options();
        ResponseCookie.ResponseCookieBuilder cookie;
        if ("drop".equals(info)) {
            cookie = ResponseCookie.from(options.key(), "").maxAge(0);
        } else {
            cookie = ResponseCookie.from(options.key(), store.put(conn.session()));
            if (options.maxAge() != null) {
                cookie.maxAge(options.maxAge());
            }
        }
        return conn.putRespCookie(cookie.path(options.path()).httpOnly(options.httpOnly()).secure(options.secure())
                .sameSite(options.sameSite()).build());
    }

    /**
     * Loads the flash from the session (Phoenix.Controller.fetch_flash). Flash set during a
     * request that redirects is kept for the next request; otherwise it is shown once and cleared.
     */
    public static Plug fetchFlash() {
        return conn -> {
            Object stored = conn.getSession("phoenix_flash");
            Map<String, String> flash = new LinkedHashMap<>();
            if (stored instanceof Map<?, ?> map) {
                map.forEach((k, v) -> flash.put(String.valueOf(k), String.valueOf(v)));
            }
            // Phoenix.Controller's key, where Controller.putFlash and getFlash find it.
            return conn.putPrivate("phoenix_flash", Collections.unmodifiableMap(flash))
                    .registerBeforeSend(Plugs::keepFlash);
        };
    }

    private static Conn keepFlash(Conn conn) {
        Map<?, ?> flash = (Map<?, ?>) conn.privates().get("phoenix_flash");
        boolean redirect = conn.status() >= 300 && conn.status() <= 308;
        if (!flash.isEmpty() && redirect) {
            return conn.putSession("phoenix_flash", flash);
        }
        if (conn.session().containsKey("phoenix_flash")) {
            return conn.deleteSession("phoenix_flash");
        }
        return conn;
    }

    /** CSRF protection; see {@link Csrf}. */
    public static Plug protectFromForgery() {
        return Csrf.protectFromForgery();
    }

    /**
     * HTTP Basic authentication (Plug.BasicAuth's {@code basic_auth}): a request without these
     * credentials gets a 401 with {@code www-authenticate: Basic realm="Application"} and is halted.
     * Compared in constant time. Use it over HTTPS.
     *
     * <pre>{@code
     * router.pipeline("admins", p -> p.plug(Plugs.basicAuth("admin", System.getenv("DASHBOARD_PASSWORD"))));
     * }</pre>
     */
    public static Plug basicAuth(String username, String password) {
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("basic auth needs a non-empty username and password");
        }
        byte[] expected = ("Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return conn -> {
            String given = conn.reqHeader("authorization");
            if (given != null && java.security.MessageDigest.isEqual(expected,
                    given.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                return conn;
            }
            return conn.putRespHeader("www-authenticate", "Basic realm=\"Application\"")
                    .putRespContentType("text/plain").sendResp(401, "Unauthorized").halt();
        };
    }

    /** Headers that make browsers safer (Phoenix.Controller.put_secure_browser_headers). */
    public static Plug putSecureBrowserHeaders() {
        return putSecureBrowserHeaders(Map.of());
    }

    /** @param extra headers to set or override, e.g. a stricter content-security-policy */
    public static Plug putSecureBrowserHeaders(Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(SECURE_HEADERS);
        extra.forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        List<Map.Entry<String, String>> entries = new ArrayList<>(headers.entrySet());
        return conn -> {
            Conn out = conn;
            for (Map.Entry<String, String> e : entries) {
                out = out.putRespHeader(e.getKey(), e.getValue());
            }
            return out;
        };
    }

    private static Map<String, String> secureHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("referrer-policy", "strict-origin-when-cross-origin");
        h.put("content-security-policy", "base-uri 'self'; frame-ancestors 'self';");
        h.put("x-content-type-options", "nosniff");
        h.put("x-download-options", "noopen");
        h.put("x-frame-options", "SAMEORIGIN");
        h.put("x-permitted-cross-domain-policies", "none");
        return Collections.unmodifiableMap(h);
    }
}
