package io.phoenixspring.pubsub;

/**
 * Turns broadcast messages into bytes and back, for messages that cross nodes. The default,
 * {@link JsonMessageCodec}, only writes and reads plain JSON values and explicitly registered
 * types, so nothing on the wire can make a node instantiate a class it did not agree to.
 *
 * <pre>{@code
 * MessageCodec codec = new JsonMessageCodec().register("user_update", UserUpdate.class);
 * PubSub pubSub = PubSub.builder().codec(codec).adapter(redis).build();
 * }</pre>
 *
 * <p>Every node of a cluster must use a codec with the same {@link #id()} and registrations.
 */
public interface MessageCodec {

    /**
     * Short name written into every frame so that a node can reject a payload written by a
     * different codec instead of misreading it. At most 255 bytes of UTF-8.
     *
     * @return the codec's id, for example {@code "json"}
     */
    String id();

    /**
     * @param message the message to send, possibly {@code null}
     * @return its bytes
     * @throws IllegalArgumentException when this codec cannot represent the message
     */
    byte[] encode(Object message);

    /**
     * @param payload bytes written by {@link #encode} on some node
     * @return the message
     * @throws IllegalArgumentException when the bytes are not a valid payload
     */
    Object decode(byte[] payload);
}
