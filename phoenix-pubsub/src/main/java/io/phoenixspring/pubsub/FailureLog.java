package io.phoenixspring.pubsub;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a streak of publish failures without flooding: the first failure with its stack trace,
 * then at most one summary line per interval, and a line when publishing works again. During a
 * Redis outage every broadcast fails, and one line per broadcast would bury everything else.
 */
final class FailureLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong failuresInStreak = new AtomicLong();
    private final AtomicLong lastLoggedAt = new AtomicLong();

    FailureLog(Logger log, long interval, TimeUnit unit) {
        this.log = log;
        this.intervalNanos = unit.toNanos(interval);
    }

    void failure(String what, Throwable cause) {
        long n = failuresInStreak.incrementAndGet();
        long now = System.nanoTime();
        if (n == 1) {
            lastLoggedAt.set(now);
            log.warn("{} failed; later failures are summarised every {} s until it works again", what,
                    TimeUnit.NANOSECONDS.toSeconds(intervalNanos), cause);
            return;
        }
        long last = lastLoggedAt.get();
        if (now - last >= intervalNanos && lastLoggedAt.compareAndSet(last, now)) {
            log.warn("{} failed; {} failures in a row so far, latest: {}", what, n, describe(cause));
        }
    }

    void success(String what) {
        long n = failuresInStreak.getAndSet(0);
        if (n > 0) {
            log.info("{} works again after {} failure(s)", what, n);
        }
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
