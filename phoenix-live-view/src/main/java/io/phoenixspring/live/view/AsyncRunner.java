package io.phoenixspring.live.view;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import reactor.core.scheduler.Schedulers;

/**
 * Where LiveViews' async work runs ({@link LiveSocket#assignAsync}, {@link LiveSocket#startAsync}):
 * off the views' own mailboxes, on an executor, each result going back to its view as a message so
 * that the view's state only ever changes one callback at a time. The default runs on Reactor's
 * bounded elastic scheduler (the work may block); give {@code LiveRoutes.Builder.async} your own.
 *
 * <pre>{@code
 * LiveRoutes.builder(beans, tokens).async(new AsyncRunner(myExecutor)).build();
 * runner.whenDone(view.id()).get(5, SECONDS);      // render_async: the view's running work finished
 * }</pre>
 */
public final class AsyncRunner {

    /** The runner of sockets whose runtime names none. */
    static final AsyncRunner DEFAULT = new AsyncRunner(task -> Schedulers.boundedElastic().schedule(task));

    private final Executor executor;
    /** The jobs started and not finished yet, by view id: what {@link #whenDone} waits for. */
    private final ConcurrentHashMap<String, Set<Job>> running = new ConcurrentHashMap<>();

    public AsyncRunner(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The default runner: Reactor's bounded elastic scheduler. */
    public static AsyncRunner boundedElastic() {
        return DEFAULT;
    }

    /**
     * Completes once the work running now for the view with this id has finished (or was cancelled)
     * and its result is queued to the view ({@code render_async}); at once when none runs.
     */
    public CompletableFuture<Void> whenDone(String viewId) {
        Set<Job> jobs = running.get(viewId);
        if (jobs == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(jobs.stream().map(job -> job.finished).toArray(CompletableFuture[]::new));
    }

    /** How many jobs of that view run (or wait for a thread) now. */
    public int running(String viewId) {
        Set<Job> jobs = running.get(viewId);
        return jobs == null ? 0 : jobs.size();
    }

    /** What a job reports when its work ends: the value, or what it threw. */
    interface Report {
        void done(Object value, Throwable failure);
    }

    Job start(String viewId, Callable<?> work, Report report) {
        Job job = new Job(viewId, work, report);
        running.computeIfAbsent(viewId, id -> ConcurrentHashMap.newKeySet()).add(job);
        try {
            executor.execute(job);
        } catch (RuntimeException rejected) {
            job.finish();
            throw rejected;
        }
        return job;
    }

    /**
     * One piece of work: it reports once, unless cancelled first; cancelling interrupts its thread
     * while (and only while) the work runs there.
     */
    final class Job implements Runnable {
        private final String viewId;
        private final Callable<?> work;
        private final Report report;
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        /** Guarded by this: the thread running the work, and whether it was cancelled. */
        private Thread thread;
        private boolean cancelled;
        private boolean reported;

        private Job(String viewId, Callable<?> work, Report report) {
            this.viewId = viewId;
            this.work = work;
            this.report = report;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                thread = Thread.currentThread();
            }
            Object value = null;
            Throwable failure = null;
            try {
                value = work.call();
            } catch (Throwable thrown) {
                failure = thrown;
            } finally {
                synchronized (this) {
                    thread = null;
                    // A cancel that came as the work returned must not interrupt the pool's next task.
                    Thread.interrupted();
                }
            }
            if (claim()) {
                try {
                    report.done(value, failure);
                } finally {
                    finish();
                }
            }
        }

        /**
         * Stops the work: it will not report, and its thread is interrupted if it runs. Returns whether
         * this cancel came first (the work had not reported yet), so that the caller may report the
         * cancellation itself. Work that ignores the interrupt runs on, unseen: its result is dropped.
         */
        boolean cancel() {
            boolean first = claim();
            synchronized (this) {
                cancelled = true;
                if (thread != null) {
                    thread.interrupt();
                }
            }
            if (first) {
                finish();
            }
            return first;
        }

        private synchronized boolean claim() {
            if (reported) {
                return false;
            }
            reported = true;
            return true;
        }

        void finish() {
            running.computeIfPresent(viewId, (id, jobs) -> {
                jobs.remove(this);
                return jobs.isEmpty() ? null : jobs;
            });
            finished.complete(null);
        }
    }
}
