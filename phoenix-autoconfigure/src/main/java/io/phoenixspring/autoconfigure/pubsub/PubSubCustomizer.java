package io.phoenixspring.autoconfigure.pubsub;

import io.phoenixspring.pubsub.PubSub;

/**
 * Customizes the {@link PubSub} the auto-configuration builds: declare beans of this type, and
 * each is applied, in {@link org.springframework.core.annotation.Order @Order}, to the builder
 * after {@code phoenix.pubsub.*} and before it is built. A {@code PubSub} bean of your own
 * replaces all of this.
 *
 * <pre>{@code
 * @Bean
 * PubSubCustomizer nodeNameFromThePod() {
 *     return builder -> builder.nodeName(System.getenv("POD_NAME"));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PubSubCustomizer {

    /** @param builder the builder, already set from {@code phoenix.pubsub.*} and the adapter, codec and metrics beans */
    void customize(PubSub.Builder builder);
}
