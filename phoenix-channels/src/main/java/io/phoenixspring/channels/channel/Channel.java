package io.phoenixspring.channels.channel;

import io.phoenixspring.channels.socket.LogLevel;
import io.phoenixspring.channels.socket.Socket;
import java.util.Set;

/**
 * A Phoenix channel as a plain interface (the alternative to {@link PhoenixChannel}-annotated
 * classes). One instance serves every join; per-join state lives in the {@link Socket}'s assigns.
 * Callbacks of one joined channel never run concurrently; they run off the network threads, so
 * they may block (briefly). Any callback may return its result or a {@code Mono} of it.
 *
 * <pre>{@code
 * public class RoomChannel implements Channel {
 *     public Object join(String topic, Object payload, Socket socket) { return JoinResult.ok(); }
 *     public Object handleIn(String event, Object payload, Socket socket) {
 *         socket.broadcast("new_msg", payload);
 *         return HandleResult.noReply();
 *     }
 * }
 * }</pre>
 *
 * <p>Payloads arrive as Jackson {@code JsonNode}s, or {@link io.phoenixspring.channels.message.Binary}.
 * A callback that throws crashes only this channel: the client gets {@code phx_error} and may rejoin.
 */
public interface Channel {

    /** @return a {@link JoinResult} or a {@code Mono<JoinResult>} */
    Object join(String topic, Object payload, Socket socket);

    /**
     * @return a {@link HandleResult} or a {@code Mono<HandleResult>}; throw (or use
     *     {@link UnmatchedEventException}) for events the channel does not handle
     */
    Object handleIn(String event, Object payload, Socket socket);

    /** Events whose broadcasts go through {@link #handleOut} instead of straight to the client. */
    default Set<String> intercepts() {
        return Set.of();
    }

    /** An intercepted broadcast; by default pushed unchanged. */
    default Object handleOut(String event, Object payload, Socket socket) {
        socket.push(event, payload);
        return HandleResult.noReply();
    }

    /** Any other message sent to the channel ({@code socket.send}, or PubSub messages on its topic). */
    default Object handleInfo(Object message, Socket socket) {
        return HandleResult.noReply();
    }

    /** Called when the channel ends: left, closed, stopped or crashed. */
    default void terminate(String reason, Socket socket) {
    }

    /** Level of the {@code JOINED}/{@code REFUSED JOIN} lines (Phoenix's {@code log_join}); default: the socket's. */
    default LogLevel logJoin() {
        return LogLevel.DEFAULT;
    }

    /** Level of the {@code HANDLED … INCOMING ON} lines (Phoenix's {@code log_handle_in}); default: the socket's. */
    default LogLevel logHandleIn() {
        return LogLevel.DEFAULT;
    }
}
