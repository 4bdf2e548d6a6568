package io.phoenixspring.presence;

import io.phoenixspring.presence.tracker.TrackedPresence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the tracker's changes per topic and sends them as {@code presence_diff}s: at once
 * (window zero) or once per window. Changes of a topic go out in the order they happened: a
 * topic's pending changes are drained and sent under its lane's lock, and each lane is one thread.
 *
 * <p>Within one diff the JS client applies the joins before the leaves. So a join followed by a
 * leave of the same {@code phx_ref} may share a diff (the meta ends up gone, as it should), but a
 * leave followed by a join of the same ref (a replica that went down and came back) may not: the
 * join then starts a new diff, sent right after the first.
 */
final class DiffBuffer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiffBuffer.class);

    /** One diff being gathered: ref → presence, in arrival order. */
    private static final class Segment {
        final LinkedHashMap<String, TrackedPresence> joins = new LinkedHashMap<>();
        final LinkedHashMap<String, TrackedPresence> leaves = new LinkedHashMap<>();

        boolean isEmpty() {
            return joins.isEmpty() && leaves.isEmpty();
        }
    }

    private final long windowNanos;
    private final ScheduledThreadPoolExecutor[] lanes;
    private final Object[] laneLocks;
    private final Map<String, List<Segment>> pending = new HashMap<>();
    private final DiffSender sender;

    /** Builds and sends one diff of a topic: joins and leaves grouped by key. */
    interface DiffSender {
        void send(String topic, Map<String, List<Map<String, Object>>> joins, Map<String, List<Map<String, Object>>> leaves);
    }

    DiffBuffer(Duration window, int laneCount, String name, DiffSender sender) {
        this.windowNanos = window.toNanos();
        this.sender = sender;
        this.lanes = new ScheduledThreadPoolExecutor[laneCount];
        this.laneLocks = new Object[laneCount];
        for (int i = 0; i < laneCount; i++) {
            String threadName = "phx-presence-diffs-" + name + "-" + i;
            ScheduledThreadPoolExecutor lane = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            lane.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            lanes[i] = lane;
            laneLocks[i] = new Object();
        }
    }

    /** Called by the tracker, under its shard lock: only records the change and schedules a flush. */
    void add(String topic, List<TrackedPresence> joins, List<TrackedPresence> leaves) {
        boolean schedule;
        synchronized (pending) {
            List<Segment> segments = pending.get(topic);
            schedule = segments == null;
            if (schedule) {
                segments = new ArrayList<>(1);
                segments.add(new Segment());
                pending.put(topic, segments);
            }
            for (TrackedPresence leave : leaves) {
                segments.get(segments.size() - 1).leaves.put(leave.ref(), leave);
            }
            for (TrackedPresence join : joins) {
                Segment current = segments.get(segments.size() - 1);
                if (current.leaves.containsKey(join.ref())) {
                    current = new Segment();
                    segments.add(current);
                }
                current.joins.put(join.ref(), join);
            }
        }
        if (schedule) {
            int lane = lane(topic);
            try {
                if (windowNanos == 0) {
                    lanes[lane].execute(() -> flush(topic));
                } else {
                    lanes[lane].schedule(() -> flush(topic), windowNanos, TimeUnit.NANOSECONDS);
                }
            } catch (RuntimeException rejected) {
                // closed: nobody is listening any more
            }
        }
    }

    /** Sends what is pending for a topic now, on the calling thread, in order with the lane's other flushes. */
    void flush(String topic) {
        synchronized (laneLocks[lane(topic)]) {
            List<Segment> segments;
            synchronized (pending) {
                segments = pending.remove(topic);
            }
            if (segments == null) {
                return;
            }
            for (Segment segment : segments) {
                if (segment.isEmpty()) {
                    continue;
                }
                try {
                    sender.send(topic, group(segment.joins), group(segment.leaves));
                } catch (RuntimeException e) {
                    log.error("Could not send a presence_diff on topic '{}'", topic, e);
                }
            }
        }
    }

    /** Number of topics with changes not sent yet. */
    int pendingTopics() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private static Map<String, List<Map<String, Object>>> group(Map<String, TrackedPresence> byRef) {
        Map<String, List<Map<String, Object>>> byKey = new LinkedHashMap<>();
        byRef.values().forEach(p -> byKey.computeIfAbsent(p.key(), k -> new ArrayList<>(1)).add(p.meta()));
        return byKey;
    }

    private int lane(String topic) {
        return Math.floorMod(topic.hashCode(), lanes.length);
    }

    @Override
    public void close() {
        for (ScheduledThreadPoolExecutor lane : lanes) {
            lane.shutdownNow();
        }
    }
}
