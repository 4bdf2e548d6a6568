package io.phoenixspring.channels.transport.websocket;

import io.netty.buffer.ByteBuf;
import io.phoenixspring.channels.message.Frame;
import java.util.ArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event loop's outbound queue: every frame for every WebSocket on that loop, in the order
 * they were sent, written by one task per burst. A broadcast to thousands of sockets thus costs
 * one small node per delivery and one task per event loop, and its bytes are encoded once per
 * loop ({@link #payload}, {@link #wire}) and shared by every socket of the loop. The queue is a
 * single-consumer linked list whose nodes are the deliveries; frames for one socket stay in
 * order because a socket always lives on the same loop.
 */
final class LoopBatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LoopBatcher.class);

    /** An encoding larger than this is not kept for the loop's next run: an idle loop holds no big buffer. */
    static final int RETAINED_ENCODING_LIMIT = 16 * 1024;

    /** Where the loop's deliveries go: a {@link SocketOutbox} (an interface so the queue can be tested on its own). */
    interface Target {
        /** On the loop; may ask for {@link #flush()} at the end of the run with {@link LoopBatcher#needsFlush}. */
        void write(Frame frame, LoopBatcher loop);

        void flush();
    }

    private final Executor loop;
    private final AtomicReference<Delivery> tail;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Consumer side, only touched on the loop. */
    private Delivery head;
    private final ArrayList<Target> unflushed = new ArrayList<>();
    private final Encoding wire = new Encoding(true);
    private final Encoding payload = new Encoding(false);

    LoopBatcher(Executor loop) {
        this.loop = loop;
        Delivery stub = new Delivery(null, null);
        this.head = stub;
        this.tail = new AtomicReference<>(stub);
    }

    void offer(Target target, Frame frame) {
        Delivery delivery = new Delivery(target, frame);
        Delivery previous = tail.getAndSet(delivery);
        previous.next = delivery;
        // Checked after linking: a run that already started has cleared the flag and is rescheduled here.
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }

    @Override
    public void run() {
        scheduled.set(false);
        // The head is kept in a local while draining: it is the only field written per delivery.
        Delivery current = head;
        Delivery next;
        while ((next = current.next) != null) {
            current.clear();
            current = next;
            try {
                current.target.write(current.frame, this);
            } catch (RuntimeException e) {
                // One socket's failure must not stop the loop's queue (or replay it).
                log.warn("could not write a frame to a WebSocket: {}", e.toString());
            }
        }
        // The last node stays as the queue's stub: it must not keep its frame (up to megabytes) alive.
        current.clear();
        head = current;
        for (int i = 0; i < unflushed.size(); i++) {
            unflushed.get(i).flush();
        }
        unflushed.clear();
        wire.releaseIfLarge();
        payload.releaseIfLarge();
    }

    /** The frame as it goes on the wire (header and payload), encoded once per loop; valid until the next call on this loop. */
    ByteBuf wire(Frame frame) {
        return wire.of(frame);
    }

    /** The frame's payload in a direct buffer, encoded once per loop; valid until the next call on this loop. */
    ByteBuf payload(Frame frame) {
        return payload.of(frame);
    }

    /**
     * Releases the encodings the loop keeps between runs, on the loop (where they are used); at
     * once if the loop no longer runs tasks. Called when the transport closes.
     */
    void close() {
        Runnable release = () -> {
            wire.release();
            payload.release();
        };
        try {
            loop.execute(release);
        } catch (java.util.concurrent.RejectedExecutionException loopGone) {
            release.run();
        }
    }

    void needsFlush(Target target) {
        unflushed.add(target);
    }

    /** Whether the loop holds no frame and no encoding larger than {@link #RETAINED_ENCODING_LIMIT} (tests). */
    boolean holdsNoLargeBuffer() {
        return head.frame == null && wire.small() && payload.small();
    }

    /** The last frame encoded one way on this loop, kept while the next deliveries carry the same frame. */
    private static final class Encoding {
        private final boolean withHeader;
        private Frame frame;
        private ByteBuf bytes;

        Encoding(boolean withHeader) {
            this.withHeader = withHeader;
        }

        ByteBuf of(Frame next) {
            if (next != frame) {
                release();
                bytes = withHeader ? FrameBytes.encode(next) : FrameBytes.payload(next);
                frame = next;
            }
            return bytes;
        }

        void releaseIfLarge() {
            if (!small()) {
                release();
            }
        }

        boolean small() {
            return bytes == null || bytes.capacity() <= RETAINED_ENCODING_LIMIT;
        }

        void release() {
            if (bytes != null) {
                bytes.release();
                bytes = null;
                frame = null;
            }
        }
    }

    /** A frame on its way to a socket: the node of its loop's queue. */
    private static final class Delivery {
        Target target;
        Frame frame;
        volatile Delivery next;

        Delivery(Target target, Frame frame) {
            this.target = target;
            this.frame = frame;
        }

        void clear() {
            target = null;
            frame = null;
        }
    }
}
