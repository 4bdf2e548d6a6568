package io.phoenixspring.pubsub;

/**
 * A broadcast as it travels between nodes, before and after {@link NodeFrame}.
 *
 * @param origin node that broadcast it
 * @param target the only node that should dispatch it, or {@code null} for every node
 * @param topic the topic
 * @param dispatcher id of the dispatcher to use on the receiving nodes
 * @param codec id of the {@link MessageCodec} that wrote the payload
 * @param payload the encoded message
 */
record Envelope(String origin, String target, String topic, String dispatcher, String codec, byte[] payload) {
}
