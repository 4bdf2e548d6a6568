package io.phoenixspring.channels.transport.websocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.phoenixspring.channels.message.Frame;
import java.util.Map;

/**
 * Writes WebSocket frames through Netty's pipeline, so TLS, per-message compression, wiretap,
 * Reactor Netty's channel metrics and any handler an application adds see every frame. As in
 * Netty's {@code DefaultChannelGroup}, the sockets of one event loop share one buffer: each gets
 * a retained duplicate.
 *
 * <p>Where the pipeline works on frames, past Netty's WebSocket frame encoder (compression, or
 * any outbound handler an application put there), each socket gets a frame object around the
 * shared payload and the whole pipeline runs. Where nothing past the encoder writes, the shared
 * bytes are the frame already encoded (a server's frames are unmasked, so the encoder would make
 * the same bytes for every socket) and are written from the encoder's place: every handler that
 * works on bytes (TLS, wiretap, metrics, traffic shaping) still sees them, and no socket pays for
 * a frame object, a header buffer and a copy of small payloads.
 */
final class PipelineWriter implements FrameWriter {

    private final Channel channel;
    /** Netty's buffer for this channel, looked up once (the channel's own reference is cleared on close). */
    private final io.netty.channel.ChannelOutboundBuffer nettyBuffer;
    /** Where the shared, already-encoded bytes enter the pipeline; null when frames must run the whole pipeline. */
    private final ChannelHandlerContext encoder;

    PipelineWriter(Channel channel) {
        this.channel = channel;
        this.nettyBuffer = channel.unsafe().outboundBuffer();
        this.encoder = encoderWithNothingAfter(channel);
    }

    /** Whether frames run the whole pipeline (a handler past the encoder works on frames). */
    boolean writesFrameObjects() {
        return encoder == null;
    }

    /**
     * A socket with nothing waiting in Netty is flushed at once, as the direct writer sends at once:
     * each socket's buffers are touched once per broadcast instead of again in a second pass after
     * thousands of others. Behind waiting bytes the frame joins them and the loop flushes at the end.
     */
    @Override
    public boolean write(Frame frame, LoopBatcher loop) {
        boolean idle = nettyBuffer != null && nettyBuffer.totalPendingWriteBytes() == 0;
        Object message;
        if (encoder != null) {
            message = loop.wire(frame).retainedDuplicate();
        } else {
            var content = loop.payload(frame).retainedDuplicate();
            message = frame.binary() ? new BinaryWebSocketFrame(content) : new TextWebSocketFrame(content);
        }
        if (idle) {
            if (encoder != null) {
                encoder.writeAndFlush(message, channel.voidPromise());
            } else {
                channel.writeAndFlush(message, channel.voidPromise());
            }
            return false;
        }
        if (encoder != null) {
            encoder.write(message, channel.voidPromise());
        } else {
            channel.write(message, channel.voidPromise());
        }
        return true;
    }

    /** The frame encoder's context if no outbound handler sits between it and the pipeline's tail. */
    private static ChannelHandlerContext encoderWithNothingAfter(Channel channel) {
        ChannelHandlerContext encoder = null;
        for (Map.Entry<String, ChannelHandler> entry : channel.pipeline()) {
            ChannelHandler handler = entry.getValue();
            if (encoder == null) {
                if (handler instanceof WebSocketFrameEncoder) {
                    encoder = channel.pipeline().context(handler);
                }
            } else if (handler instanceof ChannelOutboundHandler) {
                return null;
            }
        }
        return encoder;
    }
}
