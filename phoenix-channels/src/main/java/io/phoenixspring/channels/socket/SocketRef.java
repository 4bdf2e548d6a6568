package io.phoenixspring.channels.socket;

/**
 * Phoenix's {@code socket_ref/1}: what is needed to reply to a message later, from any thread.
 *
 * <pre>{@code
 * SocketRef ref = socket.socketRef();
 * CompletableFuture.runAsync(() -> ref.reply("ok", Map.of("done", true)));
 * return HandleResult.noReply();
 * }</pre>
 */
public final class SocketRef {

    private final ChannelProcess server;
    private final String ref;

    SocketRef(ChannelProcess server, String ref) {
        this.server = server;
        this.ref = ref;
    }

    /** Sends the reply if the channel is still joined; a reply for a closed channel is dropped. */
    public void reply(String status, Object payload) {
        server.asyncReply(ref, status, payload);
    }

    public String ref() {
        return ref;
    }

    public String topic() {
        return server.topic();
    }
}
