package io.phoenixspring.autoconfigure.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.channels.endpoint.SocketHandlerMapping;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.reactive.ReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Phoenix sockets run on Reactor Netty only: elsewhere start-up fails, before the first connection would. */
@ExtendWith(OutputCaptureExtension.class)
class ChannelsServerAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                    ChannelsAutoConfiguration.class, ChannelsServerAutoConfiguration.class))
            .withPropertyValues("phoenix.endpoint.secret-key-base=" + ChannelsAutoConfigurationTest.SECRET);

    /** A socket bean without @PhoenixSocket: it counts as declared too. */
    static class PlainSocket implements SocketHandler {
        @Override
        public void channels(ChannelRoutes routes) {
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            return ConnectResult.ok();
        }
    }

    @Test
    void withoutReactorNettyDeclaredSocketsFailStartUp() {
        runner.withClassLoader(new FilteredClassLoader("reactor.netty"))
                .withUserConfiguration(ChannelsAutoConfigurationTest.UserApp.class)
                .withBean("plainSocket", PlainSocket.class, PlainSocket::new)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).isInstanceOf(SocketsNeedReactorNettyException.class);
                    SocketsNeedReactorNettyException failure = (SocketsNeedReactorNettyException) context.getStartupFailure();
                    assertThat(failure.server()).isEqualTo(
                            "Reactor Netty (io.projectreactor.netty:reactor-netty-http) is not on the class path");
                    assertThat(failure.sockets()).containsExactlyInAnyOrder(
                            "userSocket (" + ChannelsAutoConfigurationTest.UserSocket.class.getName() + ")",
                            "plainSocket (" + PlainSocket.class.getName() + ")");
                });
    }

    @Test
    void withoutReactorNettyAnAppWithoutSocketsStartsWithoutChannels() {
        runner.withClassLoader(new FilteredClassLoader("reactor.netty"))
                .run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(SocketServerCheck.class)
                        .doesNotHaveBean(SocketRuntime.class)
                        .doesNotHaveBean(SocketHandlerMapping.class));
    }

    @Test
    void withoutReactorNettySocketsSwitchedOffStart() {
        runner.withClassLoader(new FilteredClassLoader("reactor.netty"))
                .withUserConfiguration(ChannelsAutoConfigurationTest.UserApp.class)
                .withPropertyValues("phoenix.endpoint.sockets.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SocketServerCheck.class));
    }

    @Test
    void onAnotherWebServerDeclaredSocketsFailStartUp() {
        // What WebFlux on Tomcat or Jetty registers: a ReactiveWebServerFactory that is not Reactor Netty's.
        runner.withUserConfiguration(ChannelsAutoConfigurationTest.UserApp.class)
                .withBean("tomcatReactiveWebServerFactory", ReactiveWebServerFactory.class, () -> handler -> {
                    throw new UnsupportedOperationException("not started in this test");
                })
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).isInstanceOf(SocketsNeedReactorNettyException.class)
                            .hasMessageContaining("the web server is ")
                            .hasMessageContaining("(bean 'tomcatReactiveWebServerFactory')")
                            .hasMessageContaining("userSocket (" + ChannelsAutoConfigurationTest.UserSocket.class.getName() + ")");
                });
    }

    @Test
    void onReactorNettySocketsStart() {
        runner.withUserConfiguration(ChannelsAutoConfigurationTest.UserApp.class)
                .withBean(NettyReactiveWebServerFactory.class, NettyReactiveWebServerFactory::new)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SocketHandlerMapping.class)
                        .hasSingleBean(SocketServerCheck.class));
    }

    /** An application whose web server is another one than Reactor Netty, and declares a socket. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({ChannelsAutoConfigurationTest.UserSocket.class, ChannelsAutoConfigurationTest.RoomChannel.class})
    static class AppOnAnotherServer {
        @Bean
        ReactiveWebServerFactory otherReactiveWebServerFactory() {
            return handler -> new WebServer() {
                @Override
                public void start() {
                }

                @Override
                public void stop() {
                }

                @Override
                public int getPort() {
                    return -1;
                }
            };
        }
    }

    @Test
    void bootsFailureReportSaysWhatIsWrongAndWhatToDo(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(AppOnAnotherServer.class).web(WebApplicationType.REACTIVE)
                .run("--phoenix.endpoint.secret-key-base=" + ChannelsAutoConfigurationTest.SECRET,
                        "--spring.main.banner-mode=off"))
                .isInstanceOf(SocketsNeedReactorNettyException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Description:",
                "Phoenix sockets need Reactor Netty: their WebSocket and long-poll transports run on Reactor Netty's "
                        + "connections, but the web server is ",
                "Sockets declared:\n    - " + ChannelsAutoConfigurationTest.UserSocket.class.getName() + "\n",
                "Action:", "Use spring-boot-starter-webflux's default server (Reactor Netty)");
    }
}
