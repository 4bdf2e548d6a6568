package io.phoenixspring.pubsub;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Version 1 of the frame exchanged between nodes (documented in the README):
 *
 * <pre>
 * u8  magic 0x50 ('P')
 * u8  version, 1
 * str origin node     (u16 big-endian byte length, then UTF-8)
 * str target node     (length 0 = every node)
 * str topic
 * str dispatcher id
 * str codec id        (u8 length, then UTF-8)
 * ... payload, the rest of the frame, as written by the codec
 * </pre>
 *
 * <p>The header is binary and comes first so that a node can drop its own echoes and direct
 * broadcasts meant for others without touching the payload.
 */
final class NodeFrame {

    static final byte MAGIC = 0x50;
    static final int VERSION = 1;

    private NodeFrame() {
    }

    static byte[] encode(Envelope envelope) {
        byte[] origin = utf8(envelope.origin(), "origin node", 0xFFFF);
        byte[] target = envelope.target() == null ? new byte[0] : utf8(envelope.target(), "target node", 0xFFFF);
        byte[] topic = utf8(envelope.topic(), "topic", 0xFFFF);
        byte[] dispatcher = utf8(envelope.dispatcher(), "dispatcher id", 0xFFFF);
        byte[] codec = utf8(envelope.codec(), "codec id", 0xFF);
        byte[] payload = envelope.payload();
        ByteBuffer buffer = ByteBuffer.allocate(2 + 2 + origin.length + 2 + target.length + 2 + topic.length
                + 2 + dispatcher.length + 1 + codec.length + payload.length);
        buffer.put(MAGIC).put((byte) VERSION);
        putShortString(buffer, origin);
        putShortString(buffer, target);
        putShortString(buffer, topic);
        putShortString(buffer, dispatcher);
        buffer.put((byte) codec.length).put(codec);
        buffer.put(payload);
        return buffer.array();
    }

    /**
     * Reads a frame.
     *
     * @throws UnsupportedVersionException for a well-formed frame of another version
     * @throws IllegalArgumentException for anything that is not a frame
     */
    static Envelope decode(byte[] frame) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(frame);
            if (buffer.get() != MAGIC) {
                throw new IllegalArgumentException("not a phoenix-pubsub frame (bad magic byte)");
            }
            int version = buffer.get() & 0xFF;
            if (version != VERSION) {
                throw new UnsupportedVersionException(version);
            }
            String origin = getShortString(buffer);
            String target = getShortString(buffer);
            String topic = getShortString(buffer);
            String dispatcher = getShortString(buffer);
            byte[] codec = new byte[buffer.get() & 0xFF];
            buffer.get(codec);
            byte[] payload = Arrays.copyOfRange(frame, buffer.position(), frame.length);
            return new Envelope(origin, target.isEmpty() ? null : target, topic, dispatcher,
                    new String(codec, StandardCharsets.UTF_8), payload);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated phoenix-pubsub frame (" + frame.length + " bytes)", e);
        }
    }

    private static byte[] utf8(String value, String what, int max) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > max) {
            throw new IllegalArgumentException(what + " is " + bytes.length + " bytes of UTF-8; at most "
                    + max + " can cross nodes");
        }
        return bytes;
    }

    private static void putShortString(ByteBuffer buffer, byte[] bytes) {
        buffer.putShort((short) bytes.length).put(bytes);
    }

    private static String getShortString(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getShort() & 0xFFFF];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A frame from a node speaking another version of the wire format. */
    static final class UnsupportedVersionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int version;

        UnsupportedVersionException(int version) {
            super("frame has wire-format version " + version + "; this node reads version " + VERSION);
            this.version = version;
        }
    }
}
