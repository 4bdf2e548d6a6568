package io.phoenixspring.channels.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Intercepts broadcasts of the events in {@link #value()}: Phoenix's {@code intercept [...]} plus
 * {@code handle_out/3}. The events listed here are the channel's intercept list; every other
 * broadcast on the topic goes straight to the client (the fastlane, encoded once for all sockets),
 * while these come to this method once per joined client, so it can change, filter or drop them.
 *
 * <p>The contract: the method receives the broadcast's payload (converted to its parameter type,
 * like a {@link HandleIn} payload) and the client's {@link io.phoenixspring.channels.socket.Socket}
 * (and the event with {@link Event}); nothing reaches the client unless the method pushes it with
 * {@code socket.push}. A broadcast has no ref, so there is nothing to reply to: return
 * {@link HandleResult#noReply()} (or nothing, or {@link HandleResult#stop}); a reply is an error
 * that crashes the channel.
 *
 * <pre>{@code
 * @HandleOut("new_msg")
 * HandleResult hideBlocked(Map<String, Object> msg, Socket socket) {
 *     if (!blocked(socket.assign("user"), msg.get("user"))) {
 *         socket.push("new_msg", msg);
 *     }
 *     return HandleResult.noReply();
 * }
 * }</pre>
 *
 * <p>Like every callback it runs in the channel's mailbox, one message at a time; interception
 * costs an encoding per client, so intercept only the events that need it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HandleOut {

    /** The intercepted events. */
    String[] value();
}
