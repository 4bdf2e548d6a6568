package io.phoenixspring.channels.server;

import io.phoenixspring.channels.channel.AnnotatedChannel;
import io.phoenixspring.channels.channel.Channel;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.LogLevel;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.pubsub.PhoenixJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A route of a mounted socket with its channel resolved (a bean, adapted if it is annotated) and
 * the levels of its join and handle_in log lines settled: the channel's, else the socket's, else
 * Phoenix's ({@code log_join: :info}, {@code log_handle_in: :debug}).
 */
record ChannelRoute(ChannelRoutes.Route route, Channel channel, LogLevel logJoin, LogLevel logHandleIn) {

    /** Resolves class references and adapts annotated beans to {@link Channel}. */
    static List<ChannelRoute> compile(List<ChannelRoutes.Route> routes, Function<Class<?>, Object> beans,
            PhoenixJson json, SocketHandler handler) {
        List<ChannelRoute> compiled = new ArrayList<>();
        for (ChannelRoutes.Route route : routes) {
            Object target = route.channel() instanceof Class<?> type ? beans.apply(type) : route.channel();
            compiled.add(of(route, target, json, handler));
        }
        return compiled;
    }

    /**
     * A route for one topic to {@code target}, outside the socket's routes: Phoenix.ChannelTest's
     * {@code subscribe_and_join(socket, Channel, topic)}. No route assigns.
     */
    static ChannelRoute direct(String topic, Object target, PhoenixJson json, SocketHandler handler) {
        return of(new ChannelRoutes.Route(topic, target, Map.of()), target, json, handler);
    }

    private static ChannelRoute of(ChannelRoutes.Route route, Object target, PhoenixJson json, SocketHandler handler) {
        Channel channel = target instanceof Channel c ? c : AnnotatedChannel.of(target, json);
        PhoenixSocket socket = handler == null ? null
                : org.springframework.aop.support.AopUtils.getTargetClass(handler).getAnnotation(PhoenixSocket.class);
        LogLevel socketJoin = socket == null ? LogLevel.DEFAULT : socket.logJoin();
        LogLevel socketHandleIn = socket == null ? LogLevel.DEFAULT : socket.logHandleIn();
        return new ChannelRoute(route, channel, channel.logJoin().or(socketJoin.or(LogLevel.INFO)),
                channel.logHandleIn().or(socketHandleIn.or(LogLevel.DEBUG)));
    }
}
