package io.phoenixspring.presence.tracker;

/**
 * How many of a topic's visible presences one replica holds: the keys it has at least one meta
 * for, and its metas. A key tracked on two nodes counts once on each.
 *
 * <pre>{@code
 * for (ReplicaCount c : tracker.replicaCounts("room:lobby")) {
 *     System.out.println(c.replica() + ": " + c.keys() + " users, " + c.metas() + " presences");
 * }
 * }</pre>
 *
 * @param replica the replica id ({@link Tracker#replica()}: the node name, {@code #}, a per-start suffix)
 * @param keys the topic's keys with a meta of this replica
 * @param metas the topic's metas of this replica
 */
public record ReplicaCount(String replica, int keys, int metas) {
}
