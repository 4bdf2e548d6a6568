package io.phoenixspring.pubsub.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import io.phoenixspring.pubsub.PubSubAdapter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The Redis adapter (phoenix_pubsub_redis), over Spring Data Redis reactive and Lettuce.
 *
 * <p>All nodes of a pubsub named {@code N} share one Redis channel, {@code phx:pubsub:N}; the
 * topic travels inside each frame. Every broadcast is one {@code PUBLISH}. The adapter owns a
 * dedicated {@link LettuceConnectionFactory} (one connection for publishing, one in subscribe
 * mode) whose client is set up to fail fast rather than buffer while Redis is unreachable:
 * commands are rejected while disconnected, the request queue is bounded and commands time out.
 * Lettuce reconnects and re-subscribes by itself after Redis restarts; if the connection could
 * never be established (Redis down at start), the adapter keeps retrying in the background.
 *
 * <pre>{@code
 * RedisPubSubAdapter redis = new RedisPubSubAdapter(
 *         RedisPubSubAdapter.Settings.of("redis://localhost:6379"), "chat");
 * PubSub pubSub = PubSub.builder().name("chat").nodeName("web-1").adapter(redis).build();
 * redis.ready().get(5, TimeUnit.SECONDS);   // optional: wait until it can publish and receive
 * }</pre>
 *
 * <p>Redis pub/sub is at-most-once: a node that is disconnected or not yet re-subscribed misses
 * what is published meanwhile.
 */
public final class RedisPubSubAdapter implements PubSubAdapter {

    private static final Logger log = LoggerFactory.getLogger(RedisPubSubAdapter.class);

    private final Settings settings;
    private final String channel;
    private final ByteBuffer channelBytes;
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final CompletableFuture<Void> publisherConnected = new CompletableFuture<>();
    private volatile ReactiveRedisConnection publisher;
    private volatile boolean closed;
    private ClientResources resources;
    private LettuceConnectionFactory factory;
    private Disposable publisherLoop;
    private Disposable subscriberLoop;

    /**
     * @param settings where Redis is and how to talk to it
     * @param pubSubName the name of the {@link io.phoenixspring.pubsub.PubSub}; it names the channel
     */
    public RedisPubSubAdapter(Settings settings, String pubSubName) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.channel = channelName(Objects.requireNonNull(pubSubName, "pubSubName"));
        this.channelBytes = ByteBuffer.wrap(channel.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
    }

    /**
     * @param pubSubName a pubsub's name
     * @return the Redis channel its nodes share
     */
    public static String channelName(String pubSubName) {
        return "phx:pubsub:" + pubSubName;
    }

    /** @return the Redis channel this adapter publishes to and listens on */
    public String channel() {
        return channel;
    }

    /**
     * Completes once the first subscription to the channel is confirmed by Redis, so that
     * broadcasts from other nodes can arrive; re-subscriptions after reconnects do not reset it.
     *
     * @return a future that only completes normally
     */
    public CompletableFuture<Void> subscribed() {
        return subscribed.copy();
    }

    /**
     * Completes once this node can both receive (see {@link #subscribed()}) and publish, which
     * the adapter sets up in parallel after {@link #start}. Reconnections later do not reset it.
     *
     * @return a future that only completes normally
     */
    public CompletableFuture<Void> ready() {
        return CompletableFuture.allOf(subscribed, publisherConnected);
    }

    /** @return the Redis server, without credentials: {@code redis://host:6379/0} */
    public String server() {
        return describe(settings.uri());
    }

    /**
     * Sends {@code PING} on the publishing connection, as a health check does; it fails at once
     * while not connected (commands are rejected then, not queued).
     *
     * @return a future of Redis's answer, {@code PONG}
     */
    public CompletableFuture<String> ping() {
        ReactiveRedisConnection connection = publisher;
        if (connection == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(closed
                    ? "Redis adapter for " + channel + " is closed"
                    : "not connected to Redis at " + describe(settings.uri()) + " yet"));
        }
        return connection.ping().toFuture();
    }

    @Override
    public synchronized void start(Consumer<byte[]> inbound) {
        if (factory != null) {
            throw new IllegalStateException("adapter for channel " + channel + " already started");
        }
        resources = DefaultClientResources.builder()
                .reconnectDelay(() -> Delay.exponential(Duration.ofMillis(10), settings.maxReconnectDelay(), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        factory = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(settings.uri()),
                clientConfiguration());
        // Each reactive connection gets its own native connection, connected asynchronously:
        // a shared native connection would be connected with a blocking call on first use.
        factory.setShareNativeConnection(false);
        factory.afterPropertiesSet();
        factory.start();
        publisherLoop = connectPublisher();
        subscriberLoop = subscribe(inbound);
    }

    @Override
    public CompletableFuture<Void> publish(byte[] frame) {
        ReactiveRedisConnection connection = publisher;
        if (connection == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(closed
                    ? "Redis adapter for " + channel + " is closed"
                    : "not connected to Redis at " + describe(settings.uri()) + " yet"));
        }
        return connection.pubSubCommands()
                .publish(channelBytes.duplicate(), ByteBuffer.wrap(frame))
                .then()
                .toFuture();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (publisherLoop != null) {
            publisherLoop.dispose();
        }
        if (subscriberLoop != null) {
            subscriberLoop.dispose();
        }
        ReactiveRedisConnection connection = publisher;
        publisher = null;
        if (connection != null) {
            connection.close();
        }
        if (factory != null) {
            factory.destroy();
        }
        if (resources != null) {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    private LettuceClientConfiguration clientConfiguration() {
        ClientOptions.Builder options = ClientOptions.builder()
                .autoReconnect(true)
                // Fail publishes at once while disconnected instead of queueing them until Redis returns.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(settings.requestQueueSize())
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build());
        if (settings.sslOptions() != null) {
            options.sslOptions(settings.sslOptions());
        }
        return LettuceClientConfiguration.builder()
                .apply(settings.uri())
                .clientResources(resources)
                .clientOptions(options.build())
                .commandTimeout(settings.commandTimeout())
                .shutdownTimeout(Duration.ZERO)
                .build();
    }

    private Retry forever(String what) {
        return Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(50))
                .maxBackoff(settings.maxReconnectDelay())
                .filter(e -> !closed)
                .doBeforeRetry(signal -> {
                    if (signal.totalRetriesInARow() == 0) {
                        log.warn("{} for {} on Redis at {} failed; retrying in the background", what, channel,
                                describe(settings.uri()), signal.failure());
                    } else {
                        log.debug("{} for {} failed again ({} attempts)", what, channel,
                                signal.totalRetriesInARow() + 1, signal.failure());
                    }
                });
    }

    private Disposable connectPublisher() {
        // Spring caches a failed first connect on the connection object, so each attempt takes a new one.
        return Mono.defer(() -> {
                    ReactiveRedisConnection connection = factory.getReactiveConnection();
                    return connection.ping()
                            .timeout(settings.connectTimeout().plus(settings.commandTimeout()))
                            .thenReturn(connection)
                            .onErrorResume(e -> connection.closeLater().onErrorComplete().then(Mono.error(e)));
                })
                .retryWhen(forever("Connecting the publisher"))
                .subscribe(connection -> {
                    if (closed) {
                        connection.close();
                    } else {
                        publisher = connection;
                        publisherConnected.complete(null);
                        log.info("Publishing to Redis channel {} at {}", channel, describe(settings.uri()));
                    }
                }, e -> {
                    if (!closed) {
                        log.error("Gave up connecting the publisher for {}", channel, e);
                    }
                });
    }

    private Disposable subscribe(Consumer<byte[]> inbound) {
        return Flux.defer(() -> {
                    ReactiveRedisMessageListenerContainer container = new ReactiveRedisMessageListenerContainer(factory);
                    return container
                            .receiveLater(List.of(ChannelTopic.of(channel)), SerializationPair.byteArray(),
                                    SerializationPair.byteArray())
                            .doOnNext(messages -> {
                                log.info("Subscribed to Redis channel {} at {}", channel, describe(settings.uri()));
                                subscribed.complete(null);
                            })
                            .flatMapMany(messages -> messages)
                            .doFinally(signal -> container.destroyLater().onErrorComplete().subscribe());
                })
                // Lettuce re-subscribes after reconnecting on its own; this only covers a stream
                // that ended (for example Redis down when the node started).
                .repeat(() -> !closed)
                .retryWhen(forever("Subscribing"))
                .subscribe(message -> inbound.accept(message.getMessage()),
                        e -> {
                            if (!closed) {
                                log.error("Gave up subscribing to {}", channel, e);
                            }
                        });
    }

    private static String describe(RedisURI uri) {
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    /**
     * How the adapter connects. Build with {@link #of(String)} or {@link #of(RedisURI)} and adjust
     * with the {@code with*} methods.
     *
     * <pre>{@code
     * Settings settings = Settings.of("redis://:secret@redis.internal:6379/0")
     *         .withCommandTimeout(Duration.ofSeconds(1));
     * }</pre>
     *
     * @param uri the Redis server, credentials, database and TLS flag
     * @param connectTimeout how long one connection attempt may take
     * @param commandTimeout how long a {@code PUBLISH} may take before its broadcast fails
     * @param requestQueueSize how many commands may wait for Redis per connection before new ones
     *     fail at once
     * @param maxReconnectDelay the upper bound of the back-off between reconnection attempts
     * @param sslOptions trust and key material for TLS, or {@code null} for the JVM defaults
     */
    public record Settings(RedisURI uri, Duration connectTimeout, Duration commandTimeout, int requestQueueSize,
            Duration maxReconnectDelay, SslOptions sslOptions) {

        /** Checks the values. */
        public Settings {
            Objects.requireNonNull(uri, "uri");
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(commandTimeout, "commandTimeout");
            requirePositive(maxReconnectDelay, "maxReconnectDelay");
            if (requestQueueSize < 1) {
                throw new IllegalArgumentException("requestQueueSize must be at least 1, was " + requestQueueSize);
            }
        }

        /**
         * @param url a Redis URL such as {@code redis://user:password@host:6379/0} or {@code rediss://...}
         * @return settings with default timeouts (connect 5 s, command 2 s), a request queue of
         *     10,000 and reconnection back-off up to 2 s
         */
        public static Settings of(String url) {
            Objects.requireNonNull(url, "url");
            RedisURI uri;
            try {
                uri = RedisURI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a valid Redis URL: '" + url + "' (" + e.getMessage() + ")", e);
            }
            return of(uri);
        }

        /**
         * @param uri the Redis server
         * @return settings with the defaults of {@link #of(String)}
         */
        public static Settings of(RedisURI uri) {
            return new Settings(uri, Duration.ofSeconds(5), Duration.ofSeconds(2), 10_000, Duration.ofSeconds(2), null);
        }

        /** @param timeout the new connect timeout @return a copy */
        public Settings withConnectTimeout(Duration timeout) {
            return new Settings(uri, timeout, commandTimeout, requestQueueSize, maxReconnectDelay, sslOptions);
        }

        /** @param timeout the new command timeout @return a copy */
        public Settings withCommandTimeout(Duration timeout) {
            return new Settings(uri, connectTimeout, timeout, requestQueueSize, maxReconnectDelay, sslOptions);
        }

        /** @param size the new request queue size @return a copy */
        public Settings withRequestQueueSize(int size) {
            return new Settings(uri, connectTimeout, commandTimeout, size, maxReconnectDelay, sslOptions);
        }

        /** @param delay the new maximum reconnection delay @return a copy */
        public Settings withMaxReconnectDelay(Duration delay) {
            return new Settings(uri, connectTimeout, commandTimeout, requestQueueSize, delay, sslOptions);
        }

        /** @param options TLS trust and key material @return a copy */
        public Settings withSslOptions(SslOptions options) {
            return new Settings(uri, connectTimeout, commandTimeout, requestQueueSize, maxReconnectDelay, options);
        }

        private static void requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
        }
    }
}
