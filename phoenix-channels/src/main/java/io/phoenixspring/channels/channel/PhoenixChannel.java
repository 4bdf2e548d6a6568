package io.phoenixspring.channels.channel;

import io.phoenixspring.channels.socket.LogLevel;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks a Spring bean as a Phoenix channel whose callbacks are annotated methods:
 * {@link Join}, {@link HandleIn} (per event, or a catch-all), {@link HandleOut} (intercepted
 * broadcasts), {@link HandleInfo} and {@link Terminate}. Route topics to it from a socket.
 *
 * <pre>{@code
 * @PhoenixChannel
 * class RoomChannel {
 *     @Join
 *     JoinResult join(String topic, Socket socket) { return JoinResult.ok(); }
 *
 *     @HandleIn("new_msg")
 *     HandleResult newMessage(NewMessage msg, Socket socket) {
 *         socket.broadcast("new_msg", Map.of("body", msg.body(), "user", socket.assign("user")));
 *         return HandleResult.noReply();
 *     }
 * }
 * }</pre>
 *
 * <p>Method arguments are resolved by type: {@link io.phoenixspring.channels.socket.Socket} is
 * the socket; a {@code String} annotated {@link Event} or {@link Topic} is the event or topic; the
 * one remaining parameter is the payload, converted with Jackson to its declared type
 * ({@code JsonNode}, {@code Map}, a record…), or the raw bytes for {@code byte[]} and
 * {@link io.phoenixspring.channels.message.Binary}. A payload that does not convert crashes the
 * channel, as an unmatched clause does in Phoenix.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface PhoenixChannel {

    /**
     * Level of this channel's {@code JOINED}/{@code REFUSED JOIN} lines (Phoenix's
     * {@code log_join}); {@code DEFAULT}: the socket's ({@code INFO} unless it says otherwise).
     */
    LogLevel logJoin() default LogLevel.DEFAULT;

    /**
     * Level of this channel's {@code HANDLED … INCOMING ON} lines (Phoenix's {@code log_handle_in});
     * {@code DEFAULT}: the socket's ({@code DEBUG} unless it says otherwise).
     */
    LogLevel logHandleIn() default LogLevel.DEFAULT;
}
