package io.phoenixspring.autoconfigure.channels;

import io.phoenixspring.channels.socket.SocketHandler;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A reactive application without Reactor Netty (WebFlux on Tomcat or Jetty), where
 * {@link ChannelsAutoConfiguration} backs off: if sockets are declared anyway, start-up fails with
 * {@link SocketsNeedReactorNettyException} instead of the first connection failing.
 */
@AutoConfiguration
@ConditionalOnClass(SocketHandler.class)
@ConditionalOnMissingClass(ReactorNettyVersion.HTTP_SERVER)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(prefix = "phoenix.endpoint.sockets", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "phoenix.endpoint", name = "enabled", matchIfMissing = true)
public class ChannelsServerAutoConfiguration {

    /**
     * @return fails start-up when sockets are declared
     */
    @Bean
    static SocketServerCheck phoenixSocketServerCheck(ListableBeanFactory beans, ApplicationContext context) {
        return new SocketServerCheck(beans, context.getClassLoader(), null);
    }
}
