package io.phoenixspring.web.endpoint;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;

/**
 * The header timeout of one HTTP/1.1 connection: two handlers around the HTTP codec sharing this
 * state, on the connection's event loop. The one before the codec sees bytes arrive (the start of
 * a head), the one after it sees the decoded head and the response go out. The timer runs from the
 * connection's start (first request) or from the first byte after a response (later requests: the
 * wait before it is the idle timeout's) until the head is decoded. A 101 response ends it all.
 */
final class RequestHeadTimeout {

    static final String BYTES = "phoenix.requestHeadTimeout.bytes";
    static final String MESSAGES = "phoenix.requestHeadTimeout.messages";

    private static final Logger log = LoggerFactory.getLogger(HttpServerLimits.class);
    private static final byte[] REQUEST_TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\n"
            + "connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final long timeoutNanos;
    private ScheduledFuture<?> timer;
    private boolean awaitingHead = true;
    private boolean headStarted;
    private long heads;
    private long responses;
    private boolean requestComplete = true;
    private boolean informational;
    private ChannelHandlerContext bytesContext;

    private RequestHeadTimeout(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    static void install(ChannelPipeline pipeline, Duration timeout) {
        RequestHeadTimeout state = new RequestHeadTimeout(timeout);
        pipeline.addBefore(NettyPipeline.HttpCodec, BYTES, state.new Bytes());
        pipeline.addAfter(NettyPipeline.HttpCodec, MESSAGES, state.new Messages());
    }

    private void arm(ChannelHandlerContext ctx) {
        if (timer == null) {
            timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (!awaitingHead || !ctx.channel().isActive()) {
            return;
        }
        if (log.isDebugEnabled()) {
            log.debug("Closing {}: the request head did not arrive within {} ms", ctx.channel().remoteAddress(),
                    TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        }
        if (headStarted) {
            // Written below the codec: there is no request for the server to answer through it.
            ctx.writeAndFlush(Unpooled.wrappedBuffer(REQUEST_TIMEOUT)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    private void headDecoded(boolean complete) {
        cancel();
        awaitingHead = false;
        headStarted = false;
        heads++;
        requestComplete = complete;
    }

    private void maybeAwaitNext() {
        if (requestComplete && heads == responses) {
            awaitingHead = true;
        }
    }

    /** Before the codec: bytes arriving start the clock of a head. */
    private final class Bytes extends ChannelInboundHandlerAdapter {

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            bytesContext = ctx;
            if (ctx.channel().isActive()) {
                arm(ctx);
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            arm(ctx);
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (awaitingHead && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                headStarted = true;
                arm(ctx);
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            cancel();
            super.channelInactive(ctx);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            cancel();
        }
    }

    /** After the codec: a decoded head stops the clock; a complete exchange lets the next head start it. */
    private final class Messages extends ChannelDuplexHandler {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest) {
                headDecoded(msg instanceof LastHttpContent);
            } else if (msg instanceof LastHttpContent) {
                requestComplete = true;
                maybeAwaitNext();
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            boolean upgraded = false;
            if (msg instanceof HttpResponse response) {
                HttpResponseStatus status = response.status();
                upgraded = status.code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
                informational = status.codeClass() == io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL;
            }
            if (msg instanceof LastHttpContent && !informational) {
                responses++;
                maybeAwaitNext();
            }
            super.write(ctx, msg, promise);
            if (upgraded) {
                // A WebSocket (or other upgraded protocol) has its own timeouts.
                cancel();
                ctx.pipeline().remove(this);
                if (bytesContext != null && !bytesContext.isRemoved()) {
                    ctx.pipeline().remove(bytesContext.handler());
                }
            }
        }
    }
}
