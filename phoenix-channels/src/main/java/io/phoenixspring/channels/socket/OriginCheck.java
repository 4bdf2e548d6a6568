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
 * }</pre>
 */
public final class OriginCheck {

    /** Any origin passes: only for development, or for clients that send no Origin. */
    public static final OriginCheck OFF = new OriginCheck(null);

    private final List<Allowed> allowed;

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
        this.allowed = allowed;
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
        if (allowed == null || origin == null) {
            return true;
        }
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false;
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
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
