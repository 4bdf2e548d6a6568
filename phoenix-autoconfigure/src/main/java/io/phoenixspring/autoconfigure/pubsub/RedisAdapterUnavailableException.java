package io.phoenixspring.autoconfigure.pubsub;

/**
 * Start-up fails with this when {@code phoenix.pubsub.adapter=redis} cannot be honoured: Spring
 * Data Redis or Lettuce is missing from the class path, or {@code spring.data.redis} describes
 * Sentinel, Cluster or master/replica where the adapter talks to one server. Failing beats
 * silently staying local, where broadcasts would never leave the node.
 */
public class RedisAdapterUnavailableException extends IllegalStateException {

    /** Why the adapter cannot be built. */
    public enum Reason {
        /** spring-data-redis, lettuce-core or reactor-core is not on the class path. */
        MISSING_LIBRARIES,
        /** spring.data.redis is set up for Sentinel, Cluster or master/replica. */
        NOT_A_SINGLE_SERVER
    }

    private final Reason reason;

    public RedisAdapterUnavailableException(Reason reason) {
        super(switch (reason) {
            case MISSING_LIBRARIES -> "phoenix.pubsub.adapter=redis needs Spring Data Redis and Lettuce on the class path "
                    + "(org.springframework.data:spring-data-redis and io.lettuce:lettuce-core, for example through "
                    + "org.springframework.boot:spring-boot-starter-data-redis-reactive), or a PubSubAdapter bean";
            case NOT_A_SINGLE_SERVER -> "phoenix.pubsub's Redis adapter talks to a single Redis server, but "
                    + "spring.data.redis is set up for Sentinel, Cluster or master/replica; set phoenix.pubsub.redis.url "
                    + "to the server the nodes should share";
        });
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
