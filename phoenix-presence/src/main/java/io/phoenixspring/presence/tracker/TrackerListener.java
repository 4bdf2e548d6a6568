package io.phoenixspring.presence.tracker;

import java.util.List;

/**
 * Phoenix.Tracker's {@code handle_diff}: told what became visible and what left on this node, one
 * call per topic and change, in the order the changes happened. It runs while the tracker shard
 * is locked, so it must be quick and must not call back into the tracker: queue the diff and
 * return (Presence coalesces it and broadcasts it later).
 *
 * <pre>{@code
 * TrackerListener listener = (topic, joins, leaves) -> queue.add(new Diff(topic, joins, leaves));
 * }</pre>
 */
@FunctionalInterface
public interface TrackerListener {

    void onDiff(String topic, List<TrackedPresence> joins, List<TrackedPresence> leaves);
}
