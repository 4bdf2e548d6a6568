package io.phoenixspring.channels.message;

/**
 * Phoenix.Socket.Broadcast: an event for every subscriber of a topic, on every node.
 *
 * <pre>{@code
 * endpoint.broadcast("room:lobby", "new_msg", Map.of("body", "hi"));
 * }</pre>
 *
 * @param topic the topic
 * @param event the event
 * @param payload a JSON value or {@link Binary}
 */
public record Broadcast(String topic, String event, Object payload) {
}
