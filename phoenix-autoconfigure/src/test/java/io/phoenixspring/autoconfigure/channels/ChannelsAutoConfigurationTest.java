package io.phoenixspring.autoconfigure.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.endpoint.SocketHandlerMapping;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.OriginCheck;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.token.PhoenixToken;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ChannelsAutoConfigurationTest {

    static final String SECRET = "a-test-secret-key-base-that-is-long-enough-for-phoenix-0123456789";

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                    ChannelsAutoConfiguration.class))
            .withUserConfiguration(UserApp.class)
            .withPropertyValues("phoenix.endpoint.secret-key-base=" + SECRET);

    @Configuration(proxyBeanMethods = false)
    static class UserApp {
        @Bean
        UserSocket userSocket() {
            return new UserSocket();
        }

        @Bean
        RoomChannel roomChannel() {
            return new RoomChannel();
        }
    }

    @PhoenixSocket(path = "/socket", longpoll = true)
    static class UserSocket implements SocketHandler {
        @Override
        public void channels(ChannelRoutes routes) {
            routes.channel("room:*", RoomChannel.class);
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            socket.assign("user", params.getOrDefault("user", "anonymous"));
            return ConnectResult.ok();
        }
    }

    @PhoenixChannel
    static class RoomChannel {
        @Join
        JoinResult join(String topic) {
            return JoinResult.ok();
        }

        @HandleIn("ping")
        HandleResult ping(Object payload) {
            return HandleResult.ok(payload);
        }
    }

    @Test
    void mountsEveryPhoenixSocketWithItsTransports() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(SocketRuntime.class).hasSingleBean(Endpoint.class)
                    .hasSingleBean(PhoenixToken.class).hasSingleBean(SocketDrainer.class);
            assertThat(context.getBean(SocketHandlerMapping.class).handlers())
                    .containsOnlyKeys("/socket/websocket", "/socket/longpoll");
        });
    }

    @Test
    void missingSecretKeyBaseFailsWithHowToGenerateOne() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                        ChannelsAutoConfiguration.class))
                .withUserConfiguration(UserApp.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause()
                        .hasMessageContaining("phoenix.endpoint.secret-key-base is not set")
                        .hasMessageContaining("SecretKeyBase"));
    }

    @Test
    void propertiesReachTheTransports() {
        runner.withPropertyValues("phoenix.endpoint.sockets.websocket.timeout=5s",
                        "phoenix.endpoint.sockets.websocket.max-frame-size=64KB",
                        "phoenix.endpoint.sockets.websocket.compress=true",
                        "phoenix.endpoint.sockets.outbound-limit=42",
                        "phoenix.endpoint.sockets.outbound-byte-limit=3MB",
                        "phoenix.endpoint.sockets.websocket.direct-writes=false",
                        "phoenix.endpoint.sockets.max-channels=7",
                        "phoenix.endpoint.sockets.longpoll.window=3s",
                        "phoenix.endpoint.sockets.longpoll.pubsub-timeout=4s",
                        "phoenix.endpoint.sockets.longpoll.session-max-age=1h",
                        "phoenix.endpoint.check-origin=//example.com,https://*.example.org")
                .run(context -> {
                    TransportOptions options = ChannelsAutoConfiguration.transportOptions(
                            context.getBean(io.phoenixspring.autoconfigure.endpoint.EndpointProperties.class));
                    assertThat(options.websocketTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(options.maxFrameSize()).isEqualTo(64 * 1024);
                    assertThat(options.compress()).isTrue();
                    assertThat(options.outboundLimit()).isEqualTo(42);
                    assertThat(options.outboundByteLimit()).isEqualTo(3L * 1024 * 1024);
                    assertThat(options.directWrites()).isFalse();
                    assertThat(options.maxChannels()).isEqualTo(7);
                    assertThat(options.longpollWindow()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(options.longpollPubsubTimeout()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(options.longpollSessionMaxAge()).isEqualTo(Duration.ofHours(1));
                    OriginCheck check = options.checkOrigin();
                    assertThat(check.allows("http://example.com")).isTrue();
                    assertThat(check.allows("https://a.example.org")).isTrue();
                    assertThat(check.allows("http://a.example.org")).isFalse();
                    assertThat(check.allows("http://evil.example")).isFalse();
                });
    }

    @Test
    void checkOriginDefaultsToTheUrlHostAndCanBeTurnedOff() {
        runner.withPropertyValues("phoenix.endpoint.url.host=chat.example.com").run(context -> {
            OriginCheck check = ChannelsAutoConfiguration.originCheck(
                    context.getBean(io.phoenixspring.autoconfigure.endpoint.EndpointProperties.class));
            assertThat(check.allows("https://chat.example.com")).isTrue();
            assertThat(check.allows("https://evil.example")).isFalse();
        });
        runner.withPropertyValues("phoenix.endpoint.check-origin=false").run(context -> assertThat(
                ChannelsAutoConfiguration.originCheck(context.getBean(
                        io.phoenixspring.autoconfigure.endpoint.EndpointProperties.class)).allows("https://evil.example"))
                .isTrue());
    }

    @Test
    void checkOriginConnComparesWithTheRequest() {
        runner.withPropertyValues("phoenix.endpoint.check-origin=conn").run(context -> {
            OriginCheck check = ChannelsAutoConfiguration.originCheck(
                    context.getBean(io.phoenixspring.autoconfigure.endpoint.EndpointProperties.class));
            assertThat(check).isSameAs(OriginCheck.CONN);
            assertThat(check.allows("https://chat.example.com", java.net.URI.create("https://chat.example.com/socket/websocket")))
                    .isTrue();
            assertThat(check.allows("https://evil.example", java.net.URI.create("https://chat.example.com/socket/websocket")))
                    .isFalse();
        });
    }

    @PhoenixSocket(path = "/members", session = true, authenticated = true)
    static class MemberSocket implements SocketHandler {
        @Override
        public void channels(ChannelRoutes routes) {
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            return ConnectResult.ok();
        }

        @Override
        public TransportOptions transportOptions(TransportOptions defaults) {
            return defaults.withMaxChannels(3).withCheckOrigin(OriginCheck.CONN);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MemberApp {
        @Bean
        MemberSocket memberSocket() {
            return new MemberSocket();
        }
    }

    @Test
    void aSessionSocketReadsPhoenixWebsCookieSessionAndKeepsItsOwnOptions() {
        runner.withConfiguration(AutoConfigurations.of(io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration.class))
                .withUserConfiguration(MemberApp.class)
                .withPropertyValues("phoenix.endpoint.sockets.max-channels=50")
                .run(context -> {
                    SocketRuntime runtime = context.getBean(SocketRuntime.class);
                    io.phoenixspring.web.session.CookieStore store = context
                            .getBean(io.phoenixspring.web.endpoint.WebEndpoint.class).sessionStore();
                    String csrf = io.phoenixspring.web.session.CsrfToken.generate();
                    String cookie = store.put(Map.of("user_id", 7, "_csrf_token", csrf));
                    Map<String, Object> session = runtime.sessions().read(Map.of(store.options().key(), java.util.List.of(cookie)));
                    assertThat(session).containsEntry("user_id", 7L);
                    assertThat(runtime.sessions().csrfTokenMatches(session, io.phoenixspring.web.session.CsrfToken.mask(csrf)))
                            .isTrue();
                    assertThat(runtime.sessions().csrfTokenMatches(session, csrf)).isFalse();
                    assertThat(runtime.sessions().read(Map.of(store.options().key(), java.util.List.of("forged")))).isNull();
                });
    }

    @Test
    void aSessionSocketWithoutASessionStoreFailsStartUpSayingWhatToAdd() {
        runner.withUserConfiguration(MemberApp.class)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(InvalidSocketException.class)
                        .hasMessageContaining("session = true")
                        .hasMessageContaining("SessionReader"));
    }

    @Test
    void aSocketsOwnTransportOptionsOverrideTheProperties() {
        MemberSocket socket = new MemberSocket();
        runner.withPropertyValues("phoenix.endpoint.sockets.max-channels=50").run(context -> {
            TransportOptions global = ChannelsAutoConfiguration.transportOptions(
                    context.getBean(io.phoenixspring.autoconfigure.endpoint.EndpointProperties.class));
            io.phoenixspring.channels.server.MountedSocket mount = io.phoenixspring.channels.server.MountedSocket.of(
                    socket, global, type -> null);
            assertThat(global.maxChannels()).isEqualTo(50);
            assertThat(mount.options().maxChannels()).isEqualTo(3);
            assertThat(mount.options().checkOrigin()).isSameAs(OriginCheck.CONN);
            assertThat(mount.session()).isTrue();
            assertThat(mount.authenticated()).isTrue();
        });
    }

    @Test
    void badValuesFailWithTheirPropertyName() {
        runner.withPropertyValues("phoenix.endpoint.sockets.max-channels=0")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("phoenix.endpoint.sockets.max-channels"));
        runner.withPropertyValues("phoenix.endpoint.check-origin=example.com")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException.class)
                        .hasMessageContaining("phoenix.endpoint.check-origin"));
        // Refused while binding (Boot's binding report names the property), not when the transports are built.
        runner.withPropertyValues("phoenix.endpoint.sockets.websocket.max-frame-size=0B")
                .run(context -> {
                    assertThat(findCause(context.getStartupFailure(),
                            org.springframework.boot.context.properties.bind.BindException.class).getProperty().getName().toString())
                            .isEqualTo("phoenix.endpoint.sockets.websocket.max-frame-size");
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("must be between 1B and 2GB");
                });
    }

    @PhoenixSocket(path = "/bad")
    static class BadPatternSocket implements SocketHandler {
        @Override
        public void channels(ChannelRoutes routes) {
            routes.channel("room:*:messages", RoomChannel.class);
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            return ConnectResult.ok();
        }
    }

    @PhoenixChannel
    static class NotABeanChannel {
        @Join
        JoinResult join(String topic) {
            return JoinResult.ok();
        }
    }

    @PhoenixSocket(path = "/orphan")
    static class UnknownChannelSocket implements SocketHandler {
        @Override
        public void channels(ChannelRoutes routes) {
            routes.channel("room:*", NotABeanChannel.class);
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            return ConnectResult.ok();
        }
    }

    @PhoenixSocket(path = "/socket")
    static class NotASocketHandler {
    }

    @Test
    void aSocketThatCannotBeMountedFailsStartUpNamingIt() {
        runner.withBean("badPatternSocket", BadPatternSocket.class, BadPatternSocket::new).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class);
            InvalidSocketException failure = findCause(context.getStartupFailure(), InvalidSocketException.class);
            assertThat(failure.socket()).isEqualTo("badPatternSocket (" + BadPatternSocket.class.getName() + ")");
            assertThat(failure.problem()).isEqualTo(
                    "channel topic \"room:*:messages\": a splat (*) is only allowed at the end");
        });
        runner.withBean("orphanSocket", UnknownChannelSocket.class, UnknownChannelSocket::new).run(context ->
                assertThat(findCause(context.getStartupFailure(), InvalidSocketException.class).getCause())
                        .isInstanceOf(org.springframework.beans.factory.NoSuchBeanDefinitionException.class));
        runner.withBean("notASocket", NotASocketHandler.class, NotASocketHandler::new).run(context ->
                assertThat(findCause(context.getStartupFailure(), InvalidSocketException.class).problem())
                        .isEqualTo("a @PhoenixSocket bean must implement " + SocketHandler.class.getName()));
    }

    static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }

    @Test
    void userBeansWin() {
        runner.withBean("myEndpoint", Endpoint.class, () -> new Endpoint(null))
                .run(context -> assertThat(context.getBean(Endpoint.class)).isSameAs(context.getBean("myEndpoint")));
        runner.withBean("myTokens", PhoenixToken.class, () -> PhoenixToken.of(SECRET + "x"))
                .run(context -> assertThat(context.getBean(PhoenixToken.class)).isSameAs(context.getBean("myTokens")));
    }

    @Test
    void backsOffWhenDisabledWithoutChannelsOrOutsideReactiveWeb() {
        runner.withPropertyValues("phoenix.endpoint.sockets.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SocketRuntime.class).doesNotHaveBean(SocketHandlerMapping.class));
        runner.withClassLoader(new FilteredClassLoader(SocketRuntime.class))
                .run(context -> assertThat(context).doesNotHaveBean(SocketHandlerMapping.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                        ChannelsAutoConfiguration.class))
                .withPropertyValues("phoenix.endpoint.secret-key-base=" + SECRET)
                .run(context -> assertThat(context).doesNotHaveBean(SocketRuntime.class).hasSingleBean(PhoenixToken.class));
    }

    @Test
    void drainerCanBeSwitchedOff() {
        runner.withPropertyValues("phoenix.endpoint.sockets.drainer.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SocketDrainer.class).hasSingleBean(SocketRuntime.class));
    }
}
