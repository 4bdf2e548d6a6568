package io.phoenixspring.channels.channel;

/**
 * Thrown for an event a channel has no handler for; like Phoenix's FunctionClauseError it
 * crashes the channel (the client gets {@code phx_error}).
 */
public class UnmatchedEventException extends RuntimeException {

    public UnmatchedEventException(String event, String topic) {
        super("no handle_in for event \"" + event + "\" on " + topic);
    }
}
