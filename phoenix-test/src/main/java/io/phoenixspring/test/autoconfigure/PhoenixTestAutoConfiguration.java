package io.phoenixspring.test.autoconfigure;

import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.ConnTest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The test helpers as beans: {@link ConnTest} (a fresh conn on the context's WebFlux chain) and
 * {@link ChannelTest} (sockets and channels on the context's {@link SocketRuntime}).
 *
 * <pre>{@code
 * @Autowired ConnTest conn;
 * @Autowired ChannelTest channels;
 * }</pre>
 */
@AutoConfiguration(after = {ChannelsAutoConfiguration.class, PhoenixWebAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class PhoenixTestAutoConfiguration {

    /** @return {@code build_conn()} for this application */
    @Bean
    @ConditionalOnMissingBean
    public ConnTest phoenixConnTest(ApplicationContext context) {
        return new ConnTest(context);
    }

    /** @return sockets and channels in-process, on the application's runtime and PubSub */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(SocketRuntime.class)
    public ChannelTest phoenixChannelTest(SocketRuntime runtime, ApplicationContext context) {
        return new ChannelTest(runtime, context::getBean);
    }
}
