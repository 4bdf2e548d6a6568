package io.phoenixspring.channels.transport.websocket;

import io.netty.channel.Channel;
import io.phoenixspring.channels.message.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one WebSocket's frames reach its connection, on the connection's event loop. The
 * {@link PipelineWriter} hands frames to Netty's pipeline and is always right; the
 * {@link DirectWriter} writes with one system call per frame and is chosen only for a connection
 * whose pipeline it can prove it is equivalent to.
 *
 * <pre>{@code
 * FrameWriter writer = FrameWriter.choose(channel, true);
 * boolean needsFlush = writer.write(frame, loop);
 * }</pre>
 */
interface FrameWriter {

    /**
     * Writes one frame on the event loop, from the loop's shared encoding.
     *
     * @return whether bytes wait in Netty's outbound buffer for a flush
     */
    boolean write(Frame frame, LoopBatcher loop);

    /**
     * The direct writer where {@code directAllowed} and the connection's pipeline allows it,
     * the pipeline writer everywhere else.
     */
    static FrameWriter choose(Channel channel, boolean directAllowed) {
        if (directAllowed) {
            String refusal = DirectWriter.refusal(channel);
            if (refusal == null) {
                return new DirectWriter(channel);
            }
            Log.LOG.debug("WebSocket frames go through Netty's pipeline: {}", refusal);
        }
        return new PipelineWriter(channel);
    }

    /** The interface's logger (interfaces cannot hold private constants). */
    final class Log {
        static final Logger LOG = LoggerFactory.getLogger(FrameWriter.class);

        private Log() {
        }
    }
}
