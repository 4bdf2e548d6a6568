package io.phoenixspring.channels.transport.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.phoenixspring.channels.message.Frame;
import java.io.ByteArrayOutputStream;

/**
 * Joins a WebSocket message's fragments (a first frame and its continuations) into one
 * {@link Frame}, refusing a message larger than the socket's limit. Netty's aggregator does the
 * same but reports the overflow again for every further fragment of the message, after the
 * connection's inbound stream has already ended; here the overflow is one answer, and the rest
 * of the message is dropped quietly.
 */
final class MessageAssembler {

    /** What {@link #add} answers for a message over the limit (once per message). */
    static final Frame TOO_BIG = Frame.text(new byte[0]);

    private final int limit;
    private ByteArrayOutputStream partial;
    private boolean binary;
    private boolean discarding;

    MessageAssembler(int limit) {
        this.limit = limit;
    }

    /**
     * Adds a received frame (its bytes are copied: Reactor Netty releases it afterwards).
     *
     * @return the whole message, {@link #TOO_BIG}, or null while the message goes on or is being dropped
     */
    Frame add(WebSocketFrame frame) {
        boolean continuation = frame instanceof ContinuationWebSocketFrame;
        if (!continuation && !(frame instanceof TextWebSocketFrame) && !(frame instanceof BinaryWebSocketFrame)) {
            return null;
        }
        if (!continuation) {
            // A new message; an unfinished one before it was a protocol error of the client's, and is dropped.
            partial = null;
            discarding = false;
            binary = frame instanceof BinaryWebSocketFrame;
            if (frame.isFinalFragment()) {
                return whole(frame.content());
            }
            partial = new ByteArrayOutputStream();
        } else if (partial == null) {
            if (discarding && frame.isFinalFragment()) {
                discarding = false;
            }
            return null;
        }
        ByteBuf content = frame.content();
        if ((long) partial.size() + content.readableBytes() > limit) {
            partial = null;
            discarding = !frame.isFinalFragment();
            return TOO_BIG;
        }
        byte[] chunk = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), chunk);
        partial.writeBytes(chunk);
        if (!frame.isFinalFragment()) {
            return null;
        }
        byte[] bytes = partial.toByteArray();
        partial = null;
        return binary ? Frame.binary(bytes) : Frame.text(bytes);
    }

    private Frame whole(ByteBuf content) {
        if (content.readableBytes() > limit) {
            return TOO_BIG;
        }
        byte[] bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        return binary ? Frame.binary(bytes) : Frame.text(bytes);
    }
}
