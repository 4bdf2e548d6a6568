package io.phoenixspring.autoconfigure.pubsub;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link RedisAdapterUnavailableException} into Boot's Description / Action report. */
class RedisAdapterUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<RedisAdapterUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RedisAdapterUnavailableException cause) {
        return switch (cause.reason()) {
            case MISSING_LIBRARIES -> new FailureAnalysis(
                    "phoenix.pubsub.adapter is redis, but Spring Data Redis and Lettuce, which the Redis adapter runs on, "
                            + "are not on the class path. Without them broadcasts could not leave this node.",
                    "Add org.springframework.boot:spring-boot-starter-data-redis-reactive (or "
                            + "org.springframework.data:spring-data-redis and io.lettuce:lettuce-core) to the application's "
                            + "dependencies, or set phoenix.pubsub.adapter=local for a single node, or declare a "
                            + "PubSubAdapter bean of your own.",
                    cause);
            case NOT_A_SINGLE_SERVER -> new FailureAnalysis(
                    "phoenix.pubsub.adapter is redis and phoenix.pubsub.redis.url is not set, so the adapter would use "
                            + "spring.data.redis; but that is set up for Sentinel, Cluster or master/replica, and the "
                            + "adapter talks to a single Redis server.",
                    "Set phoenix.pubsub.redis.url to the one Redis server every node shares, e.g. "
                            + "phoenix.pubsub.redis.url=redis://redis.internal:6379.",
                    cause);
        };
    }
}
