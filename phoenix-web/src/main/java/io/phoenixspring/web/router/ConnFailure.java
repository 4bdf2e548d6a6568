package io.phoenixspring.web.router;

import io.phoenixspring.web.conn.Conn;

/**
 * An exception together with the conn as it was when a plug or action raised it (Plug's
 * WrapperError), so the error page knows the negotiated format, session and cookies.
 */
final class ConnFailure extends RuntimeException {

    final transient Conn conn;

    ConnFailure(Conn conn, Throwable cause) {
        super(cause.getMessage(), cause, false, false);
        this.conn = conn;
    }

    static Throwable unwrap(Throwable error) {
        return error instanceof ConnFailure failure ? failure.getCause() : error;
    }
}
