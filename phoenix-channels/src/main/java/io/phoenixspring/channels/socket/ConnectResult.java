package io.phoenixspring.channels.socket;

/**
 * The answer of {@link SocketHandler#connect}: accept (assigns already put on the socket) or
 * refuse. A refused WebSocket upgrade is answered by {@link SocketHandler#handleError} (403 unless
 * the socket chooses otherwise, Phoenix's {@code :error_handler}); a refused long-poll gets
 * {@code {"status":403}}, as the JS client expects.
 *
 * <pre>{@code
 * if (!limiter.tryAcquire(info.peerAddress())) return ConnectResult.error(RateLimited.INSTANCE);
 * return result.isOk() ? ConnectResult.ok() : ConnectResult.error("invalid token");
 * }</pre>
 *
 * @param accepted whether the connection is accepted
 * @param reason why it was refused: logged, and given to {@link SocketHandler#handleError}
 */
public record ConnectResult(boolean accepted, Object reason) {

    /** The reason of a refusal because the socket requires an authenticated user and there is none. */
    public static final String UNAUTHENTICATED = "unauthenticated";

    /** The reason of a refusal because the {@code _csrf_token} param does not match the session's. */
    public static final String INVALID_CSRF_TOKEN = "invalid CSRF token";

    private static final ConnectResult OK = new ConnectResult(true, null);

    public static ConnectResult ok() {
        return OK;
    }

    public static ConnectResult error() {
        return new ConnectResult(false, "refused");
    }

    /** Refuses with a reason: a string or any value the socket's {@link SocketHandler#handleError} understands. */
    public static ConnectResult error(Object reason) {
        return new ConnectResult(false, reason == null ? "refused" : reason);
    }
}
