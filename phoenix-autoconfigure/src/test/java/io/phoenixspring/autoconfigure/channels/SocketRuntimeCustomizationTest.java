package io.phoenixspring.autoconfigure.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.channels.channel.Channel;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.server.ChannelsMetrics;
import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.server.SocketConnection;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.Outbound;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.channels.socket.TransportOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** SocketRuntimeCustomizer beans and the phoenixChannelExecutor bean shape the runtime the auto-configuration builds. */
class SocketRuntimeCustomizationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                    ChannelsAutoConfiguration.class))
            .withPropertyValues("phoenix.endpoint.secret-key-base=" + ChannelsAutoConfigurationTest.SECRET);

    static final ChannelsMetrics FIRST = new ChannelsMetrics(new SimpleMeterRegistry());
    static final ChannelsMetrics SECOND = new ChannelsMetrics(new SimpleMeterRegistry());

    /** Declared out of order: @Order, not declaration order, decides. */
    @Configuration(proxyBeanMethods = false)
    static class TwoCustomizers {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Bean
        List<String> customizerCalls() {
            return calls;
        }

        @Bean
        @Order(2)
        SocketRuntimeCustomizer second() {
            return builder -> {
                calls.add("second");
                builder.metrics(SECOND);
            };
        }

        @Bean
        @Order(1)
        SocketRuntimeCustomizer first() {
            return builder -> {
                calls.add("first");
                builder.metrics(FIRST);
            };
        }
    }

    @Test
    void customizersApplyInTheirOrderAndTheLastWordWins() {
        runner.withUserConfiguration(TwoCustomizers.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("customizerCalls", List.class)).containsExactly("first", "second");
            assertThat(context.getBean(SocketRuntime.class).metrics()).isSameAs(SECOND);
        });
    }

    @Test
    void aUserSocketRuntimeMeansNoCustomizing() {
        runner.withUserConfiguration(TwoCustomizers.class)
                .withBean("myRuntime", SocketRuntime.class, () -> new SocketRuntime(
                        io.phoenixspring.pubsub.PubSub.builder().build(), ChannelsMetrics.noop()))
                .run(context -> assertThat(context.getBean("customizerCalls", List.class)).isEmpty());
    }

    /** An executor whose threads say whose they are. */
    static ExecutorService named(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ChannelExecutor {
        @Bean(destroyMethod = "shutdownNow")
        ExecutorService phoenixChannelExecutor() {
            return named("my-channel-thread");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SomeOtherExecutor {
        @Bean(destroyMethod = "shutdownNow")
        ExecutorService applicationTaskExecutor() {
            return named("not-for-channels");
        }
    }

    @Test
    void aPhoenixChannelExecutorBeanRunsConnectAndJoin() throws Exception {
        runner.withUserConfiguration(ChannelExecutor.class).run(context -> {
            List<String> threads = connectAndJoin(context.getBean(SocketRuntime.class));
            assertThat(threads).containsExactly("connect on my-channel-thread", "join on my-channel-thread");
            // Owned by the context, not the runtime: still running once the runtime is closed.
            context.getBean(SocketRuntime.class).close();
            assertThat(context.getBean("phoenixChannelExecutor", ExecutorService.class).isShutdown()).isFalse();
        });
    }

    @Test
    void anotherExecutorBeanIsNotTakenForChannels() throws Exception {
        runner.withUserConfiguration(SomeOtherExecutor.class).run(context -> {
            List<String> threads = connectAndJoin(context.getBean(SocketRuntime.class));
            assertThat(threads).hasSize(2).allMatch(thread -> thread.contains(" on phoenix-channel-"));
        });
    }

    @Test
    void aCustomizerMayChooseTheExecutorToo() throws Exception {
        ExecutorService mine = named("customized-channel-thread");
        try {
            runner.withUserConfiguration(ChannelExecutor.class)
                    .withBean(SocketRuntimeCustomizer.class, () -> builder -> builder.channelExecutor(mine))
                    .run(context -> assertThat(connectAndJoin(context.getBean(SocketRuntime.class))).containsExactly(
                            "connect on customized-channel-thread", "join on customized-channel-thread"));
        } finally {
            mine.shutdownNow();
        }
    }

    /** Connects and joins room:lobby through the runtime, as a transport would; returns where the callbacks ran. */
    static List<String> connectAndJoin(SocketRuntime runtime) throws InterruptedException {
        List<String> threads = new CopyOnWriteArrayList<>();
        Channel channel = new Channel() {
            @Override
            public Object join(String topic, Object payload, Socket socket) {
                threads.add("join on " + Thread.currentThread().getName());
                return JoinResult.ok();
            }

            @Override
            public Object handleIn(String event, Object payload, Socket socket) {
                return null;
            }
        };
        SocketHandler handler = new SocketHandler() {
            @Override
            public void channels(ChannelRoutes routes) {
                routes.channel("room:*", channel);
            }

            @Override
            public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
                threads.add("connect on " + Thread.currentThread().getName());
                return ConnectResult.ok();
            }
        };
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        Outbound outbound = new Outbound() {
            @Override
            public boolean send(Frame frame) {
                return frames.offer(frame.text());
            }

            @Override
            public void close(int code) {
            }
        };
        MountedSocket mount = MountedSocket.of("/socket", handler, true, false, Set.of(), TransportOptions.defaults(),
                type -> null);
        SocketRuntime.Connected connected = runtime.authorize(mount, Map.of("vsn", "2.0.0"), null, "websocket")
                .block(java.time.Duration.ofSeconds(5));
        SocketConnection connection = runtime.open(connected, outbound);
        connection.receive(Frame.text("[\"1\",\"1\",\"room:lobby\",\"phx_join\",{}]"));
        String reply = frames.poll(5, TimeUnit.SECONDS);
        assertThat(reply).isEqualTo("[\"1\",\"1\",\"room:lobby\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        connection.closeWith(SocketConnection.CLOSE_NORMAL, "test over");
        return threads;
    }
}
