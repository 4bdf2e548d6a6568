package io.phoenixspring.channels.socket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The socket's topic routes: an exact topic ({@code "lobby"}) or a prefix ending in {@code *}
 * ({@code "room:*"}), each to a channel. The first matching route wins.
 *
 * <pre>{@code
 * routes.channel("room:*", RoomChannel.class);
 * routes.channel("lobby", lobbyChannel);
 * routes.channel("admin:*", RoomChannel.class, Map.of("admin", true));
 * }</pre>
 */
public final class ChannelRoutes {

    /**
     * A route; {@code channel} is resolved once the application's beans exist. {@code assigns} are
     * merged into the socket's assigns of every channel joined through it, before its join.
     */
    public record Route(String pattern, Object channel, Map<String, Object> assigns) {

        public Route {
            // A copy that keeps null values (Map.copyOf would refuse them) and cannot change later.
            assigns = assigns == null || assigns.isEmpty() ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(assigns));
        }

        public Route(String pattern, Object channel) {
            this(pattern, channel, Map.of());
        }

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
        return channel(pattern, channel, Map.of());
    }

    /** Routes to the bean of this class (resolved from the application context). */
    public ChannelRoutes channel(String pattern, Class<?> channelType) {
        return channel(pattern, (Object) channelType, Map.of());
    }

    /**
     * Routes with assigns merged into the channel's socket before its join, overriding the
     * connection's of the same name (Phoenix's {@code channel "room:*", RoomChannel, assigns: %{...}}).
     */
    public ChannelRoutes channel(String pattern, Class<?> channelType, Map<String, ?> assigns) {
        return channel(pattern, (Object) channelType, assigns);
    }

    /** Routes to a channel instance with assigns merged into its socket before its join. */
    public ChannelRoutes channel(String pattern, Object channel, Map<String, ?> assigns) {
        if (pattern.indexOf('*') >= 0 && pattern.indexOf('*') != pattern.length() - 1) {
            throw new IllegalArgumentException("channel topic \"" + pattern + "\": a splat (*) is only allowed at the end");
        }
        java.util.Objects.requireNonNull(assigns, "assigns");
        routes.add(new Route(pattern, channel, new LinkedHashMap<>(assigns)));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
