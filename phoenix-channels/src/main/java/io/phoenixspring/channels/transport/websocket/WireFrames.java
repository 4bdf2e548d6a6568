package io.phoenixspring.channels.transport.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.phoenixspring.channels.serializer.Frame;

/**
 * Server-to-client WebSocket frames encoded once and shared. A server's frames are unmasked, so
 * the bytes on the wire are the same for every client: a broadcast to thousands of sockets builds
 * them once (per broadcasting thread) and each socket writes a retained duplicate, past Netty's
 * frame encoder. Only used without per-message compression, which is per connection.
 */
final class WireFrames {

    private static final int FIN = 0x80;
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;

    /** The frame most recently encoded by this thread; fan-out asks for the same one thousands of times. */
    private static final ThreadLocal<Cached> LAST = new ThreadLocal<>();

    private record Cached(Frame frame, ByteBuf wire) {
    }

    private WireFrames() {
    }

    /** A retained duplicate of the frame's wire bytes; whoever writes it releases it. */
    static ByteBuf encoded(Frame frame) {
        Cached cached = LAST.get();
        if (cached == null || cached.frame() != frame) {
            if (cached != null) {
                cached.wire().release();
            }
            cached = new Cached(frame, encode(frame));
            LAST.set(cached);
        }
        return cached.wire().retainedDuplicate();
    }

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
