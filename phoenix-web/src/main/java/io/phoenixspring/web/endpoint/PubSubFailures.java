package io.phoenixspring.web.endpoint;

import io.phoenixspring.pubsub.BroadcastException;
import io.phoenixspring.web.conn.PlugStatus;
import io.phoenixspring.web.conn.StatusException;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request that failed because PubSub could not reach the other nodes (Redis down: the adapter
 * fails fast) is a 503, not a crash of the action: the client can retry later, and PubSub itself
 * logs the outage once with its trace and then a summary every few seconds, so the request adds
 * no stack trace of its own.
 */
final class PubSubFailures {

    static final String DETAIL = "PubSub unavailable: the message could not be broadcast to the other nodes, try again later";

    private static final int MAX_DEPTH = 16;

    private PubSubFailures() {
    }

    /** @return the 503 to render in place of the error, or {@code null} when PubSub did not cause it */
    static StatusException unavailable(Throwable error) {
        if (error instanceof PlugStatus || error instanceof ResponseStatusException) {
            return null; // the status was chosen by whoever threw it
        }
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof BroadcastException broadcast) {
                // The message (topic, adapter's reason) is for the log and debug errors; the client gets DETAIL.
                return new StatusException(503, broadcast.getMessage(), DETAIL, broadcast);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
