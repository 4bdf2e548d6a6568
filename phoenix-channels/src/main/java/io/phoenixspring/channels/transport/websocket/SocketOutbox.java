package io.phoenixspring.channels.transport.websocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.server.SocketConnection;
import io.phoenixspring.channels.socket.Outbound;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The outbound side of one WebSocket: frames queue on the connection's {@link LoopBatcher} and
 * its {@link FrameWriter} writes them on the loop. What is not yet on the network is bounded in
 * frames and in bytes (queued here plus held in Netty's buffer); past either bound the client is a
 * slow consumer and {@link #send} refuses, so the socket closes it.
 */
final class SocketOutbox implements Outbound, LoopBatcher.Target {

    /** How long a close frame may wait behind unread bytes before the connection is closed without it. */
    static final long CLOSE_GRACE_MILLIS = 2_000;

    private static final VarHandle QUEUED;
    private static final VarHandle QUEUED_BYTES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            QUEUED = lookup.findVarHandle(SocketOutbox.class, "queued", int.class);
            QUEUED_BYTES = lookup.findVarHandle(SocketOutbox.class, "queuedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Channel channel;
    private final WebsocketOutbound out;
    private final int frameLimit;
    private final long byteLimit;
    private final LoopBatcher batcher;
    private final FrameWriter writer;
    /** Netty's buffer for this channel, looked up once (the channel's own reference is cleared on close). */
    private final ChannelOutboundBuffer nettyBuffer;
    /** Frames and bytes sent but not yet handed to the socket or Netty; fields, not objects, to keep a delivery's memory reads few. */
    private volatile int queued;
    private volatile long queuedBytes;
    private boolean flushPending;
    private volatile boolean overflowed;
    volatile long lastActivity = System.nanoTime();
    SocketConnection connection;

    SocketOutbox(Channel channel, WebsocketOutbound out, int frameLimit, long byteLimit, LoopBatcher batcher,
            FrameWriter writer) {
        this.channel = channel;
        this.out = out;
        this.frameLimit = frameLimit;
        this.byteLimit = byteLimit;
        this.batcher = batcher;
        this.writer = writer;
        this.nettyBuffer = channel.unsafe().outboundBuffer();
    }

    FrameWriter writer() {
        return writer;
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    @Override
    public boolean send(Frame frame) {
        // Only this outbox's own fields are read here: Netty's buffer is measured on the loop.
        if (overflowed) {
            return false;
        }
        int size = frame.bytes().length;
        long bytesBefore = (long) QUEUED_BYTES.getAndAdd(this, (long) size);
        // One frame larger than the byte bound still goes to a client that has nothing waiting.
        if ((int) QUEUED.getAndAdd(this, 1) + 1 > frameLimit || (bytesBefore > 0 && bytesBefore + size > byteLimit)) {
            QUEUED.getAndAdd(this, -1);
            QUEUED_BYTES.getAndAdd(this, (long) -size);
            return false;
        }
        batcher.offer(this, frame);
        return true;
    }

    @Override
    public int queued() {
        return queued;
    }

    /** On the event loop. Writing is not activity: the idle timeout counts only what the client sends. */
    @Override
    public void write(Frame frame, LoopBatcher loop) {
        QUEUED.getAndAdd(this, -1);
        QUEUED_BYTES.getAndAdd(this, (long) -frame.bytes().length);
        if (!channel.isActive()) {
            return;
        }
        if (writer.write(frame, loop) && !flushPending) {
            flushPending = true;
            loop.needsFlush(this);
        }
    }

    @Override
    public void flush() {
        flushPending = false;
        channel.flush();
        // What the kernel would not take waits in Netty; past a bound the client is a slow consumer.
        if (nettyBuffer != null && (nettyBuffer.size() + queued > frameLimit
                || nettyBuffer.totalPendingWriteBytes() + queuedBytes > byteLimit)) {
            overflowed = true;
        }
    }

    /**
     * A close frame queues behind whatever the client has not read, so a client that stopped
     * reading would never see it: the connection is closed without it after a grace period.
     */
    @Override
    public void close(int code) {
        out.sendClose(code, "").subscribe(null, failure -> { });
        channel.eventLoop().schedule(() -> {
            if (channel.isActive()) {
                channel.close();
            }
        }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
