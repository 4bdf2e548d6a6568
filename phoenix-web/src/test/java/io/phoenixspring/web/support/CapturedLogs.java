package io.phoenixspring.web.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of the whole process (the root logger) while open: what a request costs in log lines. */
public final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLogs() {
        appender.start();
        root.addAppender(appender);
    }

    /** @return the events at WARN or above so far */
    public List<ILoggingEvent> warnings() {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }

    /** @return every event so far */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** @return the events with a stack trace attached */
    public List<ILoggingEvent> withStackTraces() {
        return events().stream().filter(e -> e.getThrowableProxy() != null).toList();
    }

    /** @return one line per event, for assertion messages */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent e : events()) {
            out.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(" - ").append(e.getFormattedMessage())
                    .append(e.getThrowableProxy() == null ? "" : " [" + e.getThrowableProxy().getClassName() + "]")
                    .append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
