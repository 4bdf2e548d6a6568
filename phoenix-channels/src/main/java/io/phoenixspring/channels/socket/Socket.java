package io.phoenixspring.channels.socket;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Phoenix.Socket as a channel (or {@code connect}) sees it: the topic, the assigns, and the
 * ways to talk to the client and the topic. Each joined channel has its own socket whose
 * assigns start as a copy of the connection's; a socket is only touched by its own channel's
 * callbacks, one at a time, so its assigns need no locking.
 *
 * <pre>{@code
 * socket.assign("user", "alice");
 * socket.push("presence_state", state);
 * socket.broadcast("new_msg", Map.of("body", body, "user", socket.assign("user")));
 * }</pre>
 */
public final class Socket {

    private final Map<String, Object> assigns;
    private final String topic;
    private final String joinRef;
    private final String transport;
    private final String serializerVersion;
    private final String handlerName;
    private volatile String id;
    private ChannelProcess process;

    private Socket(Map<String, Object> assigns, String topic, String joinRef, String transport, String serializerVersion,
            String handlerName) {
        this.assigns = new HashMap<>(assigns);
        this.topic = topic;
        this.joinRef = joinRef;
        this.transport = transport;
        this.serializerVersion = serializerVersion;
        this.handlerName = handlerName;
    }

    /**
     * A connecting socket, before its handler's {@code connect} (the runtime makes it; applications
     * receive sockets).
     */
    public static Socket connecting(String transport, String serializerVersion, String handlerName) {
        return new Socket(Map.of(), null, null, transport, serializerVersion, handlerName);
    }

    /**
     * A socket for a channel joined on this connection, carrying a copy of its assigns, whose
     * actions go to {@code channel} (the runtime calls this; applications receive sockets).
     */
    public Socket forChannel(String channelTopic, String channelJoinRef, ChannelProcess channel) {
        Socket copy = new Socket(assigns, channelTopic, channelJoinRef, transport, serializerVersion, handlerName);
        copy.id = id;
        copy.process = channel;
        return copy;
    }

    /** Sets the socket id the handler's {@code id} returned (the runtime calls this after connect). */
    public void id(String socketId) {
        this.id = socketId;
    }

    /** The channel's topic; null while connecting. */
    public String topic() {
        return topic;
    }

    public String joinRef() {
        return joinRef;
    }

    /** The socket id from {@link SocketHandler#id}, or null. */
    public String id() {
        return id;
    }

    /** {@code websocket} or {@code longpoll}. */
    public String transport() {
        return transport;
    }

    /** The serializer's version: {@code 1.0.0} or {@code 2.0.0}. */
    public String serializerVersion() {
        return serializerVersion;
    }

    /** The simple class name of the socket handler, for logs. */
    public String handler() {
        return handlerName;
    }

    public Map<String, Object> assigns() {
        return Collections.unmodifiableMap(assigns);
    }

    @SuppressWarnings("unchecked")
    public <T> T assign(String key) {
        return (T) assigns.get(key);
    }

    public Socket assign(String key, Object value) {
        assigns.put(key, value);
        return this;
    }

    /** Sends an event to this client only ({@code push/3}). */
    public void push(String event, Object payload) {
        channel().push(event, payload);
    }

    /** Sends an event to every subscriber of this topic on every node, this client included. */
    public void broadcast(String event, Object payload) {
        channel().broadcast(event, payload, false);
    }

    /** Like {@link #broadcast} but not to this client ({@code broadcast_from/3}). */
    public void broadcastFrom(String event, Object payload) {
        channel().broadcast(event, payload, true);
    }

    /** A reference to the message being handled, to {@link SocketRef#reply} to it later. */
    public SocketRef socketRef() {
        return new SocketRef(channel(), channel().currentRef());
    }

    /**
     * Runs {@code onExit} with the reason when this channel ends (left, closed, stopped or
     * crashed), like a process monitor: trackers such as Presence use it to drop what the channel
     * owned. Runs at once if the channel has already ended.
     */
    public void monitor(java.util.function.Consumer<String> onExit) {
        channel().monitor(onExit);
    }

    /**
     * Subscribes this channel to another topic, such as a per-user or a "system" topic (what a
     * Phoenix channel does with {@code Endpoint.subscribe}): every broadcast there, from any node,
     * reaches this channel's handle_info as a {@link io.phoenixspring.channels.message.Broadcast},
     * in order, one message at a time like the rest of its mailbox. The subscription ends with the
     * channel (left, stopped, crashed, refused or its socket closed). Subscribing twice to a topic
     * is one subscription.
     *
     * <pre>{@code
     * socket.subscribe("user:" + socket.assign("user_id"));
     * // and in the channel: @HandleInfo HandleResult on(Broadcast b, Socket socket) { socket.push(b.event(), b.payload()); ... }
     * }</pre>
     */
    public void subscribe(String otherTopic) {
        channel().subscribe(java.util.Objects.requireNonNull(otherTopic, "topic"));
    }

    /** Ends a {@link #subscribe} of this channel; nothing happens when it was not subscribed. */
    public void unsubscribe(String otherTopic) {
        channel().unsubscribe(java.util.Objects.requireNonNull(otherTopic, "topic"));
    }

    /** Delivers {@code message} to this channel's handle_info, after what is already queued. */
    public void send(Object message) {
        channel().info(message);
    }

    /** Delivers {@code message} to handle_info after {@code delay} ({@code Process.send_after}). */
    public void sendAfter(Object message, Duration delay) {
        channel().infoAfter(message, delay);
    }

    private ChannelProcess channel() {
        if (process == null) {
            throw new IllegalStateException("this socket is not joined to a channel yet (push, broadcast and "
                    + "replies are for joined channels)");
        }
        return process;
    }

    @Override
    public String toString() {
        return "Socket[" + (topic == null ? handlerName : topic) + (id == null ? "" : ", id=" + id) + "]";
    }
}
