package io.phoenixspring.channels.channel;

import java.util.Map;

/**
 * What a channel's join returns: Phoenix's {@code {:ok, socket}}, {@code {:ok, reply, socket}}
 * or {@code {:error, reply}}.
 *
 * <pre>{@code
 * return topic.equals("room:secret") ? JoinResult.error(Map.of("reason", "unauthorized")) : JoinResult.ok();
 * }</pre>
 */
public sealed interface JoinResult permits JoinResult.Ok, JoinResult.Error {

    /** @param response sent in the join's ok reply */
    record Ok(Object response) implements JoinResult {
    }

    /** @param response sent in the join's error reply; the channel is not joined */
    record Error(Object response) implements JoinResult {
    }

    static JoinResult ok() {
        return new Ok(Map.of());
    }

    static JoinResult ok(Object response) {
        return new Ok(response);
    }

    static JoinResult error(Object response) {
        return new Error(response);
    }
}
