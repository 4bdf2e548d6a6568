package io.phoenixspring.channels.message;

/**
 * Phoenix.Socket.Reply: the answer to a client's message, sent as event {@code phx_reply}.
 *
 * <pre>{@code
 * new Reply("room:lobby", "ok", Map.of(), "2", "1");
 * }</pre>
 *
 * @param topic the topic
 * @param status {@code ok} or {@code error} (any string the channel chose)
 * @param payload the response: a JSON value or {@link Binary}
 * @param ref the ref of the message answered
 * @param joinRef the join ref of the channel that answers
 */
public record Reply(String topic, String status, Object payload, String ref, String joinRef) {
}
