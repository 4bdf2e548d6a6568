package io.phoenixspring.channels.socket;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Phoenix's {@code check_origin}: refuses cross-site WebSocket and long-poll connections whose
 * {@code Origin} header is not allowed. Requests without an Origin are allowed (non-browser
 * clients send none). Allowed origins are written as in Phoenix: {@code "https://example.com"},
 * {@code "//another.com:888"}, {@code "//*.other.com"}.
 *
 * <pre>{@code
 * OriginCheck check = OriginCheck.allow(List.of("//localhost", "//127.0.0.1"));
 * check.allows("http://localhost:4000"); // true
 * OriginCheck sameHost = OriginCheck.CONN;                               // check_origin: :conn
 * OriginCheck custom = OriginCheck.of(origin -> tenants.knows(origin.getHost())); // check_origin: {M, :f, []}
 * }</pre>
 */
public final class OriginCheck {

    /** Any origin passes: only for development, or for clients that send no Origin. */
    public static final OriginCheck OFF = new OriginCheck(null);

    /**
     * Phoenix's {@code check_origin: :conn}: the origin must have the request's own scheme, host and
     * port (behind a proxy, those of the forwarded request when Boot's
     * {@code server.forward-headers-strategy} is set).
     */
    public static final OriginCheck CONN = new OriginCheck(null, null, true);

    private final List<Allowed> allowed;
    private final java.util.function.Predicate<URI> function;
    private final boolean sameAsRequest;

    private record Allowed(String scheme, String host, int port) {
        boolean matches(URI origin) {
            if (scheme != null && !scheme.equalsIgnoreCase(origin.getScheme())) {
                return false;
            }
            if (port >= 0 && port != effectivePort(origin)) {
                return false;
            }
            String originHost = origin.getHost() == null ? "" : origin.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("*.")) {
                return originHost.endsWith(host.substring(1));
            }
            return host.equals(originHost);
        }
    }

    private OriginCheck(List<Allowed> allowed) {
        this(allowed, null, false);
    }

    private OriginCheck(List<Allowed> allowed, java.util.function.Predicate<URI> function, boolean sameAsRequest) {
        this.allowed = allowed;
        this.function = function;
        this.sameAsRequest = sameAsRequest;
    }

    /**
     * Phoenix's {@code check_origin: {Module, :function, args}}: {@code allowed} decides on the
     * parsed Origin (it may throw nothing; an origin that does not parse is refused before it).
     */
    public static OriginCheck of(java.util.function.Predicate<URI> allowed) {
        return new OriginCheck(null, java.util.Objects.requireNonNull(allowed, "allowed"), false);
    }

    /** Origins as Phoenix writes them in {@code check_origin: [...]}. */
    public static OriginCheck allow(List<String> origins) {
        return new OriginCheck(origins.stream().map(OriginCheck::parse).toList());
    }

    /** Phoenix's {@code check_origin: true}: the endpoint's url host, any scheme and port. */
    public static OriginCheck host(String host) {
        return new OriginCheck(List.of(new Allowed(null, host.toLowerCase(Locale.ROOT), -1)));
    }

    private static Allowed parse(String origin) {
        String text = origin.trim();
        String scheme = null;
        int slashes = text.indexOf("//");
        if (slashes < 0) {
            throw new IllegalArgumentException("check_origin entries look like \"https://example.com\" or \"//example.com\", got: " + origin);
        }
        if (slashes > 0) {
            scheme = text.substring(0, slashes - 1);
        }
        String authority = text.substring(slashes + 2);
        int slash = authority.indexOf('/');
        if (slash >= 0) {
            authority = authority.substring(0, slash);
        }
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon > 0) {
            port = Integer.parseInt(authority.substring(colon + 1));
            authority = authority.substring(0, colon);
        }
        return new Allowed(scheme, authority.toLowerCase(Locale.ROOT), port);
    }

    /** @param origin the Origin header, or null */
    public boolean allows(String origin) {
        return allows(origin, null);
    }

    /**
     * @param origin the Origin header, or null
     * @param request the connect request's URI (for {@link #CONN}); null when unknown
     */
    public boolean allows(String origin, URI request) {
        if (origin == null || allowed == null && function == null && !sameAsRequest) {
            return true;
        }
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getHost() == null) {
            return false;
        }
        if (function != null) {
            return function.test(uri);
        }
        if (sameAsRequest) {
            return request != null && uri.getHost().equalsIgnoreCase(String.valueOf(request.getHost()))
                    && webScheme(request).equalsIgnoreCase(String.valueOf(uri.getScheme()))
                    && effectivePort(uri) == effectivePort(request);
        }
        for (Allowed candidate : allowed) {
            if (candidate.matches(uri)) {
                return true;
            }
        }
        return false;
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        String scheme = uri.getScheme();
        return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** A WebSocket request's URI may read ws/wss; its page's origin reads http/https. */
    private static String webScheme(URI request) {
        String scheme = String.valueOf(request.getScheme());
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "ws" -> "http";
            case "wss" -> "https";
            default -> scheme;
        };
    }

    @Override
    public String toString() {
        if (sameAsRequest) {
            return "OriginCheck[conn]";
        }
        if (function != null) {
            return "OriginCheck[function]";
        }
        return allowed == null ? "OriginCheck[off]" : "OriginCheck" + allowed;
    }
}
