package io.phoenixspring.autoconfigure.channels;

import io.micrometer.core.instrument.MeterRegistry;
import io.phoenixspring.autoconfigure.endpoint.EndpointProperties;
import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.endpoint.SocketHandlerMapping;
import io.phoenixspring.channels.server.ChannelsMetrics;
import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.OriginCheck;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.SessionReader;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.pubsub.PhoenixJson;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Phoenix sockets and channels on WebFlux: the {@link SocketRuntime}, the {@link Endpoint}
 * broadcast API, and every {@link PhoenixSocket} bean mounted at {@code <path>/websocket} (and
 * {@code <path>/longpoll} when enabled), drained in batches on shutdown. Channel callbacks run on
 * an {@link Executor} bean named {@value #CHANNEL_EXECUTOR_BEAN_NAME} when there is one, else on
 * the runtime's own bounded pool; {@link SocketRuntimeCustomizer} beans adjust the runtime before
 * it is built. The transports run on
 * Reactor Netty's connections: without Reactor Netty this backs off, and
 * {@link ChannelsServerAutoConfiguration} fails start-up if sockets are declared.
 *
 * <pre>{@code
 * @PhoenixSocket(path = "/socket")
 * class UserSocket implements SocketHandler { ... }
 * }</pre>
 */
@AutoConfiguration(after = {PubSubAutoConfiguration.class, TokenAutoConfiguration.class})
@ConditionalOnClass(value = {SocketRuntime.class, PubSub.class, PhoenixToken.class}, name = ReactorNettyVersion.HTTP_SERVER)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(PubSub.class)
@ConditionalOnProperty(prefix = "phoenix.endpoint.sockets", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "phoenix.endpoint", name = "enabled", matchIfMissing = true)
public class ChannelsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MicrometerMetrics {

        @Bean
        @ConditionalOnMissingBean
        ChannelsMetrics phoenixChannelsMetrics(ObjectProvider<MeterRegistry> registry,
                ObjectProvider<io.micrometer.observation.ObservationRegistry> observations) {
            MeterRegistry meters = registry.getIfAvailable();
            return new ChannelsMetrics(meters == null ? new io.micrometer.core.instrument.simple.SimpleMeterRegistry() : meters,
                    observations.getIfAvailable(() -> io.micrometer.observation.ObservationRegistry.NOOP));
        }
    }

    /**
     * The name of an {@link Executor} bean channel callbacks run on instead of the runtime's own
     * bounded pool; its owner (the context) shuts it down.
     */
    public static final String CHANNEL_EXECUTOR_BEAN_NAME = "phoenixChannelExecutor";

    /**
     * @param channelExecutor the {@value #CHANNEL_EXECUTOR_BEAN_NAME} bean, if any
     * @param customizers applied in order before the runtime is built
     * @return the runtime every socket shares, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SocketRuntime phoenixSocketRuntime(PubSub pubSub, ObjectProvider<ChannelsMetrics> metrics,
            @Qualifier(CHANNEL_EXECUTOR_BEAN_NAME) ObjectProvider<Executor> channelExecutor,
            ObjectProvider<SocketRuntimeCustomizer> customizers, ObjectProvider<PhoenixJson> json,
            ObjectProvider<SessionReader> sessions, ApplicationContext context) {
        SocketRuntime.Builder builder = SocketRuntime.builder(pubSub).metrics(metrics.getIfAvailable(ChannelsMetrics::noop))
                .json(json.getIfAvailable(PhoenixJson::defaults))
                .sessions(sessions.getIfAvailable(() -> WebSessions.reader(context)));
        channelExecutor.ifAvailable(builder::channelExecutor);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * @return the broadcast API
     */
    @Bean
    @ConditionalOnMissingBean
    public Endpoint phoenixEndpoint(SocketRuntime runtime) {
        return new Endpoint(runtime);
    }

    /**
     * @return the socket mount points: one per {@link PhoenixSocket} bean
     */
    @Bean
    @ConditionalOnMissingBean
    public SocketHandlerMapping phoenixSocketHandlerMapping(SocketRuntime runtime, PhoenixToken tokens,
            EndpointProperties properties, ApplicationContext context) {
        TransportOptions options = transportOptions(properties);
        List<MountedSocket> mounts = new ArrayList<>();
        for (Map.Entry<String, Object> entry : context.getBeansWithAnnotation(PhoenixSocket.class).entrySet()) {
            String type = ClassUtils.getUserClass(entry.getValue()).getName();
            String socket = entry.getKey().equals(type) ? type : entry.getKey() + " (" + type + ")";
            if (!(entry.getValue() instanceof SocketHandler handler)) {
                throw new InvalidSocketException(socket, "a @PhoenixSocket bean must implement "
                        + SocketHandler.class.getName(), null);
            }
            try {
                MountedSocket mount = MountedSocket.of(handler, options, context::getBean, runtime.json());
                if (mount.session() && runtime.sessions() == null) {
                    throw new InvalidSocketException(socket, "@PhoenixSocket(session = true) reads phoenix-web's session "
                            + "cookie, and there is none: add phoenix-web with phoenix.endpoint.secret-key-base, or a "
                            + SessionReader.class.getSimpleName() + " bean", null);
                }
                mounts.add(mount);
            } catch (IllegalArgumentException | IllegalStateException | NoSuchBeanDefinitionException e) {
                // A bad path, topic pattern or channel class: the application's code, reported as such.
                // A channel bean that fails to be created is its own failure and passes through.
                throw new InvalidSocketException(socket, e.getMessage(), e);
            }
        }
        SocketHandlerMapping mapping = new SocketHandlerMapping(runtime, mounts, tokens);
        mapping.setCorsConfigurations(longPollCors(mounts));
        return mapping;
    }

    /**
     * Spring answers a CORS preflight in the handler mapping, before any handler runs, and with no
     * configuration it answers without CORS headers: a page on another origin could never POST to
     * the long-poll transport. This answers as Phoenix's LongPoll does: any origin (check_origin
     * still guards the requests themselves), the requested headers, GET/POST/OPTIONS, cached an hour.
     */
    static Map<String, CorsConfiguration> longPollCors(List<MountedSocket> mounts) {
        Map<String, CorsConfiguration> cors = new LinkedHashMap<>();
        for (MountedSocket mount : mounts) {
            if (mount.longpoll()) {
                CorsConfiguration config = new CorsConfiguration();
                config.addAllowedOrigin(CorsConfiguration.ALL);
                config.addAllowedHeader(CorsConfiguration.ALL);
                config.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
                config.setMaxAge(Duration.ofHours(1));
                cors.put(mount.path() + "/longpoll", config);
            }
        }
        return cors;
    }

    /**
     * @return at start-up, fails if the web server is not Reactor Netty while sockets are
     *     declared, and warns about a Reactor Netty that stalls long-poll
     */
    @Bean
    static SocketServerCheck phoenixSocketServerCheck(ListableBeanFactory beans, ApplicationContext context) {
        ClassLoader classLoader = context.getClassLoader();
        return new SocketServerCheck(beans, classLoader, ReactorNettyVersion.find(classLoader));
    }

    /**
     * @return closes sockets in batches when the application stops
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "phoenix.endpoint.sockets.drainer", name = "enabled", matchIfMissing = true)
    SocketDrainer phoenixSocketDrainer(SocketRuntime runtime, EndpointProperties properties) {
        EndpointProperties.Drainer drainer = properties.getSockets().getDrainer();
        return new SocketDrainer(runtime, drainer.getBatchSize(), drainer.getBatchInterval(), drainer.getShutdown());
    }

    static TransportOptions transportOptions(EndpointProperties properties) {
        EndpointProperties.Sockets sockets = properties.getSockets();
        // The setter keeps it within 1B..2GB.
        long frame = sockets.getWebsocket().getMaxFrameSize().toBytes();
        TransportOptions defaults = TransportOptions.defaults();
        // No withLongpollSessionMaxAge: the canonical constructor sets it.
        TransportOptions withSessionMaxAge = new TransportOptions(defaults.websocketTimeout(), defaults.maxFrameSize(),
                defaults.compress(), defaults.outboundLimit(), defaults.outboundByteLimit(), defaults.maxChannels(),
                defaults.longpollWindow(), defaults.longpollPubsubTimeout(), sockets.getLongpoll().getSessionMaxAge(),
                defaults.checkOrigin(), defaults.directWrites(), defaults.subprotocols());
        return withSessionMaxAge
                .withWebsocketTimeout(sockets.getWebsocket().getTimeout())
                .withMaxFrameSize((int) frame)
                .withCompress(sockets.getWebsocket().isCompress())
                .withOutboundLimit(sockets.getOutboundLimit())
                .withOutboundByteLimit(sockets.getOutboundByteLimit().toBytes())
                .withDirectWrites(sockets.getWebsocket().isDirectWrites())
                .withMaxChannels(sockets.getMaxChannels())
                .withLongpollWindow(sockets.getLongpoll().getWindow())
                .withLongpollPubsubTimeout(sockets.getLongpoll().getPubsubTimeout())
                .withCheckOrigin(originCheck(properties));
    }

    /**
     * phoenix-web's cookie session as sockets read it: the endpoint's session store and CSRF rule.
     * Only loaded when phoenix-web is on the class path.
     */
    static final class WebSessions {

        private static final boolean PRESENT = ClassUtils.isPresent("io.phoenixspring.web.endpoint.WebEndpoint",
                ChannelsAutoConfiguration.class.getClassLoader());

        static SessionReader reader(ApplicationContext context) {
            return PRESENT ? Store.reader(context) : null;
        }

        private static final class Store {
            static SessionReader reader(ApplicationContext context) {
                io.phoenixspring.web.endpoint.WebEndpoint endpoint = context
                        .getBeanProvider(io.phoenixspring.web.endpoint.WebEndpoint.class).getIfAvailable();
                if (endpoint == null || endpoint.sessionStore() == null) {
                    return null;
                }
                io.phoenixspring.web.session.CookieStore store = endpoint.sessionStore();
                return SessionReader.of(store.options().key(), store::get, io.phoenixspring.web.session.CsrfToken::matches);
            }
        }
    }

    static OriginCheck originCheck(EndpointProperties properties) {
        List<String> values = properties.getCheckOrigin();
        if (values != null && values.size() == 1 && "conn".equalsIgnoreCase(values.get(0).trim())) {
            return OriginCheck.CONN;
        }
        if (values == null || values.isEmpty() || values.size() == 1 && "true".equalsIgnoreCase(values.get(0).trim())) {
            return OriginCheck.host(properties.getUrl().getHost());
        }
        if (values.size() == 1 && "false".equalsIgnoreCase(values.get(0).trim())) {
            return OriginCheck.OFF;
        }
        try {
            return OriginCheck.allow(values);
        } catch (IllegalArgumentException e) {
            // Boot's own analyzer reports it: the property, its value and where it was set.
            throw new InvalidConfigurationPropertyValueException("phoenix.endpoint.check-origin", String.join(",", values),
                    e.getMessage());
        }
    }
}
