package io.phoenixspring.channels.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of the JVM while open (WARN and above: the levels a client mistake may reach). */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final java.util.Map<Logger, Level> restore = new java.util.LinkedHashMap<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /**
     * Sets a logger's level while this capture is open (the tests' logback keeps
     * {@code io.phoenixspring} at WARN): {@code DEBUG} to see INFO/DEBUG lines, {@code OFF} to keep
     * a test that crashes channels on purpose from printing a stack per crash.
     */
    public LogCapture level(String loggerName, Level level) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        restore.putIfAbsent(logger, logger.getLevel());
        logger.setLevel(level);
        return this;
    }

    /** Events of one logger at any level, as "LEVEL message". */
    public List<String> lines(String loggerName) {
        return events().stream().filter(e -> e.getLoggerName().equals(loggerName))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Events at WARN or above, as "LEVEL logger: message". */
    public List<String> warnings() {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    /** Events that carry a stack trace, as "LEVEL logger: message (throwable)". */
    public List<String> withStackTraces() {
        return events().stream().filter(e -> e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage() + " ("
                        + e.getThrowableProxy().getClassName() + ")").toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        restore.forEach(Logger::setLevel);
    }
}
