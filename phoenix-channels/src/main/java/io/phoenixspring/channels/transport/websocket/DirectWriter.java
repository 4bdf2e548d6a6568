package io.phoenixspring.channels.transport.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.epoll.AbstractEpollStreamChannel;
import io.phoenixspring.channels.message.Frame;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Writes a WebSocket frame with one {@code send(2)} straight to the connection's epoll socket,
 * from the bytes its event loop encoded once for every socket: no copy, no per-socket buffer, no
 * pipeline pass. Whatever the kernel does not take, or anything behind bytes Netty still holds,
 * goes through the pipeline in order.
 *
 * <p>Skipping the pipeline is only equivalent when the pipeline would pass the bytes through
 * untouched, so {@link #refusal} accepts a connection only if every handler in it is one of the
 * handlers Reactor Netty installs for a plain-TCP WebSocket, none of which touch outbound bytes.
 * TLS ({@code SslHandler}), compression, wiretap, channel metrics or any handler an application
 * adds make the connection use the {@link PipelineWriter}.
 */
final class DirectWriter implements FrameWriter {

    /**
     * Handlers of a plain WebSocket connection that never see or change outbound bytes, by class
     * name (some are package-private): the frame codec passes ready bytes on, the rest are inbound.
     */
    private static final Set<String> TRANSPARENT = Set.of(
            "io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder",
            "io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder",
            "io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder",
            "io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder",
            "io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator",
            "io.netty.handler.codec.http.websocketx.Utf8FrameValidator",
            "reactor.netty.channel.ChannelOperationsHandler");

    private final Channel channel;
    private final io.netty.channel.unix.Socket socket;
    /** Netty's buffer for this channel, looked up once (the channel's own reference is cleared on close). */
    private final ChannelOutboundBuffer nettyBuffer;

    DirectWriter(Channel channel) {
        this.channel = channel;
        this.socket = (io.netty.channel.unix.Socket) ((AbstractEpollStreamChannel) channel).fd();
        this.nettyBuffer = channel.unsafe().outboundBuffer();
    }

    /** Why frames to this connection must go through the pipeline, or null if writing directly is equivalent. */
    static String refusal(Channel channel) {
        if (!(channel instanceof AbstractEpollStreamChannel epoll) || !(epoll.fd() instanceof io.netty.channel.unix.Socket)) {
            return "not an epoll socket (" + channel.getClass().getSimpleName() + ")";
        }
        if (channel.unsafe().outboundBuffer() == null) {
            return "the connection is closed";
        }
        for (Map.Entry<String, ChannelHandler> handler : channel.pipeline()) {
            if (!TRANSPARENT.contains(handler.getValue().getClass().getName())) {
                return "the pipeline has " + handler.getKey() + " (" + handler.getValue().getClass().getName() + ")";
            }
        }
        return null;
    }

    @Override
    public boolean write(Frame frame, LoopBatcher loop) {
        ByteBuf wire = loop.wire(frame);
        int length = wire.readableBytes();
        int written = 0;
        // Netty's count includes written-but-unflushed messages: bytes only go direct when none wait.
        if (wire.hasMemoryAddress() && nettyBuffer.totalPendingWriteBytes() == 0) {
            try {
                // send(2) rather than write(2): a socket needs no trip through the file layer.
                written = socket.sendAddress(wire.memoryAddress(), wire.readerIndex(), wire.writerIndex());
            } catch (IOException e) {
                // Netty's own write below reports the failure and closes the connection.
                written = 0;
            }
            if (written == length) {
                return false;
            }
        }
        // The socket is full or Netty holds earlier bytes: the rest queues behind them, as bytes
        // (the pipeline was checked to pass them through untouched).
        channel.write(wire.retainedSlice(wire.readerIndex() + written, length - written), channel.voidPromise());
        return true;
    }
}
