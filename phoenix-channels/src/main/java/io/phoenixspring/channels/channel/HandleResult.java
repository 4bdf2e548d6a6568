package io.phoenixspring.channels.channel;

import java.util.Map;

/**
 * What {@code handle_in}, {@code handle_out} and {@code handle_info} return: a reply, no reply,
 * or stop (optionally replying first), as Phoenix's {@code {:reply, ...}}, {@code {:noreply, ...}}
 * and {@code {:stop, ...}}.
 *
 * <pre>{@code
 * return HandleResult.reply("ok", payload);
 * return HandleResult.noReply();
 * return HandleResult.stop("normal");
 * }</pre>
 */
public sealed interface HandleResult permits HandleResult.ReplyWith, HandleResult.NoReply, HandleResult.Stop {

    /** @param status the reply status, usually {@code ok} or {@code error}; @param payload JSON value or Binary */
    record ReplyWith(String status, Object payload) implements HandleResult {
    }

    record NoReply() implements HandleResult {
    }

    /**
     * @param reason {@code normal} or {@code shutdown} close the channel cleanly (phx_close); any
     *     other reason is a failure (phx_error), as in Phoenix
     * @param reply a reply sent before stopping, or null
     */
    record Stop(String reason, ReplyWith reply) implements HandleResult {
        public boolean normal() {
            return "normal".equals(reason) || "shutdown".equals(reason) || reason.startsWith("shutdown:");
        }
    }

    static HandleResult reply(String status, Object payload) {
        return new ReplyWith(status, payload);
    }

    static HandleResult ok(Object payload) {
        return new ReplyWith("ok", payload);
    }

    static HandleResult ok() {
        return new ReplyWith("ok", Map.of());
    }

    static HandleResult error(Object payload) {
        return new ReplyWith("error", payload);
    }

    static HandleResult noReply() {
        return NoReplyHolder.INSTANCE;
    }

    static HandleResult stop(String reason) {
        return new Stop(reason, null);
    }

    static HandleResult stop(String reason, String status, Object payload) {
        return new Stop(reason, new ReplyWith(status, payload));
    }

    /** Keeps the shared instance out of the interface's public constants. */
    final class NoReplyHolder {
        static final NoReply INSTANCE = new NoReply();

        private NoReplyHolder() {
        }
    }
}
