package io.phoenixspring.channels.message;

/**
 * Phoenix.Socket.Message: a message on the wire, from the client or pushed by a channel.
 *
 * <pre>{@code
 * new Message("room:lobby", "new_msg", Map.of("body", "hi"), "3", "1");
 * }</pre>
 *
 * @param topic the topic, e.g. {@code room:lobby}
 * @param event the event, e.g. {@code phx_join} or {@code new_msg}
 * @param payload a JSON value ({@code JsonNode} when decoded; anything Jackson writes when sent) or {@link Binary}
 * @param ref the client's message reference, or null
 * @param joinRef the join reference of the channel, or null
 */
public record Message(String topic, String event, Object payload, String ref, String joinRef) {
}
