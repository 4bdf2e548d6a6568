package io.phoenixspring.autoconfigure.endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code phoenix.endpoint.*} properties: Phoenix's endpoint configuration.
 *
 * <pre>{@code
 * phoenix:
 *   endpoint:
 *     secret-key-base: ${SECRET_KEY_BASE}
 *     url: { host: example.com, scheme: https }
 *     check-origin: ["//example.com", "//*.example.com"]
 * }</pre>
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

    /** Allowed WebSocket/long-poll origins: true (the url host), false (any: development only), or a list such as //example.com, https://*.example.com:443. */
    private List<String> checkOrigin = new ArrayList<>(List.of("true"));

    /** Socket transports. */
    private final Sockets sockets = new Sockets();

    public String getSecretKeyBase() {
        return secretKeyBase;
    }

    public void setSecretKeyBase(String secretKeyBase) {
        this.secretKeyBase = secretKeyBase;
    }

    public Url getUrl() {
        return url;
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

    /** {@code phoenix.endpoint.url.*}. */
    public static class Url {

        /** Host clients use to reach the endpoint. */
        private String host = "localhost";

        /** Scheme clients use: http or https. */
        private String scheme = "http";

        /** Port clients use; defaults to the server's port. */
        private Integer port;

        /** Path prefix the endpoint is served under. */
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
}
