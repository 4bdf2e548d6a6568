package io.phoenixspring.channels.serializer;

import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.message.Message;
import io.phoenixspring.channels.message.Reply;

/**
 * Phoenix.Socket.Serializer: turns messages into frames and back. {@link #fastlane} encodes a
 * broadcast once for every socket that uses this serializer.
 *
 * <pre>{@code
 * Serializer v2 = Serializers.defaults().forVsn("2.0.0");
 * Frame frame = v2.encode(new Reply("room:1", "ok", Map.of(), "2", "1"));
 * }</pre>
 */
public interface Serializer {

    /** The protocol version this serializer speaks, e.g. {@code 2.0.0}. */
    String version();

    Frame fastlane(Broadcast broadcast);

    Frame encode(Message message);

    Frame encode(Reply reply);

    /**
     * @throws InvalidMessageException when the frame is not a message of this protocol
     * @throws UnroutableMessageException when topic or event are not strings
     */
    Message decode(Frame frame);
}
