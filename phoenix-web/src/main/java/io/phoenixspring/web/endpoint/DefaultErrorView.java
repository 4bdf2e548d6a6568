package io.phoenixspring.web.endpoint;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.StatusException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * Phoenix's generated error views: JSON {@code {"errors":{"detail":"<status phrase>"}}} and a
 * page with the status phrase; a {@link StatusException} with a {@link StatusException#detail()}
 * says that instead (e.g. "PubSub unavailable: ..."). With {@code debug-errors} on (development
 * only) the JSON also carries the exception's class, message and stack trace, and the page the
 * message and stack trace; off, nothing about the error leaks.
 *
 * <pre>{@code
 * ErrorView view = new DefaultErrorView();
 * view.json(404, conn, null); // {"errors":{"detail":"Not Found"}}
 * }</pre>
 */
public class DefaultErrorView implements ErrorView {

    /** @return Plug's reason phrase for the status, e.g. "Not Acceptable" */
    public static String statusPhrase(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Unknown Status Code" : known.getReasonPhrase();
    }

    /** @return what the client is told: the exception's public detail, else the status phrase */
    public static String detail(int status, Throwable error) {
        if (error instanceof StatusException withDetail && withDetail.detail() != null) {
            return withDetail.detail();
        }
        return statusPhrase(status);
    }

    @Override
    public Object json(int status, Conn conn, Throwable error) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("detail", detail(status, error));
        if (error != null && WebEndpoint.of(conn).debugErrors()) {
            detail.put("message", String.valueOf(error.getMessage()));
            detail.put("exception", error.getClass().getName());
            detail.put("stacktrace", List.of(stackTrace(error).split("\\R")));
        }
        return Map.of("errors", detail);
    }

    @Override
    public String html(int status, Conn conn, Throwable error) {
        String phrase = HtmlUtils.htmlEscape(statusPhrase(status));
        StringBuilder page = new StringBuilder(256)
                .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(phrase)
                .append("</title></head><body><h1>").append(phrase).append("</h1>");
        String detail = detail(status, error);
        if (!detail.equals(statusPhrase(status))) {
            page.append("<p>").append(HtmlUtils.htmlEscape(detail)).append("</p>");
        }
        if (error != null && WebEndpoint.of(conn).debugErrors()) {
            page.append("<p>").append(HtmlUtils.htmlEscape(error.getClass().getName() + ": " + error.getMessage()))
                    .append("</p><pre>").append(HtmlUtils.htmlEscape(stackTrace(error))).append("</pre>");
        }
        return page.append("</body></html>\n").toString();
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
