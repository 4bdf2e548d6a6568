package io.phoenixspring.channels.socket;

import io.phoenixspring.channels.message.Frame;

/**
 * The transport side of a connection, as the socket sees it: where frames go, and how the
 * connection is closed. Implemented by the WebSocket and long-poll transports (and by tests).
 *
 * <pre>{@code
 * Outbound outbound = new Outbound() {
 *     public boolean send(Frame frame) { return queue.offer(frame); }
 *     public void close(int code) { connection.close(); }
 * };
 * }</pre>
 */
public interface Outbound {

    /**
     * Queues a frame for the client without blocking.
     *
     * @return false when the client's bounded queue is full: the socket then closes the
     *     connection as a slow consumer
     */
    boolean send(Frame frame);

    /** Closes the connection with a WebSocket close code (long-poll ends the session). */
    void close(int code);

    /**
     * Frames handed to {@link #send} that the client has not been given yet, for diagnostics; a
     * plain read, never a walk. Transports that do not track it report 0.
     */
    default int queued() {
        return 0;
    }

    /** Whether binary frames reach the client (only WebSocket with V2). */
    default boolean supportsBinary() {
        return true;
    }
}
