package io.phoenixspring.autoconfigure.channels;

import java.util.List;

/**
 * Start-up fails with this when Phoenix sockets are declared but the application does not run
 * on Reactor Netty: the WebSocket and long-poll transports work on Reactor Netty's connections,
 * so on another server the first connection would fail. Boot's failure report explains it
 * (Description / Action).
 */
public class SocketsNeedReactorNettyException extends IllegalStateException {

    private final String server;
    private final List<String> sockets;

    /**
     * @param server what the application runs on instead, e.g. "Reactor Netty is not on the class path"
     * @param sockets the socket beans, as "name (type)"
     */
    public SocketsNeedReactorNettyException(String server, List<String> sockets) {
        super("Phoenix sockets need Reactor Netty, but " + server + ". Sockets: " + String.join(", ", sockets));
        this.server = server;
        this.sockets = List.copyOf(sockets);
    }

    /** What the application runs on instead of Reactor Netty. */
    public String server() {
        return server;
    }

    /** The declared socket beans, as "name (type)". */
    public List<String> sockets() {
        return sockets;
    }
}
