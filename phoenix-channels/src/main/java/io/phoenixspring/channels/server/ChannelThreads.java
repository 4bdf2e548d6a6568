package io.phoenixspring.channels.server;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The runtime's threads: where channel callbacks run (the runtime's own pool, or an executor the
 * application gives and shuts down itself) and the timer of {@code send_after}.
 */
final class ChannelThreads implements AutoCloseable {

    private final Executor executor;
    /** The pool this runtime made and so shuts down on close; null when the executor was given. */
    private final ExecutorService ownPool;
    private final Scheduler scheduler;
    private final ScheduledExecutorService timer;

    private ChannelThreads(Executor executor, ExecutorService ownPool, Scheduler scheduler) {
        this.executor = executor;
        this.ownPool = ownPool;
        this.scheduler = scheduler;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "phoenix-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Callbacks on the runtime's own pool, shut down with it. */
    static ChannelThreads own() {
        ExecutorService pool = defaultPool();
        return new ChannelThreads(pool, pool, Schedulers.fromExecutorService(pool, "phoenix-channel"));
    }

    /**
     * Callbacks on the application's executor. Reactor's fromExecutor(ExecutorService) shuts the
     * service down on dispose: the executor is seen as a plain Executor, so its owner alone shuts it down.
     */
    static ChannelThreads on(Executor given) {
        Executor plain = given::execute;
        return new ChannelThreads(given, null, Schedulers.fromExecutor(plain));
    }

    /**
     * Callbacks may block, so they run off the network threads, on a bounded pool (as many threads
     * as Reactor's bounded elastic) sharing one queue: under load its threads take the next task
     * without parking, where per-thread queues would wake a thread per task.
     */
    private static ExecutorService defaultPool() {
        int threads = Math.max(8, 10 * Runtime.getRuntime().availableProcessors());
        AtomicInteger threadCount = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "phoenix-channel-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    Executor executor() {
        return executor;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        scheduler.dispose();
        if (ownPool != null) {
            ownPool.shutdownNow();
        }
    }
}
