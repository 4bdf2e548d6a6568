package io.phoenixspring.autoconfigure.pubsub;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code phoenix.pubsub.*} properties.
 *
 * <pre>{@code
 * phoenix:
 *   pubsub:
 *     adapter: redis
 *     node-name: web-1
 *     redis:
 *       url: redis://localhost:6379
 * }</pre>
 *
 * <p>Setters reject impossible values with a message naming the property, so a typo fails the
 * application's start-up instead of surfacing later.
 */
@ConfigurationProperties("phoenix.pubsub")
public class PubSubProperties {

    /** Whether to auto-configure the PubSub (and with it channels and presence). */
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Which backend carries broadcasts between nodes. */
    public enum Adapter {
        /** In memory, this node only; no external service. */
        LOCAL,
        /** Redis pub/sub through Spring Data Redis and Lettuce. */
        REDIS
    }

    /** Adapter that carries broadcasts between nodes: local (this node only) or redis. */
    private Adapter adapter = Adapter.LOCAL;

    /** Name of the pubsub system; nodes that talk to each other share it, and it names the Redis channel phx:pubsub:NAME. */
    private String name = "phoenix";

    /** This node's name, unique in the cluster and the target of direct broadcasts; defaults to PID@HOSTNAME. */
    private String nodeName;

    /** Number of shards of the local subscription registry; defaults to the number of available processors. */
    private Integer poolSize;

    /** Redis adapter settings, used when adapter is redis. */
    private final Redis redis = new Redis();

    public Adapter getAdapter() {
        return adapter;
    }

    public void setAdapter(Adapter adapter) {
        if (adapter == null) {
            throw new IllegalArgumentException("phoenix.pubsub.adapter must be local or redis");
        }
        this.adapter = adapter;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("phoenix.pubsub.name must not be blank");
        }
        this.name = name;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        if (nodeName != null && nodeName.isBlank()) {
            throw new IllegalArgumentException("phoenix.pubsub.node-name must not be blank; leave it unset for PID@HOSTNAME");
        }
        this.nodeName = nodeName;
    }

    public Integer getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(Integer poolSize) {
        if (poolSize != null && poolSize < 1) {
            throw new IllegalArgumentException("phoenix.pubsub.pool-size must be at least 1, was " + poolSize);
        }
        this.poolSize = poolSize;
    }

    public Redis getRedis() {
        return redis;
    }

    /** {@code phoenix.pubsub.redis.*}. */
    public static class Redis {

        /** Redis URL such as redis://user:password@host:6379/0 or rediss://...; when unset, Spring's spring.data.redis.* connection settings are used. */
        private String url;

        /** How long one attempt to connect to Redis may take. */
        private Duration connectTimeout = Duration.ofSeconds(5);

        /** How long a PUBLISH may take before its broadcast fails. */
        private Duration commandTimeout = Duration.ofSeconds(2);

        /** How many commands may wait for Redis per connection before further broadcasts fail at once instead of queueing. */
        private int requestQueueSize = 10_000;

        /** Upper bound of the back-off between attempts to reconnect to Redis. */
        private Duration maxReconnectDelay = Duration.ofSeconds(2);

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            if (url != null && !url.isBlank() && !url.startsWith("redis://") && !url.startsWith("rediss://")
                    && !url.startsWith("redis-socket://")) {
                throw new IllegalArgumentException("phoenix.pubsub.redis.url must start with redis:// or rediss://, was '"
                        + url + "'");
            }
            this.url = (url == null || url.isBlank()) ? null : url;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connect-timeout");
        }

        public Duration getCommandTimeout() {
            return commandTimeout;
        }

        public void setCommandTimeout(Duration commandTimeout) {
            this.commandTimeout = positive(commandTimeout, "command-timeout");
        }

        public int getRequestQueueSize() {
            return requestQueueSize;
        }

        public void setRequestQueueSize(int requestQueueSize) {
            if (requestQueueSize < 1) {
                throw new IllegalArgumentException("phoenix.pubsub.redis.request-queue-size must be at least 1, was "
                        + requestQueueSize);
            }
            this.requestQueueSize = requestQueueSize;
        }

        public Duration getMaxReconnectDelay() {
            return maxReconnectDelay;
        }

        public void setMaxReconnectDelay(Duration maxReconnectDelay) {
            this.maxReconnectDelay = positive(maxReconnectDelay, "max-reconnect-delay");
        }

        private static Duration positive(Duration value, String property) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("phoenix.pubsub.redis." + property + " must be positive, was " + value);
            }
            return value;
        }
    }
}
