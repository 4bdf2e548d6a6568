package io.phoenixspring.channels.server;

import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.message.Message;
import io.phoenixspring.channels.message.Reply;
import io.phoenixspring.channels.serializer.InvalidMessageException;
import io.phoenixspring.channels.serializer.Serializer;
import io.phoenixspring.channels.serializer.UnroutableMessageException;
import io.phoenixspring.channels.socket.Outbound;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.pubsub.Subscriber;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client, whatever its transport: the socket-level half of Phoenix's protocol
 * (heartbeats, joins, routing by topic, leaves, unmatched topics, socket id disconnects). Its
 * state changes run in a mailbox that borrows the calling thread, so frames are handled in
 * arrival order without a thread of its own; channel callbacks run in their own mailboxes.
 *
 * <pre>{@code
 * SocketConnection connection = runtime.open(connected, outbound);
 * connection.receive(Frame.text("[null,\"1\",\"phoenix\",\"heartbeat\",{}]"));
 * connection.closed(); // when the transport goes away
 * }</pre>
 */
public final class SocketConnection {

    /** Close codes the transports use, as Phoenix (on Bandit) sends them. */
    public static final int CLOSE_NORMAL = 1000;
    public static final int CLOSE_PROTOCOL_ERROR = 1002;
    public static final int CLOSE_TOO_BIG = 1009;
    public static final int CLOSE_SERVER_ERROR = 1011;
    public static final int CLOSE_RESTART = 1012;
    public static final int CLOSE_TRY_AGAIN_LATER = 1013;

    private static final Logger log = LoggerFactory.getLogger(SocketConnection.class);
    private static final Map<String, Object> EMPTY = Map.of();

    private final SocketRuntime runtime;
    private final MountedSocket mount;
    private final Serializer serializer;
    private final Socket socket;
    private final Outbound outbound;
    private final Mailbox mailbox = new Mailbox(Runnable::run);
    /** Written in the mailbox only; concurrent so diagnostics ({@link SocketRuntime#deepestMailboxes}) can read it. */
    private final Map<String, ChannelServer> channels = new java.util.concurrent.ConcurrentHashMap<>();
    /** A field rather than an AtomicBoolean: every delivery reads it. */
    private volatile boolean closed;
    private static final java.lang.invoke.VarHandle CLOSED;

    static {
        try {
            CLOSED = java.lang.invoke.MethodHandles.lookup().findVarHandle(SocketConnection.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private final Subscriber idSubscriber = this::onIdMessage;

    SocketConnection(SocketRuntime runtime, MountedSocket mount, Serializer serializer, Socket socket, Outbound outbound) {
        this.runtime = runtime;
        this.mount = mount;
        this.serializer = serializer;
        this.socket = socket;
        this.outbound = outbound;
    }

    void start() {
        if (socket.id() != null) {
            runtime.pubSub().subscribe(socket.id(), idSubscriber);
        }
    }

    public Socket socket() {
        return socket;
    }

    public Serializer serializer() {
        return serializer;
    }

    public boolean isClosed() {
        return closed;
    }

    /** A frame from the client. Never throws: bad frames close this connection only. */
    public void receive(Frame frame) {
        if (closed) {
            return;
        }
        Message message;
        try {
            message = serializer.decode(frame);
        } catch (UnroutableMessageException e) {
            send(e.reply());
            return;
        } catch (InvalidMessageException | IllegalArgumentException e) {
            runtime.metrics().invalidMessage();
            log.warn("Closing {} socket of {}: invalid message ({})", socket.transport(), mount.handlerName(), e.getMessage());
            closeWith(CLOSE_SERVER_ERROR, "invalid_message");
            return;
        }
        mailbox.execute(() -> {
            handle(message);
            return null;
        });
    }

    private void handle(Message message) {
        if (closed) {
            return;
        }
        String topic = message.topic();
        if ("phoenix".equals(topic)) {
            if ("heartbeat".equals(message.event())) {
                sendReply(new Reply("phoenix", "ok", EMPTY, message.ref(), null));
            } else {
                replyUnmatched(message);
            }
            return;
        }
        ChannelServer existing = channels.get(topic);
        switch (message.event()) {
            case "phx_join" -> join(message, existing, mount.route(topic));
            case "phx_leave" -> {
                if (existing == null) {
                    sendReply(new Reply(topic, "ok", EMPTY, message.ref(), message.joinRef()));
                } else {
                    existing.leave(message);
                }
            }
            default -> {
                if (existing == null) {
                    replyUnmatched(message);
                } else {
                    existing.handleIn(message);
                }
            }
        }
    }

    private void join(Message message, ChannelServer existing, ChannelRoute route) {
        if (route == null) {
            // Phoenix warns here: a client joining a topic no channel route covers is usually a bug.
            log.warn("Ignoring unmatched topic \"{}\" in {}", message.topic(), mount.handlerName());
            replyUnmatched(message);
            return;
        }
        if (existing == null && channels.size() >= mount.options().maxChannels()) {
            log.warn("Refusing join of \"{}\" in {}: the socket already has {} channels", message.topic(),
                    mount.handlerName(), channels.size());
            sendReply(new Reply(message.topic(), "error", Map.of("reason", "too many channels"),
                    message.ref(), message.joinRef()));
            return;
        }
        if (existing != null) {
            log.debug("Duplicate channel join for topic \"{}\" in {}. Closing existing channel for new join.",
                    message.topic(), mount.handlerName());
            existing.closeForDuplicate();
        }
        ChannelServer server = new ChannelServer(this, route, socket, message.topic(), message.joinRef(),
                existing);
        channels.put(message.topic(), server);
        server.join(message);
    }

    /**
     * A join frame for {@code channel} (a {@link io.phoenixspring.channels.channel.Channel} or an
     * annotated bean) instead of the channel the socket's routes give: what Phoenix.ChannelTest's
     * {@code subscribe_and_join(socket, RoomChannel, topic)} does. The join is then like any other
     * (reply, duplicate join, leave, crash); route assigns do not apply, as there is no route.
     *
     * <pre>{@code
     * connection.joinChannel(roomChannel, Frame.text("[\"1\",\"1\",\"room:lobby\",\"phx_join\",{}]"));
     * }</pre>
     *
     * @throws IllegalArgumentException when the frame is not a {@code phx_join}
     */
    public void joinChannel(Object channel, Frame joinFrame) {
        java.util.Objects.requireNonNull(channel, "channel");
        Message message = serializer.decode(joinFrame);
        if (!"phx_join".equals(message.event()) || "phoenix".equals(message.topic())) {
            throw new IllegalArgumentException("not a join: " + message.event() + " on " + message.topic());
        }
        ChannelRoute route = ChannelRoute.direct(message.topic(), channel, runtime.json(), mount.handler());
        mailbox.execute(() -> {
            if (!closed) {
                join(message, channels.get(message.topic()), route);
            }
            return null;
        });
    }

    private void replyUnmatched(Message message) {
        sendReply(new Reply(message.topic(), "error", Map.of("reason", "unmatched topic"), message.ref(), null));
    }

    /**
     * Broadcasts on {@code topic} from this connection's channel there, so that channel is
     * skipped (Phoenix's {@code broadcast_from}); from nobody when the topic is not joined.
     */
    public java.util.concurrent.CompletableFuture<Void> broadcastFrom(String topic, String event, Object payload) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        mailbox.execute(() -> {
            ChannelServer from = channels.get(topic);
            runtime.broadcast(from, topic, event, payload).whenComplete((ok, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    done.complete(null);
                }
            });
            return null;
        });
        return done;
    }

    /** A channel ended: forget it, unless a newer join of the same topic already replaced it. */
    void channelExited(ChannelServer server) {
        mailbox.execute(() -> {
            channels.remove(server.topic(), server);
            return null;
        });
    }

    /**
     * Sends a reply, turning binary replies the client cannot receive, and replies that cannot be
     * encoded (nested deeper than the writer allows, binary frame fields over 255 bytes), into a
     * clear error reply: the client's request is answered, and the channel goes on.
     */
    void sendReply(Reply reply) {
        if (reply.payload() instanceof Binary && !canReceiveBinary()) {
            reply = new Reply(reply.topic(), "error", Map.of("reason", "binary replies need the websocket transport"),
                    reply.ref(), reply.joinRef());
        }
        Frame frame;
        try {
            frame = serializer.encode(reply);
        } catch (RuntimeException e) {
            runtime.metrics().unencodable();
            log.warn("Answering ref {} on \"{}\" in {} with an error: its reply cannot be encoded ({})", reply.ref(),
                    reply.topic(), mount.handlerName(), e.getMessage());
            frame = serializer.encode(new Reply(reply.topic(), "error", Map.of("reason", "reply could not be encoded"),
                    reply.ref(), reply.joinRef()));
        }
        send(frame);
    }

    /** Encodes and sends a message; one that cannot be encoded is dropped with one log line. */
    void push(Message message) {
        Frame frame;
        try {
            frame = serializer.encode(message);
        } catch (RuntimeException e) {
            runtime.metrics().unencodable();
            log.warn("Dropping \"{}\" on \"{}\" for a client of {}: it cannot be encoded ({})", message.event(),
                    message.topic(), mount.handlerName(), e.getMessage());
            return;
        }
        send(frame);
    }

    boolean canReceiveBinary() {
        return outbound.supportsBinary() && "2.0.0".equals(serializer.version());
    }

    /** Queues a frame for the client; a client whose queue is full is disconnected. */
    void send(Frame frame) {
        if (closed) {
            return;
        }
        if (!outbound.send(frame)) {
            runtime.metrics().slowConsumer();
            log.warn("Disconnecting a slow {} client of {} (id {}): its outbound queue is full", socket.transport(),
                    mount.handlerName(), socket.id());
            closeWith(CLOSE_TRY_AGAIN_LATER, "slow_consumer");
        }
    }

    private void onIdMessage(String topic, Object message) {
        Broadcast broadcast = BroadcastEnvelope.unwrap(message);
        if (broadcast != null && "disconnect".equals(broadcast.event())) {
            log.info("Disconnecting {} socket {} on request", mount.handlerName(), socket.id());
            closeWith(CLOSE_SERVER_ERROR, "disconnected");
        }
    }

    /** Closes from the server side: channels end, then the transport closes with {@code code}. */
    public void closeWith(int code, String reason) {
        if (shutdown(reason)) {
            outbound.close(code);
        }
    }

    /** The transport went away (client close, network loss, timeout): end every channel. */
    public void closed() {
        shutdown("closed");
    }

    private boolean shutdown(String reason) {
        if (!CLOSED.compareAndSet(this, false, true)) {
            return false;
        }
        if (socket.id() != null) {
            runtime.pubSub().unsubscribe(socket.id(), idSubscriber);
        }
        mailbox.execute(() -> {
            channels.values().forEach(channel -> channel.close("shutdown: " + reason));
            channels.clear();
            return null;
        });
        runtime.connectionClosed(this, reason);
        return true;
    }

    SocketRuntime runtime() {
        return runtime;
    }

    /** The channels of this connection now, for diagnostics. */
    java.util.Collection<ChannelServer> channels() {
        return channels.values();
    }

    Outbound outbound() {
        return outbound;
    }

    MountedSocket mount() {
        return mount;
    }
}
