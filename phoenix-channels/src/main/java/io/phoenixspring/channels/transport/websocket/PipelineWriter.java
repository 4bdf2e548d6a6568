package io.phoenixspring.channels.transport.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.phoenixspring.channels.serializer.Frame;

/**
 * Writes WebSocket frames through Netty's whole pipeline, so TLS, per-message compression,
 * wiretap, Reactor Netty's channel metrics and any handler an application adds see every frame.
 * As in Netty's {@code DefaultChannelGroup}, the sockets of one event loop share one payload
 * buffer: each gets a retained duplicate, and Netty's encoder adds the frame header per socket.
 */
final class PipelineWriter implements FrameWriter {

    private final Channel channel;

    PipelineWriter(Channel channel) {
        this.channel = channel;
    }

    @Override
    public boolean write(Frame frame, LoopBatcher loop) {
        ByteBuf content = loop.payload(frame).retainedDuplicate();
        channel.write(frame.binary() ? new BinaryWebSocketFrame(content) : new TextWebSocketFrame(content),
                channel.voidPromise());
        return true;
    }
}
