package io.phoenixspring.channels.socket;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The channel process behind a joined {@link Socket}: what a socket's {@code push},
 * {@code broadcast}, {@code send} and replies go to. Implemented by the runtime
 * ({@code io.phoenixspring.channels.server}); applications use {@link Socket}.
 */
public interface ChannelProcess {

    /** The channel's topic. */
    String topic();

    /** The ref of the message being handled, for a later reply. */
    String currentRef();

    void push(String event, Object payload);

    void broadcast(String event, Object payload, boolean excludeSelf);

    void asyncReply(String ref, String status, Object payload);

    void monitor(Consumer<String> onExit);

    void info(Object message);

    void infoAfter(Object message, Duration delay);

    /** Subscribes the channel to another topic until it ends; its broadcasts go to handle_info. */
    void subscribe(String topic);

    void unsubscribe(String topic);
}
