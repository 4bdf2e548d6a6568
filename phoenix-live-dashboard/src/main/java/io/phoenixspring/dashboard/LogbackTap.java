package io.phoenixspring.dashboard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * The request logger's hooks into Logback (only loaded when Logback is the backend): a turbo filter
 * that lets a marked request's DEBUG lines through whatever its loggers' levels, and an appender on
 * the root logger that hands those lines to the {@link RequestLogger}. Attached programmatically, and
 * again after a Logback reset (Spring Boot reconfigures logging when a context starts).
 */
final class LogbackTap {

    static final String NAME = "phoenix-live-dashboard-request-logger";

    private LogbackTap() {
    }

    static boolean isLogbackBackend() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
    }

    static synchronized void install(RequestLogger hub) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        install(context, hub);
    }

    static synchronized void install(LoggerContext context, RequestLogger hub) {
        boolean listening = context.getCopyOfListenerList().stream()
                .anyMatch(l -> l instanceof ResetListener r && r.hub == hub);
        if (!listening) {
            context.addListener(new ResetListener(hub));
        }
        attach(context, hub);
    }

    /** Adds the filter and appender unless this hub's are there already. */
    private static void attach(LoggerContext context, RequestLogger hub) {
        if (context.getTurboFilterList().stream().noneMatch(f -> f instanceof MarkedRequests m && m.hub == hub)) {
            MarkedRequests filter = new MarkedRequests(hub);
            filter.setName(NAME);
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        // One per hub: two applications in one JVM (tests, a two-node run) each keep their own.
        String name = name(hub);
        if (!(root.getAppender(name) instanceof Publisher p && p.hub == hub)) {
            root.detachAppender(name);
            Publisher appender = new Publisher(hub);
            appender.setName(name);
            appender.setContext(context);
            appender.start();
            root.addAppender(appender);
        }
    }

    /** Removes this hub's filter, appender and listener (the application stops). */
    static synchronized void uninstall(RequestLogger hub) {
        if (isLogbackBackend()) {
            uninstall((LoggerContext) LoggerFactory.getILoggerFactory(), hub);
        }
    }

    static synchronized void uninstall(LoggerContext context, RequestLogger hub) {
        context.getCopyOfListenerList().stream().filter(l -> l instanceof ResetListener r && r.hub == hub)
                .forEach(context::removeListener);
        context.getTurboFilterList().removeIf(f -> f instanceof MarkedRequests m && m.hub == hub);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(name(hub)) instanceof Publisher p && p.hub == hub) {
            root.detachAppender(name(hub));
            p.stop();
        }
    }

    private static String name(RequestLogger hub) {
        return NAME + "-" + Integer.toHexString(System.identityHashCode(hub));
    }

    /**
     * ACCEPT (so logged whatever the level) for DEBUG and up when the thread works for a request
     * marked with a key some page listens on; otherwise no opinion. Called for every log statement,
     * so the common case (nobody listening) is one map check.
     */
    static final class MarkedRequests extends TurboFilter {
        final RequestLogger hub;

        MarkedRequests(RequestLogger hub) {
            this.hub = hub;
        }

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            if (!hub.anyListening() || level == null || !level.isGreaterOrEqual(Level.DEBUG)) {
                return FilterReply.NEUTRAL;
            }
            String key = MDC.get(RequestLogger.MDC_KEY);
            return key != null && hub.listening(key) ? FilterReply.ACCEPT : FilterReply.NEUTRAL;
        }
    }

    /**
     * Publishes the events of marked requests. Unsynchronized: one thread's line never waits for
     * another's; the base class's per-thread guard stops a line logged while publishing from looping.
     */
    static final class Publisher extends UnsynchronizedAppenderBase<ILoggingEvent> {
        static final int MAX_MESSAGE = 8192;

        final RequestLogger hub;

        Publisher(RequestLogger hub) {
            this.hub = hub;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (!hub.anyListening() || !event.getLevel().isGreaterOrEqual(Level.DEBUG)) {
                return;
            }
            String key = event.getMDCPropertyMap().get(RequestLogger.MDC_KEY);
            if (key == null || !hub.listening(key)) {
                return;
            }
            hub.publish(key, event.getLevel().toString(), event.getLoggerName(), event.getTimeStamp(), message(event));
        }

        private static String message(ILoggingEvent event) {
            String message = event.getFormattedMessage();
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                message = message + "\n" + thrown.getClassName() + ": " + thrown.getMessage();
            }
            return message != null && message.length() > MAX_MESSAGE
                    ? message.substring(0, MAX_MESSAGE) + "… (" + (message.length() - MAX_MESSAGE) + " more characters)"
                    : message;
        }
    }

    /** Logback's reset drops turbo filters and appenders: put ours back. */
    static final class ResetListener implements LoggerContextListener {
        final RequestLogger hub;

        ResetListener(RequestLogger hub) {
            this.hub = hub;
        }

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onStart(LoggerContext context) {
        }

        @Override
        public void onReset(LoggerContext context) {
            attach(context, hub);
        }

        @Override
        public void onStop(LoggerContext context) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    }
}
