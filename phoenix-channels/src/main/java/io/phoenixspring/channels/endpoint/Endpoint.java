package io.phoenixspring.channels.endpoint;

import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.pubsub.Subscriber;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Phoenix's {@code MyAppWeb.Endpoint} broadcast API, usable from anywhere (controllers,
 * schedulers): broadcasts reach every socket subscribed to the topic on every node.
 *
 * <pre>{@code
 * endpoint.broadcast("room:lobby", "new_msg", Map.of("body", "hi", "user", "system"));
 * endpoint.disconnect("user_socket:alice"); // closes alice's sockets on every node
 * }</pre>
 *
 * <p>Payloads are any value Jackson writes as JSON, or {@link io.phoenixspring.channels.message.Binary}.
 * Subscribers registered with {@link #subscribe} receive {@link io.phoenixspring.channels.message.Broadcast}s.
 */
public final class Endpoint {

    private final SocketRuntime runtime;

    public Endpoint(SocketRuntime runtime) {
        this.runtime = runtime;
    }

    /** {@code Endpoint.broadcast/3}; the future fails if the other nodes could not be reached. */
    /** The JSON configuration broadcasts are written with: Phoenix's one ({@link SocketRuntime#json()}). */
    public io.phoenixspring.pubsub.PhoenixJson json() {
        return runtime.json();
    }

    public CompletableFuture<Void> broadcast(String topic, String event, Object payload) {
        return runtime.broadcast(null, topic, event, payload);
    }

    /** {@code Endpoint.broadcast_from/4}: every subscriber but {@code from}. */
    public CompletableFuture<Void> broadcastFrom(Subscriber from, String topic, String event, Object payload) {
        return runtime.broadcast(from, topic, event, payload);
    }

    /** {@code Endpoint.local_broadcast/3}: this node's subscribers only. */
    public void localBroadcast(String topic, String event, Object payload) {
        runtime.localBroadcast(null, topic, event, payload);
    }

    /** {@code Endpoint.subscribe/1}. */
    public void subscribe(String topic, Subscriber subscriber) {
        runtime.pubSub().subscribe(topic, subscriber);
    }

    public void unsubscribe(String topic, Subscriber subscriber) {
        runtime.pubSub().unsubscribe(topic, subscriber);
    }

    /** Closes every socket whose id is {@code socketId}, on every node. */
    public CompletableFuture<Void> disconnect(String socketId) {
        return broadcast(socketId, "disconnect", Map.of());
    }

    /** Sockets connected to this node. */
    public int connectionCount() {
        return runtime.connectionCount();
    }
}
