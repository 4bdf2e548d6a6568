package io.phoenixspring.web.error;

import io.phoenixspring.web.conn.Conn;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * Phoenix's generated error views: JSON {@code {"errors":{"detail":"<status phrase>"}}} and a
 * page with the status phrase. With {@code debug-errors} on (development only) the page and the
 * JSON also carry the exception message and stack trace; off, nothing about the error leaks.
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

    @Override
    public Object json(int status, Conn conn, Throwable error) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("detail", statusPhrase(status));
        if (error != null && conn.endpoint().debugErrors()) {
            detail.put("message", String.valueOf(error.getMessage()));
            detail.put("exception", error.getClass().getName());
        }
        return Map.of("errors", detail);
    }

    @Override
    public String html(int status, Conn conn, Throwable error) {
        String phrase = HtmlUtils.htmlEscape(statusPhrase(status));
        StringBuilder page = new StringBuilder(256)
                .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(phrase)
                .append("</title></head><body><h1>").append(phrase).append("</h1>");
        if (error != null && conn.endpoint().debugErrors()) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            page.append("<pre>").append(HtmlUtils.htmlEscape(trace.toString())).append("</pre>");
        }
        return page.append("</body></html>\n").toString();
    }
}
