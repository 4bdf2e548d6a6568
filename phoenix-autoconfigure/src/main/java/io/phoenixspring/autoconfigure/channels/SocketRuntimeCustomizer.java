package io.phoenixspring.autoconfigure.channels;

import io.phoenixspring.channels.server.SocketRuntime;

/**
 * Customizes the {@link SocketRuntime} the auto-configuration builds: declare beans of this type,
 * and each is applied, in {@link org.springframework.core.annotation.Order @Order}, to the builder
 * before the runtime is built. A {@code SocketRuntime} bean of your own replaces all of this.
 *
 * <pre>{@code
 * @Bean
 * SocketRuntimeCustomizer virtualThreadChannels() {
 *     return builder -> builder.channelExecutor(Executors.newVirtualThreadPerTaskExecutor());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SocketRuntimeCustomizer {

    /**
     * @param builder the builder, already given the PubSub, the metrics hooks and the
     *     {@value ChannelsAutoConfiguration#CHANNEL_EXECUTOR_BEAN_NAME} bean, if any
     */
    void customize(SocketRuntime.Builder builder);
}
