package io.phoenixspring.presence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link PresenceHandler}s: every diff the {@link DiffBuffer} sends is queued to one
 * thread of its own, which keeps each topic's presences as the diffs build them (Phoenix keeps the
 * same mirror for {@code handle_metas}) and calls each handler in turn with its state. Handlers are
 * serialized, in diff order, so their state needs no lock; the diff lanes only enqueue.
 *
 * <p>The mirror is built from the diffs, not read from the tracker, so that {@code presences}
 * matches the diff being handled: two tabs leaving one after the other give "one left" then "last
 * one left", even if both have left the tracker by the time the first diff is handled.
 */
final class PresenceHandlers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PresenceHandlers.class);
    private static final String METAS = "metas";
    private static final String PHX_REF = "phx_ref";
    /** Queued diffs beyond which one WARN says the handlers fall behind (again once the queue has drained). */
    static final int BACKLOG_WARNING = 10_000;

    private final List<Slot<?>> slots;
    private final ThreadPoolExecutor executor;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final String name;
    private volatile boolean behind;
    /** topic → key → metas (immutable lists); touched by the handler thread only. */
    private final Map<String, Map<String, List<Map<String, Object>>>> topics = new HashMap<>();

    /** Calls every handler's {@code init()} on the calling thread; none is empty and starts no thread. */
    PresenceHandlers(List<PresenceHandler<?>> handlers, String name) {
        this.name = name;
        List<Slot<?>> started = new ArrayList<>(handlers.size());
        for (PresenceHandler<?> handler : handlers) {
            started.add(Slot.start(handler));
        }
        this.slots = List.copyOf(started);
        if (slots.isEmpty()) {
            this.executor = null;
        } else {
            String threadName = "phx-presence-handlers-" + name;
            this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, queue, r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /**
     * Queues one diff: {@code rawJoins}/{@code rawLeaves} ({@code key → metas}, as tracked) keep
     * the mirror, {@code joins}/{@code leaves} (after the fetcher) go to the handlers.
     */
    void dispatch(String topic, Map<String, List<Map<String, Object>>> rawJoins,
            Map<String, List<Map<String, Object>>> rawLeaves, Map<String, Map<String, Object>> joins,
            Map<String, Map<String, Object>> leaves) {
        if (executor == null) {
            return;
        }
        try {
            executor.execute(() -> handle(topic, rawJoins, rawLeaves, Collections.unmodifiableMap(joins),
                    Collections.unmodifiableMap(leaves)));
        } catch (RejectedExecutionException closed) {
            return; // closed: nobody is listening any more
        }
        int backlog = queue.size();
        if (backlog > BACKLOG_WARNING && !behind) {
            behind = true;
            log.warn("Presence '{}' handlers are {} diffs behind: handleMetas is slower than the presence changes "
                    + "(tracking and presence_diffs are not held up; the queued diffs take memory)", name, backlog);
        }
    }

    private void handle(String topic, Map<String, List<Map<String, Object>>> rawJoins,
            Map<String, List<Map<String, Object>>> rawLeaves, Map<String, Map<String, Object>> joins,
            Map<String, Map<String, Object>> leaves) {
        Map<String, List<Map<String, Object>>> presences = merge(topic, rawJoins, rawLeaves);
        Map<String, List<Map<String, Object>>> view = presences.isEmpty() ? Map.of() : Collections.unmodifiableMap(presences);
        for (Slot<?> slot : slots) {
            slot.handle(topic, joins, leaves, view);
        }
        if (behind && queue.isEmpty()) {
            behind = false;
        }
    }

    /** Phoenix's {@code merge_diff}: joins first (metas not there yet are added), then leaves (by {@code phx_ref}). */
    private Map<String, List<Map<String, Object>>> merge(String topic, Map<String, List<Map<String, Object>>> joins,
            Map<String, List<Map<String, Object>>> leaves) {
        Map<String, List<Map<String, Object>>> presences = topics.computeIfAbsent(topic, t -> new HashMap<>());
        joins.forEach((key, metas) -> {
            List<Map<String, Object>> current = presences.getOrDefault(key, List.of());
            Set<Object> refs = refs(current);
            List<Map<String, Object>> merged = new ArrayList<>(current.size() + metas.size());
            merged.addAll(current);
            for (Map<String, Object> meta : metas) {
                if (refs.add(meta.get(PHX_REF))) {
                    merged.add(meta);
                }
            }
            presences.put(key, List.copyOf(merged));
        });
        leaves.forEach((key, metas) -> {
            List<Map<String, Object>> current = presences.get(key);
            if (current == null) {
                return;
            }
            Set<Object> gone = refs(metas);
            List<Map<String, Object>> remaining = new ArrayList<>(current.size());
            for (Map<String, Object> meta : current) {
                if (!gone.contains(meta.get(PHX_REF))) {
                    remaining.add(meta);
                }
            }
            if (remaining.isEmpty()) {
                presences.remove(key);
            } else {
                presences.put(key, List.copyOf(remaining));
            }
        });
        if (presences.isEmpty()) {
            topics.remove(topic);
        }
        return presences;
    }

    private static Set<Object> refs(List<Map<String, Object>> metas) {
        Set<Object> refs = new HashSet<>(metas.size() * 2);
        metas.forEach(meta -> refs.add(meta.get(PHX_REF)));
        return refs;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One handler and its state; used by the handler thread only. */
    private static final class Slot<S> {
        private final PresenceHandler<S> handler;
        private S state;
        private long failures;

        private Slot(PresenceHandler<S> handler, S state) {
            this.handler = handler;
            this.state = state;
        }

        static <S> Slot<S> start(PresenceHandler<S> handler) {
            return new Slot<>(handler, handler.init());
        }

        void handle(String topic, Map<String, Map<String, Object>> joins, Map<String, Map<String, Object>> leaves,
                Map<String, List<Map<String, Object>>> presences) {
            try {
                state = handler.handleMetas(topic, joins, leaves, presences, state);
            } catch (Exception e) {
                // A bug in the application's handler: its stack trace once, to find it; one line per failure after that.
                if (failures++ == 0) {
                    log.error("Presence handler {} failed on a diff of topic '{}': {}; it keeps its state and handles "
                            + "the next diffs as usual", handler.getClass().getName(), topic, e.toString(), e);
                } else {
                    log.error("Presence handler {} failed on a diff of topic '{}': {} ({} failures; the stack trace "
                            + "was logged with the first)", handler.getClass().getName(), topic, e, failures);
                }
            }
        }
    }
}
