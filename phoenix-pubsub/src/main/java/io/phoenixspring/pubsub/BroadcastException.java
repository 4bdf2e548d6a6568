package io.phoenixspring.pubsub;

/**
 * The failure a broadcast's future completes with when the message could not be handed to the
 * other nodes (Phoenix's {@code BroadcastError}). Local subscribers have already received it.
 *
 * <pre>{@code
 * pubSub.broadcast("user:123", update).exceptionally(e -> {
 *     // e is a BroadcastException (possibly wrapped in a CompletionException)
 *     return null;
 * });
 * }</pre>
 */
public class BroadcastException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the topic
     * @param cause the adapter's error, or {@code null}
     */
    public BroadcastException(String message, Throwable cause) {
        super(message, cause);
    }
}
