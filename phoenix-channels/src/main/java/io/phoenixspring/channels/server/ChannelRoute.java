package io.phoenixspring.channels.server;

import io.phoenixspring.channels.channel.AnnotatedChannel;
import io.phoenixspring.channels.channel.Channel;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.pubsub.PhoenixJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A route of a mounted socket with its channel resolved: a bean, adapted if it is annotated. */
record ChannelRoute(ChannelRoutes.Route route, Channel channel) {

    /** Resolves class references and adapts annotated beans to {@link Channel}. */
    static List<ChannelRoute> compile(List<ChannelRoutes.Route> routes, Function<Class<?>, Object> beans,
            PhoenixJson json) {
        List<ChannelRoute> compiled = new ArrayList<>();
        for (ChannelRoutes.Route route : routes) {
            Object target = route.channel() instanceof Class<?> type ? beans.apply(type) : route.channel();
            Channel channel = target instanceof Channel c ? c : AnnotatedChannel.of(target, json);
            compiled.add(new ChannelRoute(route, channel));
        }
        return compiled;
    }
}
