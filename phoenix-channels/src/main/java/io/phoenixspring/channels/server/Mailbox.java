package io.phoenixspring.channels.server;

import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in order, on a shared executor: the Java stand-in for an Erlang
 * process's mailbox. No thread is owned; an idle mailbox costs a queue and a flag. A task may
 * return a pending stage, and the mailbox then waits for it before the next task, which is how a
 * handler returning a Mono keeps the channel's one-message-at-a-time guarantee.
 */
final class Mailbox {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

    interface Task {
        /** @return null when done, or a stage the mailbox waits for */
        CompletionStage<?> run();
    }

    private final Executor executor;
    private final Queue<Task> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    Mailbox(Executor executor) {
        this.executor = executor;
    }

    /**
     * Tasks waiting, the one running excluded: a walk of the queue (no counter on the hot path),
     * so only for diagnostics, and approximate while tasks come and go.
     */
    int depth() {
        return queue.size();
    }

    void execute(Task task) {
        queue.offer(task);
        if (running.compareAndSet(false, true)) {
            schedule();
        }
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RuntimeException rejected) {
            // The executor is shutting down: nothing more will run here.
            log.debug("mailbox executor rejected work", rejected);
            queue.clear();
            running.set(false);
        }
    }

    private void drain() {
        for (;;) {
            Task task = queue.poll();
            if (task == null) {
                running.set(false);
                if (queue.isEmpty() || !running.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            CompletionStage<?> pending;
            try {
                pending = task.run();
            } catch (Throwable unexpected) {
                log.error("unexpected failure in a socket or channel task", unexpected);
                pending = null;
            }
            if (pending != null && !pending.toCompletableFuture().isDone()) {
                pending.whenComplete((result, error) -> schedule());
                return;
            }
        }
    }
}
