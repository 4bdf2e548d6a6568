package io.phoenixspring.autoconfigure.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP side of {@code phoenix.endpoint.*} (phoenix-web): error rendering, sessions, the router's
 * order, request ids, body limits. The shared keys (secret-key-base, url, check-origin, sockets) are
 * in EndpointProperties; both classes bind the same prefix.
 *
 * <pre>{@code
 * phoenix:
 *   endpoint:
 *     render-errors: { formats: [html, json] }
 *     session: { key: _my_app_key, signing-salt: aB3dE9fG, encryption-salt: xY7zW2 }
 * }</pre>
 */
@ConfigurationProperties("phoenix.endpoint")
public class WebEndpointProperties {

    /** HTTP listener. */
    private final Http http = new Http();

    /** How errors (404 no route, 400, 406, 500...) are rendered. */
    private final RenderErrors renderErrors = new RenderErrors();

    /** Show exception messages and stack traces in error responses. Development only: never in production. */
    private boolean debugErrors = false;

    /** Order of the Phoenix router among WebFlux handler mappings; @RestController mappings are at 0, sockets at HIGHEST_PRECEDENCE+10. */
    private int routerOrder = -10;

    /** Parameter names (matched as lower-case substrings) whose values are logged as [FILTERED]. */
    private List<String> filterParameters = new ArrayList<>(List.of("password"));

    /** Largest request body the JSON, urlencoded and multipart parsers read (uploads included); larger bodies get 413. */
    private DataSize maxBodySize = DataSize.ofBytes(8_000_000);

    /** Print the route table (like mix phx.routes) at startup, at INFO. It is always logged at DEBUG. */
    private boolean printRoutes = false;

    /** The cookie session store (Plug.Session, store: :cookie). */
    private final Session session = new Session();

    /** Request ids (Plug.RequestId). */
    private final RequestId requestId = new RequestId();

    public Http getHttp() {
        return http;
    }

    public RenderErrors getRenderErrors() {
        return renderErrors;
    }

    public boolean isDebugErrors() {
        return debugErrors;
    }

    public void setDebugErrors(boolean debugErrors) {
        this.debugErrors = debugErrors;
    }

    public int getRouterOrder() {
        return routerOrder;
    }

    public void setRouterOrder(int routerOrder) {
        this.routerOrder = routerOrder;
    }

    public List<String> getFilterParameters() {
        return filterParameters;
    }

    public void setFilterParameters(List<String> filterParameters) {
        this.filterParameters = filterParameters;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public boolean isPrintRoutes() {
        return printRoutes;
    }

    public void setPrintRoutes(boolean printRoutes) {
        this.printRoutes = printRoutes;
    }

    public Session getSession() {
        return session;
    }

    public RequestId getRequestId() {
        return requestId;
    }

    /** {@code phoenix.endpoint.http.*}. */
    public static class Http {

        /** Whether to mount the Phoenix router, error rendering and the HTTP plugs. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Port the server listens on; overrides server.port when set (Phoenix's http: [port: ...]). */
        private Integer port;

        /**
         * How long a request head (request line and headers) may take to arrive: from the
         * connection's start for its first request, from the first byte for later ones. A slow or
         * stalled head is answered 408 and closed (slowloris).
         */
        private Duration headerTimeout = Duration.ofSeconds(10);

        /** How long a keep-alive connection may wait, with nothing sent or received, for its next request. */
        private Duration idleTimeout = Duration.ofSeconds(60);

        /** The most connections open at once (HTTP and WebSocket); past it new connections are closed at once. */
        private int maxConnections = 10_000;

        public Duration getHeaderTimeout() {
            return headerTimeout;
        }

        public void setHeaderTimeout(Duration headerTimeout) {
            this.headerTimeout = headerTimeout;
        }

        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        public int getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("phoenix.endpoint.http.max-connections must be at least 1, got " + maxConnections);
            }
            this.maxConnections = maxConnections;
        }

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            if (port != null && (port < 0 || port > 65535)) {
                throw new IllegalArgumentException("phoenix.endpoint.http.port must be between 0 and 65535, got " + port);
            }
            this.port = port;
        }
    }

    /** {@code phoenix.endpoint.render-errors.*}. */
    public static class RenderErrors {

        /** Formats errors render in: json, html. The request's negotiated or accepted format picks one; the first is the fallback. */
        private List<String> formats = new ArrayList<>(List.of("json"));

        public List<String> getFormats() {
            return formats;
        }

        public void setFormats(List<String> formats) {
            this.formats = formats;
        }
    }

    /** {@code phoenix.endpoint.session.*}. */
    public static class Session {

        /** Name of the session cookie. */
        private String key = "_phoenix_key";

        /** Salt of the cookie signing key (derived from secret-key-base). Change it to invalidate every session. */
        private String signingSalt = "phoenix session signing";

        /** Salt of the cookie encryption key; when set, cookies are encrypted (XChaCha20-Poly1305), not only signed. */
        private String encryptionSalt;

        /** Cookie max-age; unset for a cookie that ends with the browser session. */
        private Duration maxAge;

        /** SameSite attribute: Lax, Strict or None. */
        private String sameSite = "Lax";

        /** Send the cookie over https only. */
        private boolean secure = false;

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getSigningSalt() {
            return signingSalt;
        }

        public void setSigningSalt(String signingSalt) {
            this.signingSalt = signingSalt;
        }

        public String getEncryptionSalt() {
            return encryptionSalt;
        }

        public void setEncryptionSalt(String encryptionSalt) {
            this.encryptionSalt = encryptionSalt;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        public String getSameSite() {
            return sameSite;
        }

        public void setSameSite(String sameSite) {
            this.sameSite = sameSite;
        }

        public boolean isSecure() {
            return secure;
        }

        public void setSecure(boolean secure) {
            this.secure = secure;
        }
    }

    /** {@code phoenix.endpoint.request-id.*}. */
    public static class RequestId {

        /** Give every request (Phoenix routes, @RestController, 404s) a request id header. */
        private boolean enabled = true;

        /** Header read from the request (when 20 to 200 characters long) and set on the response. */
        private String header = "x-request-id";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getHeader() {
            return header;
        }

        public void setHeader(String header) {
            this.header = header;
        }
    }
}
