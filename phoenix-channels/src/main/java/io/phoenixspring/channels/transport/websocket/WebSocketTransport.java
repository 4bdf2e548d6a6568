package io.phoenixspring.channels.transport.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.phoenixspring.channels.serializer.Frame;
import io.phoenixspring.channels.socket.MountedSocket;
import io.phoenixspring.channels.socket.Outbound;
import io.phoenixspring.channels.socket.SocketConnection;
import io.phoenixspring.channels.socket.SocketRuntime;
import io.phoenixspring.channels.transport.TransportRequests;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The WebSocket transport ({@code <path>/websocket}) on Reactor Netty, mounted in WebFlux. It
 * checks the origin and runs the socket's connect before upgrading, so a refusal is a plain HTTP
 * 403 as in Phoenix; after the upgrade it only moves frames between the network and the
 * {@link SocketConnection}: it knows nothing of channels.
 *
 * <pre>{@code
 * WebHandler websocket = new WebSocketTransport(runtime, mountedSocket);
 * }</pre>
 *
 * <p>Outbound frames skip WebFlux's reactive session: they queue on their event loop's
 * {@link LoopBatcher}, so a broadcast to thousands of sockets costs one task per event loop, and a
 * fastlane frame is encoded once per loop and written from the same bytes to every socket.
 */
public final class WebSocketTransport implements WebHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);
    private static final String SUBPROTOCOL = "phoenix";

    private final SocketRuntime runtime;
    private final MountedSocket mount;
    private final WebsocketServerSpec spec;
    private final WebsocketServerSpec specWithSubprotocol;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final Map<io.netty.channel.EventLoop, LoopBatcher> batchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService idleSweeper;

    public WebSocketTransport(SocketRuntime runtime, MountedSocket mount) {
        this.runtime = runtime;
        this.mount = mount;
        this.spec = WebsocketServerSpec.builder()
                .maxFramePayloadLength(mount.options().maxFrameSize())
                .compress(mount.options().compress())
                .build();
        // Reactor Netty runs the handler only when a listed subprotocol was selected, so the
        // "phoenix" subprotocol (sent by the JS client with an authToken) is listed only when asked for.
        this.specWithSubprotocol = WebsocketServerSpec.builder()
                .protocols(SUBPROTOCOL)
                .maxFramePayloadLength(mount.options().maxFrameSize())
                .compress(mount.options().compress())
                .build();
        this.idleSweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "phoenix-ws-idle");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, Math.min(1000, mount.options().websocketTimeout().toMillis() / 10));
        idleSweeper.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET
                || !"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return exchange.getResponse().setComplete();
        }
        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (!mount.options().checkOrigin().allows(origin)) {
            log.warn("Refusing WebSocket connection to {}: origin {} is not allowed (check_origin)", mount.path(), origin);
            return forbidden(exchange);
        }
        Map<String, String> params = TransportRequests.params(exchange.getRequest());
        // connect runs on the channel pool; the upgrade must happen back on the connection's event
        // loop, or frames the client sends right after the 101 can reach the finished HTTP
        // exchange and be dropped before the WebSocket receiver is subscribed.
        reactor.core.scheduler.Scheduler loop = reactor.core.scheduler.Schedulers.fromExecutor(eventLoop(exchange));
        return runtime.authorize(mount, params, TransportRequests.connectInfo(exchange, mount), "websocket")
                .publishOn(loop)
                .flatMap(connected -> connected.accepted() ? upgrade(exchange, connected) : forbidden(exchange));
    }

    private static java.util.concurrent.Executor eventLoop(ServerWebExchange exchange) {
        HttpServerResponse response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        return ((reactor.netty.Connection) response).channel().eventLoop();
    }

    private Mono<Void> upgrade(ServerWebExchange exchange, SocketRuntime.Connected connected) {
        HttpServerResponse response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        java.util.List<String> requested = exchange.getRequest().getHeaders().get("Sec-WebSocket-Protocol");
        boolean phoenixRequested = requested != null && requested.stream()
                .flatMap(header -> java.util.Arrays.stream(header.split(",")))
                .anyMatch(protocol -> SUBPROTOCOL.equals(protocol.trim()));
        WebsocketServerSpec chosen = phoenixRequested ? specWithSubprotocol : spec;
        // Committing the WebFlux response first runs its pre-commit actions, as Spring's own upgrade does.
        return exchange.getResponse().setComplete()
                .then(Mono.defer(() -> response.sendWebsocket((in, out) -> serve(connected, in, out), chosen)));
    }

    private Mono<Void> serve(SocketRuntime.Connected connected, WebsocketInbound in, WebsocketOutbound out) {
        Channel[] channel = new Channel[1];
        out.withConnection(connection -> channel[0] = connection.channel());
        Session session = new Session(channel[0], out, mount.options().outboundLimit(),
                batchers.computeIfAbsent(channel[0].eventLoop(), LoopBatcher::new), !mount.options().compress());
        session.connection = runtime.open(connected, session);
        sessions.add(session);
        return in.aggregateFrames(mount.options().maxFrameSize())
                .receiveFrames()
                .doOnNext(frame -> {
                    session.touch();
                    session.connection.receive(toFrame(frame));
                })
                .then()
                .onErrorResume(failure -> {
                    if (failure instanceof io.netty.handler.codec.TooLongFrameException
                            || failure instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException) {
                        log.warn("Closing a WebSocket of {}: frame larger than {} bytes", mount.path(), mount.options().maxFrameSize());
                        session.connection.closeWith(SocketConnection.CLOSE_TOO_BIG, "frame_too_big");
                    } else if (failure instanceof java.io.IOException) {
                        // A client that vanished (reset, broken pipe) is ordinary network life.
                        log.debug("WebSocket of {} lost: {}", mount.path(), failure.toString());
                    } else {
                        log.warn("WebSocket of {} failed: {}", mount.path(), failure.toString());
                    }
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    sessions.remove(session);
                    session.connection.closed();
                });
    }

    private static Frame toFrame(WebSocketFrame frame) {
        byte[] bytes = ByteBufUtil.getBytes(frame.content());
        return frame instanceof BinaryWebSocketFrame ? Frame.binary(bytes) : Frame.text(bytes);
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        return exchange.getResponse().setComplete();
    }

    private void closeIdle() {
        long limit = System.nanoTime() - mount.options().websocketTimeout().toNanos();
        for (Session session : sessions) {
            if (session.lastActivity < limit) {
                log.debug("Closing WebSocket idle for {}", mount.options().websocketTimeout());
                session.connection.closeWith(SocketConnection.CLOSE_PROTOCOL_ERROR, "timeout");
            }
        }
    }

    @Override
    public void close() {
        idleSweeper.shutdownNow();
    }

    /** Number of open WebSocket connections of this mount. */
    public int sessionCount() {
        return sessions.size();
    }

    /**
     * One event loop's outbound queue: every frame for every session on that loop, in the order
     * they were sent, written by one task per burst. A broadcast to thousands of sockets thus costs
     * one small node per delivery and one task per event loop. The queue is a single-consumer
     * linked list whose nodes are the deliveries; frames for one session stay in order because a
     * session always lives on the same loop.
     */
    static final class LoopBatcher implements Runnable {
        /** An encoding larger than this is not kept for the loop's next run: an idle loop holds no big buffer. */
        static final int RETAINED_ENCODING_LIMIT = 16 * 1024;

        /** Where the loop's deliveries go: a {@link Session} (an interface so the queue can be tested on its own). */
        interface Target {
            /** On the loop; may ask for {@link #flush()} at the end of the run with {@link LoopBatcher#needsFlush}. */
            void write(Frame frame, LoopBatcher loop);

            void flush();
        }

        private final java.util.concurrent.Executor loop;
        private final AtomicReference<Delivery> tail;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        /** Consumer side, only touched on the loop. */
        private Delivery head;
        private final java.util.ArrayList<Target> unflushed = new java.util.ArrayList<>();
        private Frame encodedFrame;
        private ByteBuf encodedWire;

        LoopBatcher(java.util.concurrent.Executor loop) {
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
                current.frame = null;
                current.target = null;
                current = next;
                try {
                    current.target.write(current.frame, this);
                } catch (RuntimeException e) {
                    // One socket's failure must not stop the loop's queue (or replay it).
                    log.warn("could not write a frame to a WebSocket", e);
                }
            }
            head = current;
            for (int i = 0; i < unflushed.size(); i++) {
                unflushed.get(i).flush();
            }
            unflushed.clear();
            if (encodedWire != null && encodedWire.capacity() > RETAINED_ENCODING_LIMIT) {
                releaseEncoding();
            }
        }

        /** The frame's wire bytes, encoded once per loop; valid until the next call on this loop. */
        ByteBuf wire(Frame frame) {
            if (frame != encodedFrame) {
                releaseEncoding();
                encodedWire = WireFrames.encode(frame);
                encodedFrame = frame;
            }
            return encodedWire;
        }

        private void releaseEncoding() {
            if (encodedWire != null) {
                encodedWire.release();
                encodedWire = null;
                encodedFrame = null;
            }
        }

        void needsFlush(Target target) {
            unflushed.add(target);
        }
    }

    /** A frame on its way to a session: the node of its loop's queue. */
    private static final class Delivery {
        LoopBatcher.Target target;
        Frame frame;
        volatile Delivery next;

        Delivery(LoopBatcher.Target target, Frame frame) {
            this.target = target;
            this.frame = frame;
        }
    }

    /**
     * The outbound side of one WebSocket. Frames go through the connection's {@link LoopBatcher};
     * on the loop, a frame whose connection has nothing pending in Netty is written straight to
     * the socket (epoll) from the loop's shared encoding: no copy, no per-socket buffer, no
     * pipeline pass. Anything else takes Netty's path, which waits for writability. Frames not
     * yet written to the network are bounded; past the bound the client is a slow consumer.
     */
    static final class Session implements Outbound, LoopBatcher.Target {
        private static final java.lang.invoke.VarHandle QUEUED;

        static {
            try {
                QUEUED = java.lang.invoke.MethodHandles.lookup().findVarHandle(Session.class, "queued", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Channel channel;
        private final WebsocketOutbound out;
        private final int limit;
        private final LoopBatcher batcher;
        private final boolean rawWrites;
        private final io.netty.channel.unix.Socket socket;
        /** Frames sent but not yet handed to the socket or Netty; a field, not an object, to keep a delivery's memory reads few. */
        private volatile int queued;
        /** Netty's buffer for this channel, looked up once (the channel's own reference is cleared on close). */
        private final ChannelOutboundBuffer nettyBuffer;
        private boolean flushPending;
        private volatile boolean overflowed;
        volatile long lastActivity = System.nanoTime();
        SocketConnection connection;

        Session(Channel channel, WebsocketOutbound out, int limit, LoopBatcher batcher, boolean rawWrites) {
            this.rawWrites = rawWrites;
            this.channel = channel;
            this.out = out;
            this.limit = limit;
            this.batcher = batcher;
            this.socket = rawWrites && channel instanceof io.netty.channel.epoll.AbstractEpollStreamChannel epoll
                    && epoll.fd() instanceof io.netty.channel.unix.Socket linux ? linux : null;
            this.nettyBuffer = channel.unsafe().outboundBuffer();
        }

        void touch() {
            lastActivity = System.nanoTime();
        }

        @Override
        public boolean send(Frame frame) {
            // Only this session's own fields are read here: Netty's buffer is measured on the loop.
            if (overflowed || (int) QUEUED.getAndAdd(this, 1) + 1 > limit) {
                if (!overflowed) {
                    QUEUED.getAndAdd(this, -1);
                }
                return false;
            }
            batcher.offer(this, frame);
            return true;
        }

        /** On the event loop. Writing is not activity: the idle timeout counts only what the client sends. */
        @Override
        public void write(Frame frame, LoopBatcher loop) {
            QUEUED.getAndAdd(this, -1);
            if (!channel.isActive()) {
                return;
            }
            if (!rawWrites) {
                ByteBuf bytes = Unpooled.wrappedBuffer(frame.bytes());
                channel.write(frame.binary() ? new BinaryWebSocketFrame(bytes) : new TextWebSocketFrame(bytes), channel.voidPromise());
                markUnflushed(loop);
                return;
            }
            ByteBuf wire = loop.wire(frame);
            int length = wire.readableBytes();
            int written = 0;
            if (socket != null && wire.hasMemoryAddress() && !flushPending && nothingPending()) {
                try {
                    // send(2) rather than write(2): a socket needs no trip through the file layer.
                    written = socket.sendAddress(wire.memoryAddress(), wire.readerIndex(), wire.writerIndex());
                } catch (java.io.IOException e) {
                    // Netty's own write reports the failure and closes the connection.
                    written = 0;
                }
                if (written == length) {
                    return;
                }
            }
            // The socket is full or Netty holds earlier bytes: the rest queues behind them.
            channel.write(wire.retainedSlice(wire.readerIndex() + written, length - written), channel.voidPromise());
            markUnflushed(loop);
        }

        private void markUnflushed(LoopBatcher loop) {
            if (!flushPending) {
                flushPending = true;
                loop.needsFlush(this);
            }
        }

        @Override
        public void flush() {
            flushPending = false;
            channel.flush();
            // What the kernel would not take waits in Netty; past the limit the client is a slow consumer.
            if (nettyBuffered() + queued > limit) {
                overflowed = true;
            }
        }

        private boolean nothingPending() {
            return nettyBuffer != null && nettyBuffer.totalPendingWriteBytes() == 0;
        }

        private int nettyBuffered() {
            return nettyBuffer == null ? 0 : nettyBuffer.size();
        }

        @Override
        public void close(int code) {
            out.sendClose(code, "").subscribe(null, failure -> { });
        }
    }
}
