package io.phoenixspring.dashboard;

import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The request logger page ({@code <dashboard>/request_logger}), LiveDashboard's: each visit gets a
 * random key; "Enable cookie" marks this browser (the {@value RequestLogger#COOKIE} cookie holds the
 * key signed with the endpoint's secret) and every server log line of its requests, DEBUG and up, is
 * streamed here; other browsers' lines never are. The page keeps the last {@value #LIMIT} lines in the
 * DOM and the server none. A built-in page; the auto-configuration makes it a bean.
 */
@TemplateImports(DashboardComponents.class)
public final class RequestLoggerPage extends DashboardPage {

    /** Lines kept in the browser's DOM (the stream's limit). */
    static final int LIMIT = 500;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final ObjectProvider<RequestLogger> loggers;

    public RequestLoggerPage(ObjectProvider<RequestLogger> loggers) {
        this.loggers = loggers;
    }

    /**
     * One line as shown.
     *
     * @param id its DOM id's number
     * @param time when it was logged (local time, milliseconds)
     * @param level TRACE..ERROR
     * @param logger the logger's name
     * @param message the message
     */
    public record Line(long id, String time, String level, String logger, String message) {
    }

    @Override
    protected void mountPage(Map<String, Object> params, LiveSocket socket) {
        RequestLogger logger = loggers.getIfAvailable();
        boolean available = logger != null && RequestLogger.logbackAvailable();
        socket.assign("available", available)
                .assign("unavailable_reason", logger == null
                        ? "The request logger needs PubSub and the endpoint's secret (phoenix.secret-key-base)."
                        : "The request logger needs Logback, Spring Boot's default logging system.")
                .assign("cookie_enabled", false)
                .assign("dropped", 0L)
                .streamConfigure("lines", line -> "line-" + ((Line) line).id())
                .stream("lines", List.of());
        if (!available) {
            socket.assign("key", "").assign("cookie_name", RequestLogger.COOKIE).assign("cookie_value", "").assign("param_url", "");
            return;
        }
        String key = logger.newKey();
        String signed = logger.sign(key);
        socket.assign("key", key)
                .assign("cookie_name", RequestLogger.COOKIE)
                .assign("cookie_value", signed)
                .assign("param_url", "?" + RequestLogger.PARAM + "=" + signed);
        if (socket.connected()) {
            logger.install();
            logger.listen(key);
            socket.subscribe(RequestLogger.topic(key));
        }
    }

    @Override
    protected void handleRefresh(LiveSocket socket) {
        RequestLogger logger = loggers.getIfAvailable();
        String key = socket.get("key");
        if (logger != null && key != null && !key.isEmpty()) {
            socket.assign("dropped", logger.dropped(key));
        }
    }

    @Override
    protected void handlePageInfo(Object message, LiveSocket socket) {
        if (message instanceof RequestLogger.LogLine line && line.key().equals(socket.get("key"))) {
            RequestLogger logger = loggers.getIfAvailable();
            if (logger != null) {
                logger.handled(line.key());
            }
            socket.streamInsert("lines", new Line(line.id(), TIME.format(Instant.ofEpochMilli(line.timestamp())),
                    line.level(), line.logger(), line.message()), -1, -LIMIT);
            return;
        }
        super.handlePageInfo(message, socket);
    }

    /** "Enable cookie" / "Disable cookie": the hook sets or clears the cookie in this browser. */
    @HandleEvent("toggle_cookie")
    void toggleCookie(Map<String, Object> value, LiveSocket socket) {
        if (Boolean.TRUE.equals(socket.get("available"))) {
            socket.update("cookie_enabled", (Boolean enabled) -> !enabled);
        }
    }

    /** Empties the shown lines. */
    @HandleEvent("clear")
    void clear(Map<String, Object> value, LiveSocket socket) {
        socket.stream("lines", List.of(), -1, null, true);
    }

    @Override
    public void terminate(String reason, LiveSocket socket) {
        RequestLogger logger = loggers.getIfAvailable();
        String key = socket.get("key");
        if (logger != null && key != null && !key.isEmpty()) {
            logger.stop(key);
        }
    }
}
