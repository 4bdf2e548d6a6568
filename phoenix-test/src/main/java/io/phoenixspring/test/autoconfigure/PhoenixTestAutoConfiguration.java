package io.phoenixspring.test.autoconfigure;

import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.live.channel.LiveSocketHandler;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.LiveViewTest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The test helpers as beans: {@link ConnTest} (a fresh conn on the context's WebFlux chain),
 * {@link ChannelTest} (sockets and channels on the context's {@link SocketRuntime}) and, for an
 * application with LiveViews (phoenix-live-view on the class path and a {@code /live} socket),
 * {@link io.phoenixspring.test.LiveViewTest LiveViewTest}.
 *
 * <pre>{@code
 * @Autowired ConnTest conn;
 * @Autowired ChannelTest channels;
 * @Autowired LiveViewTest lv;
 * }</pre>
 */
@AutoConfiguration(after = {ChannelsAutoConfiguration.class, PhoenixWebAutoConfiguration.class},
        afterName = "io.phoenixspring.autoconfigure.live.LiveViewAutoConfiguration")
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

    /** Only when the application has LiveViews: phoenix-live-view is an optional dependency of phoenix-test. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.phoenixspring.live.channel.LiveSocketHandler")
    static class LiveViewTestConfiguration {

        /** @return LiveViews rendered then connected in-process, through the application's router and /live socket */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean({SocketRuntime.class, LiveSocketHandler.class, LiveRoutes.class})
        LiveViewTest phoenixLiveViewTest(ConnTest conn, SocketRuntime runtime, LiveSocketHandler liveSocket,
                LiveRoutes routes, ApplicationContext context) {
            return new LiveViewTest(conn, runtime, liveSocket, routes, context::getBean);
        }
    }
}
