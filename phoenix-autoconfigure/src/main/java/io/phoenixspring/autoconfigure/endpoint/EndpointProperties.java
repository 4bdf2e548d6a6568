package io.phoenixspring.autoconfigure.endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code phoenix.endpoint.*} properties: Phoenix's endpoint configuration, for the token
 * service, the sockets and the HTTP side alike. Setters reject impossible values with a message
 * naming the property, so a typo fails start-up with Boot's binding report.
 *
 * <pre>{@code
 * phoenix:
 *   endpoint:
 *     secret-key-base: ${SECRET_KEY_BASE}
 *     url: { host: example.com, scheme: https }
 *     check-origin: ["//example.com", "//*.example.com"]
 *     render-errors: { formats: [html, json] }
 *     session: { key: _my_app_key, signing-salt: aB3dE9fG, encryption-salt: xY7zW2 }
 * }</pre>
 *
 * <p>The server's port is Spring Boot's {@code server.port}.
 */
@ConfigurationProperties("phoenix.endpoint")
public class EndpointProperties {

    /** Whether to auto-configure the endpoint: tokens, sockets and the HTTP router. */
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Secret for tokens, long-poll sessions and cookies: 64 random characters, e.g. from SecretKeyBase.generate() (like mix phx.gen.secret). Required. */
    private String secretKeyBase;

    /** The public URL of the endpoint, used for the default origin check and for building URLs. */
    private final Url url = new Url();

    /** Where clients fetch static files (Phoenix's static_url, a CDN say): behind static URLs and paths; unset, the url. */
    private final StaticUrl staticUrl = new StaticUrl();

    /** Allowed WebSocket/long-poll origins: true (the url host), conn (the request's own scheme, host and port), false (any: development only), or a list such as //example.com, https://*.example.com:443. */
    private List<String> checkOrigin = new ArrayList<>(List.of("true"));

    /** Socket transports. */
    private final Sockets sockets = new Sockets();

    /** The HTTP listener's limits and switch. */
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

    /**
     * Location of the cache manifest written by mvn phoenix:digest (Phoenix's cache_static_manifest), e.g.
     * classpath:static/cache_manifest.json; static paths then point to digested files. Unset (development): paths are unchanged.
     */
    private String cacheStaticManifest;

    /** Leave ?vsn=d off digested static paths (Phoenix's cache_manifest_skip_vsn), e.g. when a CDN serves the assets. */
    private boolean cacheManifestSkipVsn = false;

    /** Request ids (Plug.RequestId). */
    private final RequestId requestId = new RequestId();

    public String getSecretKeyBase() {
        return secretKeyBase;
    }

    public void setSecretKeyBase(String secretKeyBase) {
        this.secretKeyBase = secretKeyBase;
    }

    public Url getUrl() {
        return url;
    }

    public StaticUrl getStaticUrl() {
        return staticUrl;
    }

    public List<String> getCheckOrigin() {
        return checkOrigin;
    }

    public void setCheckOrigin(List<String> checkOrigin) {
        this.checkOrigin = checkOrigin;
    }

    public Sockets getSockets() {
        return sockets;
    }

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
        if (maxBodySize == null || maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("phoenix.endpoint.max-body-size must be at least 1 byte, got " + maxBodySize);
        }
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

    public String getCacheStaticManifest() {
        return cacheStaticManifest;
    }

    public void setCacheStaticManifest(String cacheStaticManifest) {
        this.cacheStaticManifest = cacheStaticManifest;
    }

    public boolean isCacheManifestSkipVsn() {
        return cacheManifestSkipVsn;
    }

    public void setCacheManifestSkipVsn(boolean cacheManifestSkipVsn) {
        this.cacheManifestSkipVsn = cacheManifestSkipVsn;
    }

    public RequestId getRequestId() {
        return requestId;
    }

    /** {@code phoenix.endpoint.url.*}. */
    public static class Url {

        /** Host clients use to reach the endpoint. */
        private String host = "localhost";

        /** Scheme clients use: http or https. */
        private String scheme = "http";

        /** Port clients use, left out of URLs when the scheme's default; defaults to server.port (none when that is 0). */
        private Integer port;

        /** Path prefix clients reach the endpoint under (a proxy strips it; Phoenix's script name): generated paths start with it. */
        private String path = "/";

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public String getScheme() {
            return scheme;
        }

        public void setScheme(String scheme) {
            this.scheme = scheme;
        }

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }

    /** {@code phoenix.endpoint.static-url.*}: each part left unset is the one of {@code phoenix.endpoint.url.*}. */
    public static class StaticUrl {

        /** Host static files are fetched from, e.g. cdn.example.com; unset, phoenix.endpoint.url.host. */
        private String host;

        /** Scheme static files are fetched with: http or https; unset, phoenix.endpoint.url.scheme. */
        private String scheme;

        /** Port static files are fetched from, left out of URLs when the scheme's default; unset, the url's port if host and scheme are the url's, else the scheme's default. */
        private Integer port;

        /** Path prefix of static files (static_path puts it first); unset, phoenix.endpoint.url.path. */
        private String path;

        /** @return whether any part is set: otherwise static URLs follow the url (not a property: no getter name) */
        public boolean anySet() {
            return host != null || scheme != null || port != null || path != null;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public String getScheme() {
            return scheme;
        }

        public void setScheme(String scheme) {
            this.scheme = scheme;
        }

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }

    /** {@code phoenix.endpoint.sockets.*}. */
    public static class Sockets {

        /** Whether @PhoenixSocket beans are mounted. */
        private boolean enabled = true;

        /** Channels one connection may have joined at once; further joins get an error reply. */
        private int maxChannels = 1000;

        /** Frames queued for one client before it is disconnected as a slow consumer (close 1013). */
        private int outboundLimit = 10_000;

        /**
         * Bytes queued for one client (not yet taken by its network connection) before it is
         * disconnected as a slow consumer; one message larger than this still reaches a client that
         * has nothing else waiting.
         */
        private DataSize outboundByteLimit = DataSize.ofMegabytes(8);

        /** WebSocket transport. */
        private final Websocket websocket = new Websocket();

        /** Long-poll transport. */
        private final Longpoll longpoll = new Longpoll();

        /** Graceful shutdown: sockets are closed in batches so that clients reconnect elsewhere gradually. */
        private final Drainer drainer = new Drainer();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxChannels() {
            return maxChannels;
        }

        public void setMaxChannels(int maxChannels) {
            if (maxChannels < 1) {
                throw new IllegalArgumentException("phoenix.endpoint.sockets.max-channels must be at least 1, got " + maxChannels);
            }
            this.maxChannels = maxChannels;
        }

        public int getOutboundLimit() {
            return outboundLimit;
        }

        public void setOutboundLimit(int outboundLimit) {
            if (outboundLimit < 1) {
                throw new IllegalArgumentException("phoenix.endpoint.sockets.outbound-limit must be at least 1, got " + outboundLimit);
            }
            this.outboundLimit = outboundLimit;
        }

        public DataSize getOutboundByteLimit() {
            return outboundByteLimit;
        }

        public void setOutboundByteLimit(DataSize outboundByteLimit) {
            if (outboundByteLimit.toBytes() < 1) {
                throw new IllegalArgumentException(
                        "phoenix.endpoint.sockets.outbound-byte-limit must be at least 1 byte, got " + outboundByteLimit);
            }
            this.outboundByteLimit = outboundByteLimit;
        }

        public Websocket getWebsocket() {
            return websocket;
        }

        public Longpoll getLongpoll() {
            return longpoll;
        }

        public Drainer getDrainer() {
            return drainer;
        }
    }

    /** {@code phoenix.endpoint.sockets.websocket.*}. */
    public static class Websocket {

        /** Close a WebSocket after this long without receiving anything from the client (Phoenix's timeout, close code 1002). */
        private Duration timeout = Duration.ofSeconds(60);

        /** Largest frame accepted; a larger one closes the socket with code 1009. */
        private DataSize maxFrameSize = DataSize.ofMegabytes(1);

        /** Per-message deflate compression of frames. */
        private boolean compress = false;

        /**
         * Write frames with one system call straight to the socket where that is equivalent to
         * Netty's pipeline (plain TCP on epoll with only Reactor Netty's own WebSocket handlers);
         * TLS, compression, wiretap, metrics or any added handler always use the pipeline.
         */
        private boolean directWrites = true;

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public DataSize getMaxFrameSize() {
            return maxFrameSize;
        }

        public void setMaxFrameSize(DataSize maxFrameSize) {
            if (maxFrameSize == null || maxFrameSize.toBytes() < 1 || maxFrameSize.toBytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "phoenix.endpoint.sockets.websocket.max-frame-size must be between 1B and 2GB, got " + maxFrameSize);
            }
            this.maxFrameSize = maxFrameSize;
        }

        public boolean isCompress() {
            return compress;
        }

        public void setCompress(boolean compress) {
            this.compress = compress;
        }

        public boolean isDirectWrites() {
            return directWrites;
        }

        public void setDirectWrites(boolean directWrites) {
            this.directWrites = directWrites;
        }
    }

    /** {@code phoenix.endpoint.sockets.longpoll.*}. */
    public static class Longpoll {

        /** How long a poll waits for messages before answering 204 (Phoenix's window_ms). */
        private Duration window = Duration.ofSeconds(10);

        /** How long a request waits for its session, possibly on another node (Phoenix's pubsub_timeout_ms). */
        private Duration pubsubTimeout = Duration.ofSeconds(2);

        /** How long a long-poll session token is valid. */
        private Duration sessionMaxAge = Duration.ofDays(14);

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public Duration getPubsubTimeout() {
            return pubsubTimeout;
        }

        public void setPubsubTimeout(Duration pubsubTimeout) {
            this.pubsubTimeout = pubsubTimeout;
        }

        public Duration getSessionMaxAge() {
            return sessionMaxAge;
        }

        public void setSessionMaxAge(Duration sessionMaxAge) {
            this.sessionMaxAge = sessionMaxAge;
        }
    }

    /** {@code phoenix.endpoint.sockets.drainer.*}. */
    public static class Drainer {

        /** Whether sockets are drained on shutdown. */
        private boolean enabled = true;

        /** Sockets closed per batch. */
        private int batchSize = 10_000;

        /** Pause between batches. */
        private Duration batchInterval = Duration.ofSeconds(2);

        /** Longest time draining may take. */
        private Duration shutdown = Duration.ofSeconds(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("phoenix.endpoint.sockets.drainer.batch-size must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
        }

        public Duration getBatchInterval() {
            return batchInterval;
        }

        public void setBatchInterval(Duration batchInterval) {
            this.batchInterval = batchInterval;
        }

        public Duration getShutdown() {
            return shutdown;
        }

        public void setShutdown(Duration shutdown) {
            this.shutdown = shutdown;
        }
    }

    /** {@code phoenix.endpoint.http.*}; the port is Spring Boot's {@code server.port}. */
    public static class Http {

        /** Whether to mount the Phoenix router, error rendering and the HTTP plugs. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

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
    }

    /** {@code phoenix.endpoint.render-errors.*}. */
    public static class RenderErrors {

        /** Formats errors render in: json, html. The request's negotiated or accepted format picks one; the first is the fallback. */
        private List<String> formats = new ArrayList<>(List.of("json"));

        /**
         * The HTML error view, Phoenix's {@code render_errors: [formats: [html: ErrorHTML]]}: a class whose templates
         * are named by status ({@code error_html/404.html.heex} with {@code @EmbedTemplates("error_html")}); a status
         * without a template renders its text. Unset: Phoenix's default page.
         */
        private Class<?> html;

        public Class<?> getHtml() {
            return html;
        }

        public void setHtml(Class<?> html) {
            this.html = html;
        }

        public List<String> getFormats() {
            return formats;
        }

        public void setFormats(List<String> formats) {
            if (formats == null || formats.isEmpty()) {
                throw new IllegalArgumentException("phoenix.endpoint.render-errors.formats needs at least one format (json or html)");
            }
            for (String format : formats) {
                if (!"json".equals(format) && !"html".equals(format)) {
                    throw new IllegalArgumentException(
                            "phoenix.endpoint.render-errors.formats: render_errors formats are json and html, got \"" + format + "\"");
                }
            }
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
