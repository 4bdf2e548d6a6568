package io.phoenixspring.web.endpoint;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.PlugStatus;
import io.phoenixspring.web.conn.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.ResponseStatusException;

/**
 * Turns an exception raised by a plug or an action into the error view's response, as Phoenix's
 * render_errors does: the status from the exception ({@link PlugStatus}, 500 otherwise), the format
 * the request negotiated when it is one of the error formats, else the one its accept header
 * prefers, else the first. Server errors are logged once with their stack trace; client errors are not.
 * A failure caused by PubSub not reaching the other nodes (a {@code BroadcastException}) is a 503
 * saying "PubSub unavailable: ..." and logged at DEBUG only: PubSub logs the outage itself, rate-limited.
 *
 * <pre>{@code
 * Conn failed = ErrorRenderer.render(conn, new StatusException(404, "no such user"));
 * failed.status(); // 404, body {"errors":{"detail":"Not Found"}}
 * }</pre>
 */
public final class ErrorRenderer {

    private static final Logger log = LoggerFactory.getLogger(ErrorRenderer.class);

    private ErrorRenderer() {
    }

    /** @return the status an exception is rendered with */
    public static int statusOf(Throwable error) {
        if (error instanceof PlugStatus withStatus) {
            return withStatus.plugStatus();
        }
        if (error instanceof ResponseStatusException rse) {
            return rse.getStatusCode().value();
        }
        return PubSubFailures.unavailable(error) != null ? 503 : 500;
    }

    /** @return a conn whose response is the error page for this exception */
    public static Conn render(Conn conn, Throwable error) {
        StatusException unavailable = PubSubFailures.unavailable(error);
        if (unavailable != null) {
            if (log.isDebugEnabled()) {
                log.debug("{} {} answered 503: {}", conn.method(), conn.requestPath(), unavailable.getMessage());
            }
            return renderStatus(conn, 503, unavailable);
        }
        int status = statusOf(error);
        if (status >= 500) {
            log.error("{} {} failed: {}", conn.method(), conn.requestPath(), error.toString(), error);
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} answered {}: {}", conn.method(), conn.requestPath(), status, error.getMessage());
        }
        return renderStatus(conn, status, error);
    }

    /** @return a conn whose response is the error page for a status, e.g. 404 for no route */
    public static Conn renderStatus(Conn conn, int status, Throwable error) {
        String format = format(conn);
        WebEndpoint endpoint = WebEndpoint.of(conn);
        try {
            Conn out = conn.resetResponse().putStatus(status);
            if (format.equals("html")) {
                return out.putRespHeader("content-type", "text/html; charset=utf-8")
                        .sendResp(endpoint.errorView().html(status, conn, error).getBytes(StandardCharsets.UTF_8));
            }
            return out.putRespHeader("content-type", "application/json; charset=utf-8")
                    .sendResp(endpoint.json().writeValueAsBytes(endpoint.errorView().json(status, conn, error)));
        } catch (RuntimeException viewFailure) {
            // The error view itself failed: answer plainly rather than not at all.
            log.error("the error view failed rendering {}", status, viewFailure);
            return conn.resetResponse().putStatus(status).putRespHeader("content-type", "text/plain; charset=utf-8")
                    .sendResp(DefaultErrorView.statusPhrase(status).getBytes(StandardCharsets.UTF_8));
        }
    }

    static String format(Conn conn) {
        List<String> formats = WebEndpoint.of(conn).errorFormats();
        // The format the accepts plug negotiated, under Phoenix's key (Controller.getFormat reads the same).
        String negotiated = (String) conn.privates().get("phoenix_format");
        if (negotiated != null && formats.contains(negotiated)) {
            return negotiated;
        }
        String accept = conn.reqHeader("accept");
        if (accept != null) {
            String lower = accept.toLowerCase(Locale.ROOT);
            int html = lower.indexOf("text/html");
            int json = lower.indexOf("json");
            if (formats.contains("html") && html >= 0 && (json < 0 || html < json || !formats.contains("json"))) {
                return "html";
            }
            if (formats.contains("json") && json >= 0) {
                return "json";
            }
        }
        return formats.get(0);
    }
}
