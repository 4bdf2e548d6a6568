package io.phoenixspring.channels.transport.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.phoenixspring.channels.serializer.Frame;

/**
 * Server-to-client WebSocket frames encoded once and shared. A server's frames are unmasked, so
 * the bytes on the wire are the same for every client: a broadcast to thousands of sockets builds
 * them once per event loop and every socket of that loop writes the same bytes, past Netty's
 * frame encoder. Only used without per-message compression, which is per connection.
 */
final class WireFrames {

    private static final int FIN = 0x80;
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;

    private WireFrames() {
    }

    /** The frame as it goes on the wire, in a pooled direct buffer the caller releases. */
    static ByteBuf encode(Frame frame) {
        byte[] payload = frame.bytes();
        int length = payload.length;
        int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
        ByteBuf wire = PooledByteBufAllocator.DEFAULT.directBuffer(header + length);
        wire.writeByte(FIN | (frame.binary() ? BINARY : TEXT));
        if (length < 126) {
            wire.writeByte(length);
        } else if (length < 65536) {
            wire.writeByte(126);
            wire.writeShort(length);
        } else {
            wire.writeByte(127);
            wire.writeLong(length);
        }
        wire.writeBytes(payload);
        return wire;
    }
}
