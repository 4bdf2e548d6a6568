package io.phoenixspring.live.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One view's async work (Phoenix.LiveView.Async): which job is current for each async assign and each
 * {@code startAsync} name. A newer job for a key replaces (cancels) the older; a job's result counts
 * only while it is current. Touched only by the view's own callbacks, one at a time; the jobs report
 * through {@code send}, i.e. through the view's mailbox.
 */
final class AsyncTasks {

    private static final Logger log = LoggerFactory.getLogger(AsyncTasks.class);

    /** A job's report, delivered to the view as a message ({@link LiveProcess#handleInfo} takes it). */
    record Done(Task task, Object value, Throwable failure) {
    }

    /** A job and what it is for: the keys of an {@code assignAsync}, or the name of a {@code startAsync}. */
    static final class Task {
        final List<String> keys;
        final String name;
        AsyncRunner.Job job;

        private Task(List<String> keys, String name) {
            this.keys = keys;
            this.name = name;
        }
    }

    /** What a finished {@code startAsync} asks of the view: {@code handleAsync(name, result)}. */
    record Started(String name, AsyncResult result) {
    }

    private final String viewId;
    private final AsyncRunner runner;
    private final Consumer<Object> mailbox;
    private final Map<String, Task> assigning = new HashMap<>();
    private final Map<String, Task> started = new HashMap<>();

    AsyncTasks(String viewId, AsyncRunner runner, Consumer<Object> mailbox) {
        this.viewId = viewId;
        this.runner = runner;
        this.mailbox = mailbox;
    }

    /**
     * Runs {@code work} for these keys, replacing what ran for any of them; {@code failOthers} gets the
     * keys of a replaced job that this one does not load (they would be loading forever).
     */
    void assign(List<String> keys, Callable<?> work, Consumer<Set<String>> failOthers) {
        Set<String> orphans = new LinkedHashSet<>();
        for (String key : keys) {
            Task older = assigning.remove(key);
            if (older != null) {
                older.job.cancel();
                for (String other : older.keys) {
                    if (!keys.contains(other) && assigning.remove(other) == older) {
                        orphans.add(other);
                    }
                }
            }
        }
        if (!orphans.isEmpty()) {
            failOthers.accept(orphans);
        }
        Task task = new Task(List.copyOf(keys), null);
        start(task, work);
        keys.forEach(key -> assigning.put(key, task));
    }

    /** Runs {@code work} as {@code name}, replacing what ran under that name (its result is dropped). */
    void start(String name, Callable<?> work) {
        Task older = started.remove(name);
        if (older != null) {
            older.job.cancel();
        }
        Task task = new Task(null, name);
        start(task, work);
        started.put(name, task);
    }

    private void start(Task task, Callable<?> work) {
        task.job = runner.start(viewId, work, (value, failure) -> mailbox.accept(new Done(task, value, failure)));
    }

    /**
     * Cancels the job of an async assign key or a {@code startAsync} name. Returns the keys of the
     * cancelled assign job (to be marked failed), empty otherwise; a cancelled {@code startAsync} still
     * reports, as a {@link CancellationException}, to {@code handleAsync} through the mailbox.
     */
    List<String> cancel(String keyOrName) {
        Task task = started.get(keyOrName);
        if (task != null) {
            if (task.job.cancel()) {
                mailbox.accept(new Done(task, null, new CancellationException("cancelled")));
            }
            return List.of();
        }
        task = assigning.get(keyOrName);
        if (task == null) {
            return List.of();
        }
        task.job.cancel();
        task.keys.forEach(assigning::remove);
        return task.keys;
    }

    /** Whether a report is of the current job of its keys or name (else it was replaced or cancelled: dropped). */
    boolean current(Done done) {
        Task task = done.task();
        Map<String, Task> owner = task.name != null ? started : assigning;
        String key = task.name != null ? task.name : task.keys.get(0);
        if (owner.get(key) != task) {
            return false;
        }
        if (task.name != null) {
            started.remove(task.name);
        } else {
            task.keys.forEach(assigning::remove);
        }
        if (done.failure() != null && !(done.failure() instanceof CancellationException)) {
            log.warn("LiveView {}: async {} failed: {}", viewId, task.name != null ? "\"" + task.name + "\"" : task.keys,
                    done.failure().toString());
        }
        return true;
    }

    /** Cancels everything (the view ends): nothing reports any more. */
    void cancelAll() {
        List<Task> all = new ArrayList<>(started.values());
        all.addAll(assigning.values());
        started.clear();
        assigning.clear();
        all.forEach(task -> task.job.cancel());
    }
}
