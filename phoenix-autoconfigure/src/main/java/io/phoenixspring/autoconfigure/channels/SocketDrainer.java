package io.phoenixspring.autoconfigure.channels;

import io.phoenixspring.channels.server.SocketRuntime;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Phoenix's socket drainer: on shutdown, before the web server stops accepting, closes sockets
 * in batches (close code 1012) so that clients reconnect to other nodes gradually.
 */
final class SocketDrainer implements SmartLifecycle {

    /** Stops before the web server's graceful shutdown (which stops at DEFAULT_PHASE - 1024). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final SocketRuntime runtime;
    private final int batchSize;
    private final Duration batchInterval;
    private final Duration shutdown;
    private volatile boolean running;

    SocketDrainer(SocketRuntime runtime, int batchSize, Duration batchInterval, Duration shutdown) {
        this.runtime = runtime;
        this.batchSize = batchSize;
        this.batchInterval = batchInterval;
        this.shutdown = shutdown;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        runtime.drain(batchSize, batchInterval, shutdown);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
