package io.phoenixspring.web.endpoint;

import io.netty.channel.Channel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts open connections; one past the cap is closed as soon as it is accepted. A flood of them
 * is one WARN per interval with the count, not a line per connection.
 */
final class ConnectionCap {

    private static final Logger log = LoggerFactory.getLogger(HttpServerLimits.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong lastLogAt = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    ConnectionCap(int max) {
        this.max = max;
    }

    /** @return whether the channel may stay open; if not, it is being closed */
    boolean admit(Channel channel) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            channel.close();
            refused();
            return false;
        }
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        return true;
    }

    int open() {
        return open.get();
    }

    private void refused() {
        long refused = refusedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogAt.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLogAt.compareAndSet(last, now)) {
            refusedSinceLog.addAndGet(-refused);
            log.warn("Refused {} connection(s) in the last {} s: {} connections are open, the most allowed "
                    + "(phoenix.endpoint.http.max-connections)", refused, TimeUnit.NANOSECONDS.toSeconds(LOG_INTERVAL_NANOS), max);
        }
    }
}
