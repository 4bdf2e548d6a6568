package io.phoenixspring.channels.socket;

/**
 * The answer of {@link SocketHandler#connect}: accept (assigns already put on the socket) or
 * refuse (WebSocket upgrade answered 403, long-poll {@code {"status":403}}).
 *
 * <pre>{@code
 * return result.isOk() ? ConnectResult.ok() : ConnectResult.error("invalid token");
 * }</pre>
 *
 * @param accepted whether the connection is accepted
 * @param reason why it was refused, for the log
 */
public record ConnectResult(boolean accepted, String reason) {

    private static final ConnectResult OK = new ConnectResult(true, null);

    public static ConnectResult ok() {
        return OK;
    }

    public static ConnectResult error() {
        return new ConnectResult(false, "refused");
    }

    public static ConnectResult error(String reason) {
        return new ConnectResult(false, reason);
    }
}
