package io.phoenixspring.channels.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phoenix's socket drainer: closes connections in batches ({@code 1012}, try another node), so
 * that clients reconnect to other nodes over time instead of all at once.
 */
final class Drainer {

    private static final Logger log = LoggerFactory.getLogger(Drainer.class);

    private Drainer() {
    }

    /** @return how many connections were asked to close */
    static int drain(List<SocketConnection> all, int batchSize, Duration batchInterval, Duration shutdown) {
        long deadline = System.nanoTime() + shutdown.toNanos();
        int closedCount = 0;
        for (int start = 0; start < all.size(); start += batchSize) {
            List<SocketConnection> batch = all.subList(start, Math.min(all.size(), start + batchSize));
            log.info("Draining {} of {} sockets", batch.size(), all.size());
            batch.forEach(connection -> connection.closeWith(SocketConnection.CLOSE_RESTART, "draining"));
            closedCount += batch.size();
            long remaining = deadline - System.nanoTime();
            if (start + batchSize < all.size() && remaining > 0) {
                try {
                    Thread.sleep(Math.min(batchInterval.toMillis(), TimeUnit.NANOSECONDS.toMillis(remaining)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return closedCount;
    }
}
