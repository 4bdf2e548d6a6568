package io.phoenixspring.channels.server;

import io.micrometer.common.KeyValues;
import io.phoenixspring.channels.channel.Channel;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.channels.message.Message;
import io.phoenixspring.channels.message.Reply;
import io.phoenixspring.channels.socket.ChannelProcess;
import io.phoenixspring.channels.socket.LogLevel;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.pubsub.Subscriber;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One joined topic on one connection: Phoenix.Channel.Server. Its callbacks run in its own
 * mailbox on the channel executor, one at a time; a callback that throws ends this channel only
 * ({@code phx_error}), never the socket or other channels.
 */
final class ChannelServer implements Subscriber, ChannelProcess {

    private static final Logger log = LoggerFactory.getLogger(ChannelServer.class);
    private static final Map<String, Object> EMPTY = Map.of();

    private enum State { JOINING, JOINED, CLOSED }

    private final SocketConnection connection;
    private final ChannelRoute route;
    private final Channel channel;
    private final Socket socket;
    private final ChannelServer predecessor;
    private final Mailbox mailbox;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final Set<String> intercepts;
    private volatile State state = State.JOINING;
    private final java.util.List<Consumer<String>> monitors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String exitReason;
    /** The ref of the message being handled (only touched by the channel's own callbacks). */
    private String currentRef;
    /** The callback being run, for a crash report: {@code join}, {@code handle_in "event"}, ... */
    private String callback = "join";
    /**
     * Topics this channel follows besides its own ({@code socket.subscribe}); guarded by itself,
     * since a callback's Mono may subscribe from another thread while the channel ends.
     */
    private final Set<String> followed = new java.util.HashSet<>();
    /** Set, under {@link #followed}'s lock, once the channel has ended: later subscribes are ignored. */
    private boolean unfollowed;
    /**
     * The subscriber of the followed topics: not this server, which the fastlane treats as a client
     * of its own topic; so a broadcast there arrives as a Broadcast in handle_info.
     */
    private final Subscriber follower = (followedTopic, message) -> {
        Broadcast broadcast = BroadcastEnvelope.unwrap(message);
        info(broadcast != null ? broadcast : message);
    };

    /** @param connectionSocket the connection's socket; the channel's is a copy whose actions come here */
    ChannelServer(SocketConnection connection, ChannelRoute route, Socket connectionSocket, String topic, String joinRef,
            ChannelServer predecessor) {
        this.connection = connection;
        this.route = route;
        this.channel = route.channel();
        this.socket = connectionSocket.forChannel(topic, joinRef, this);
        // Phoenix merges the route's assigns into the channel's socket before join.
        route.route().assigns().forEach(this.socket::assign);
        this.predecessor = predecessor;
        this.mailbox = new Mailbox(connection.runtime().channelExecutor());
        this.intercepts = channel.intercepts();
    }

    @Override
    public String topic() {
        return socket.topic();
    }

    @Override
    public String currentRef() {
        return currentRef;
    }

    String joinRef() {
        return socket.joinRef();
    }

    SocketConnection connection() {
        return connection;
    }

    boolean intercepts(String event) {
        return !intercepts.isEmpty() && intercepts.contains(event);
    }

    boolean joined() {
        return state == State.JOINED;
    }

    /** Messages waiting in this channel's mailbox (see {@link Mailbox#depth()}). */
    int mailboxDepth() {
        return mailbox.depth();
    }

    String pattern() {
        return route.route().pattern();
    }

    // ---- messages from the socket ----

    void join(Message message) {
        mailbox.execute(() -> {
            if (predecessor != null && !predecessor.terminated.isDone()) {
                // A duplicate join starts once the old channel has terminated, as in Phoenix.
                return predecessor.terminated.thenRun(() -> doJoin(message));
            }
            return doJoin(message);
        });
    }

    void handleIn(Message message) {
        mailbox.execute(() -> {
            if (state != State.JOINED) {
                replyUnmatched(message);
                return null;
            }
            long started = System.nanoTime();
            currentRef = message.ref();
            callback = "handle_in \"" + message.event() + "\"";
            io.micrometer.observation.Observation observation = connection.runtime().metrics()
                    .observe("phoenix.channel_handled_in",
                            KeyValues.of("channel", route.route().pattern(), "socket", socket.handler()),
                            KeyValues.of("event", message.event(), "topic", topic()));
            return call(() -> channel.handleIn(message.event(), message.payload(), socket), result -> {
                handledIn(started, "ok");
                observation.stop();
                log(route.logHandleIn(), "HANDLED {} INCOMING ON {} ({}) in {}\n  Parameters: {}", message.event(),
                        topic(), channelName(), SocketRuntime.format(Duration.ofNanos(System.nanoTime() - started)),
                        logParams(message.payload()));
                handleResult(result, message.ref(), "handle_in");
            }, failure -> {
                handledIn(started, "crash");
                observation.error(failure);
                observation.stop();
                crash(failure);
            });
        });
    }

    private void handledIn(long started, String result) {
        connection.runtime().metrics().handledIn(route.route().pattern(), result, Duration.ofNanos(System.nanoTime() - started));
    }

    void leave(Message message) {
        mailbox.execute(() -> {
            if (state != State.JOINED) {
                connection.sendReply(new Reply(topic(), "ok", EMPTY, message.ref(), message.joinRef()));
                return null;
            }
            end("shutdown: left", "left");
            connection.sendReply(new Reply(topic(), "ok", EMPTY, message.ref(), joinRef()));
            sendClose();
            return null;
        });
    }

    void closeForDuplicate() {
        close("shutdown: duplicate_join");
    }

    /** Ends the channel without telling the client (its socket is closing, or a newer join replaces it). */
    void close(String reason) {
        mailbox.execute(() -> {
            if (state == State.JOINED) {
                end(reason, "closed");
            } else {
                state = State.CLOSED;
                unfollowAll();
                terminated.complete(null);
            }
            return null;
        });
    }

    // ---- messages from the topic and from the channel itself ----

    /** A PubSub message that is not a broadcast, or a message the channel sent itself. */
    @Override
    public void onMessage(String topic, Object message) {
        info(message);
    }

    @Override
    public void info(Object message) {
        mailbox.execute(() -> {
            if (state != State.JOINED) {
                return null;
            }
            callback = "handle_info";
            return call(() -> channel.handleInfo(message, socket), result -> handleResult(result, null, "handle_info"));
        });
    }

    @Override
    public void infoAfter(Object message, Duration delay) {
        connection.runtime().timer().schedule(() -> info(message), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    void handleOut(Broadcast broadcast) {
        mailbox.execute(() -> {
            if (state != State.JOINED) {
                return null;
            }
            callback = "handle_out \"" + broadcast.event() + "\"";
            return call(() -> channel.handleOut(broadcast.event(), broadcast.payload(), socket),
                    result -> handleResult(result, null, "handle_out"));
        });
    }

    /** A fastlane frame, already encoded for this connection's serializer. */
    void sendFrame(io.phoenixspring.channels.message.Frame frame) {
        if (state == State.JOINED) {
            connection.send(frame);
        }
    }

    // ---- the channel's own actions (called from its callbacks) ----

    @Override
    public void push(String event, Object payload) {
        if (state != State.CLOSED) {
            connection.push(new Message(topic(), event, payload, null, joinRef()));
        }
    }

    @Override
    public void broadcast(String event, Object payload, boolean excludeSelf) {
        connection.runtime().broadcast(excludeSelf ? this : null, topic(), event, payload);
    }

    @Override
    public void monitor(Consumer<String> onExit) {
        monitors.add(onExit);
        String reason = exitReason;
        if (reason != null && monitors.remove(onExit)) {
            onExit.accept(reason);
        }
    }

    @Override
    public void subscribe(String other) {
        synchronized (followed) {
            if (unfollowed || !followed.add(other)) {
                return;
            }
            connection.runtime().pubSub().subscribe(other, follower);
        }
    }

    @Override
    public void unsubscribe(String other) {
        synchronized (followed) {
            if (followed.remove(other)) {
                connection.runtime().pubSub().unsubscribe(other, follower);
            }
        }
    }

    /** Ends every {@code socket.subscribe} of this channel, for good. */
    private void unfollowAll() {
        synchronized (followed) {
            unfollowed = true;
            for (String other : followed) {
                connection.runtime().pubSub().unsubscribe(other, follower);
            }
            followed.clear();
        }
    }

    @Override
    public void asyncReply(String ref, String status, Object payload) {
        if (state == State.JOINED) {
            connection.sendReply(new Reply(topic(), status, payload, ref, joinRef()));
        }
    }

    // ---- internals ----

    private CompletionStage<?> doJoin(Message message) {
        long started = System.nanoTime();
        io.micrometer.observation.Observation observation = connection.runtime().metrics()
                .observe("phoenix.channel_joined",
                        KeyValues.of("channel", route.route().pattern(), "socket", socket.handler()),
                        KeyValues.of("topic", topic()));
        return call(() -> channel.join(topic(), message.payload(), socket), result -> {
            observation.stop();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (result instanceof JoinResult.Ok ok) {
                state = State.JOINED;
                connection.runtime().pubSub().subscribe(topic(), this, this);
                connection.runtime().metrics().join(route.route().pattern(), "ok", took);
                log(route.logJoin(), "JOINED {} in {}\n  Parameters: {}", topic(), SocketRuntime.format(took),
                        logParams(message.payload()));
                connection.sendReply(new Reply(topic(), "ok", ok.response(), message.ref(), joinRef()));
                if (predecessor != null) {
                    String old = predecessor.joinRef();
                    connection.push(new Message(topic(), "phx_close", EMPTY, old, old));
                }
            } else if (result instanceof JoinResult.Error error) {
                log(route.logJoin(), "REFUSED JOIN {} in {}\n  Parameters: {}", topic(), SocketRuntime.format(took),
                        logParams(message.payload()));
                refuse(message, error.response(), took, "error");
            } else {
                throw new IllegalStateException("join must return a JoinResult (or a Mono of one), got " + result);
            }
        }, failure -> {
            observation.error(failure);
            observation.stop();
            log.error("Channel {} ({}) crashed in join", topic(), channelName(), failure);
            refuse(message, Map.of("reason", "join crashed"), Duration.ofNanos(System.nanoTime() - started), "crash");
        });
    }

    private void refuse(Message message, Object response, Duration took, String result) {
        state = State.CLOSED;
        unfollowAll();
        connection.runtime().metrics().join(route.route().pattern(), result, took);
        connection.sendReply(new Reply(topic(), "error", response, message.ref(), message.joinRef()));
        terminated.complete(null);
        connection.channelExited(this);
    }

    private void handleResult(Object result, String ref, String callback) {
        if (result instanceof HandleResult.ReplyWith reply) {
            if (ref == null && !"handle_in".equals(callback)) {
                throw new IllegalStateException(callback + " cannot reply; push instead");
            }
            connection.sendReply(new Reply(topic(), reply.status(), reply.payload(), ref, joinRef()));
        } else if (result instanceof HandleResult.Stop stop) {
            if (stop.reply() != null && ref != null) {
                connection.sendReply(new Reply(topic(), stop.reply().status(), stop.reply().payload(), ref, joinRef()));
            }
            if (stop.normal()) {
                end(stop.reason(), "stopped");
                sendClose();
            } else {
                crash(new IllegalStateException("channel stopped: " + stop.reason()));
            }
        } else if (!(result instanceof HandleResult.NoReply)) {
            throw new IllegalStateException(callback + " must return a HandleResult (or a Mono of one), got " + result);
        }
    }

    /**
     * Runs a callback and its continuation; a Mono result suspends the mailbox until it completes.
     * Any failure, in the callback or the continuation, crashes the channel.
     */
    private CompletionStage<?> call(java.util.function.Supplier<Object> callback, Consumer<Object> then) {
        return call(callback, then, this::crash);
    }

    private CompletionStage<?> call(java.util.function.Supplier<Object> callback, Consumer<Object> then,
            Consumer<Throwable> failed) {
        Object result;
        try {
            result = callback.get();
        } catch (Throwable failure) {
            failed.accept(failure);
            return null;
        }
        if (result instanceof Publisher<?> publisher) {
            return Mono.from(publisher).toFuture().handle((value, failure) -> {
                if (failure != null) {
                    failed.accept(failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                            ? c.getCause() : failure);
                } else {
                    runThen(then, value, failed);
                }
                return null;
            });
        }
        runThen(then, result, failed);
        return null;
    }

    private void runThen(Consumer<Object> then, Object value, Consumer<Throwable> failed) {
        try {
            then.accept(value);
        } catch (Throwable failure) {
            failed.accept(failure);
        }
    }

    /** The application's class for the channel: an annotated bean's own, not the adapter's. */
    private String channelName() {
        return channel instanceof io.phoenixspring.channels.channel.AnnotatedChannel annotated
                ? annotated.beanType().getSimpleName() : channel.getClass().getSimpleName();
    }

    /** A crash: phx_error to the client, which may rejoin; nothing else is affected. */
    private void crash(Throwable failure) {
        if (state == State.CLOSED) {
            return;
        }
        // Phoenix's crash report names the channel module and what it was doing.
        log.error("Channel {} ({}) crashed in {}", topic(), channelName(), callback, failure);
        end("crash: " + failure, "crashed");
        connection.push(new Message(topic(), "phx_error", EMPTY, joinRef(), joinRef()));
    }

    private void end(String reason, String metricReason) {
        boolean wasJoined = state == State.JOINED;
        state = State.CLOSED;
        connection.runtime().pubSub().unsubscribe(topic(), this);
        unfollowAll();
        try {
            channel.terminate(reason, socket);
        } catch (Throwable failure) {
            log.warn("terminate of channel {} failed", topic(), failure);
        }
        if (wasJoined) {
            connection.runtime().metrics().left(route.route().pattern(), metricReason);
        }
        exitReason = reason;
        for (Consumer<String> monitor : monitors) {
            if (monitors.remove(monitor)) {
                try {
                    monitor.accept(reason);
                } catch (Throwable failure) {
                    log.warn("a monitor of channel {} failed", topic(), failure);
                }
            }
        }
        terminated.complete(null);
        connection.channelExited(this);
    }

    private void sendClose() {
        connection.push(new Message(topic(), "phx_close", EMPTY, joinRef(), joinRef()));
    }

    private void replyUnmatched(Message message) {
        connection.sendReply(new Reply(topic(), "error", Map.of("reason", "unmatched topic"), message.ref(), null));
    }

    private static Object logParams(Object payload) {
        return payload instanceof Binary ? "<binary>" : ParamFilter.value(payload);
    }

    /**
     * A join or handle_in line at the channel's level (Phoenix's channel_log): none at
     * {@code OFF}, and none for {@code phoenix*} topics, as Phoenix skips them.
     */
    private void log(LogLevel level, String format, Object... arguments) {
        if (level == LogLevel.OFF || level == LogLevel.DEFAULT || topic().startsWith("phoenix")) {
            return;
        }
        org.slf4j.event.Level slf4j = org.slf4j.event.Level.valueOf(level.name());
        if (log.isEnabledForLevel(slf4j)) {
            log.atLevel(slf4j).log(format, arguments);
        }
    }
}
