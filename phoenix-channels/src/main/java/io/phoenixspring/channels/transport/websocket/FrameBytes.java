package io.phoenixspring.channels.transport.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.phoenixspring.channels.message.Frame;

/**
 * Server-to-client WebSocket bytes encoded once and shared by every socket of an event loop: the
 * payload alone (Netty's frame encoder adds each socket's header), or the whole frame for the
 * {@link DirectWriter}. A server's frames are unmasked, so the bytes on the wire are the same for
 * every client.
 */
final class FrameBytes {

    private static final int FIN = 0x80;
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;

    /**
     * Larger encodings are not pooled: a pool keeps its chunks after a burst of megabyte frames,
     * an unpooled buffer gives its memory back when the last socket has written it.
     */
    static final int POOLED_LIMIT = 64 * 1024;

    private FrameBytes() {
    }

    /** The frame as it goes on the wire, in a direct buffer the caller releases. */
    static ByteBuf encode(Frame frame) {
        byte[] payload = frame.bytes();
        int length = payload.length;
        int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
        ByteBuf wire = allocator(header + length).directBuffer(header + length);
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

    /** The frame's payload alone, in a direct buffer the caller releases. */
    static ByteBuf payload(Frame frame) {
        byte[] payload = frame.bytes();
        return allocator(payload.length).directBuffer(payload.length).writeBytes(payload);
    }

    private static ByteBufAllocator allocator(int size) {
        return size <= POOLED_LIMIT ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT;
    }
}
