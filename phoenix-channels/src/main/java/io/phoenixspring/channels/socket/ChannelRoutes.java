package io.phoenixspring.channels.socket;

import java.util.ArrayList;
import java.util.List;

/**
 * The socket's topic routes: an exact topic ({@code "lobby"}) or a prefix ending in {@code *}
 * ({@code "room:*"}), each to a channel. The first matching route wins.
 *
 * <pre>{@code
 * routes.channel("room:*", RoomChannel.class);
 * routes.channel("lobby", lobbyChannel);
 * }</pre>
 */
public final class ChannelRoutes {

    /** A route; {@code channel} is resolved once the application's beans exist. */
    public record Route(String pattern, Object channel) {

        public boolean matches(String topic) {
            if (pattern.endsWith("*")) {
                return topic.startsWith(pattern.substring(0, pattern.length() - 1));
            }
            return pattern.equals(topic);
        }
    }

    private final List<Route> routes = new ArrayList<>();

    /** Routes to a channel instance ({@link io.phoenixspring.channels.channel.Channel} or an annotated bean). */
    public ChannelRoutes channel(String pattern, Object channel) {
        if (pattern.indexOf('*') >= 0 && pattern.indexOf('*') != pattern.length() - 1) {
            throw new IllegalArgumentException("channel topic \"" + pattern + "\": a splat (*) is only allowed at the end");
        }
        routes.add(new Route(pattern, channel));
        return this;
    }

    /** Routes to the bean of this class (resolved from the application context). */
    public ChannelRoutes channel(String pattern, Class<?> channelType) {
        return channel(pattern, (Object) channelType);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
