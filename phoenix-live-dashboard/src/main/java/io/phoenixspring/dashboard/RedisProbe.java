package io.phoenixspring.dashboard;

import io.phoenixspring.pubsub.PubSubAdapter;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import java.util.concurrent.CompletableFuture;

/**
 * The only class of the dashboard that names the Redis adapter, whose libraries are optional: it is
 * loaded only once {@link #isRedis} said the adapter is the Redis one.
 */
final class RedisProbe {

    private static final String REDIS_ADAPTER = "io.phoenixspring.pubsub.redis.RedisPubSubAdapter";

    private RedisProbe() {
    }

    /** By name, so no Redis class is loaded for a local PubSub. */
    static boolean isRedis(PubSubAdapter adapter) {
        return adapter != null && adapter.getClass().getName().equals(REDIS_ADAPTER);
    }

    static String server(PubSubAdapter adapter) {
        return ((RedisPubSubAdapter) adapter).server();
    }

    static CompletableFuture<String> ping(PubSubAdapter adapter) {
        return ((RedisPubSubAdapter) adapter).ping();
    }
}
