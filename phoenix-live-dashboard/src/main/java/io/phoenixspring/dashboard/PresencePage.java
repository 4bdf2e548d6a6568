package io.phoenixspring.dashboard;

import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.presence.tracker.ReplicaCount;
import io.phoenixspring.presence.tracker.Tracker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The presence page ({@code <dashboard>/presence}): the tracker's replicas (this node, the others up
 * and down), the presences each node holds, the top {@value #TOP_TOPICS} topics by metas with their
 * keys and metas per node, and a topic's first {@value #MAX_KEYS} keys on click. A built-in page; the
 * auto-configuration makes it a bean.
 */
@TemplateImports(DashboardComponents.class)
public final class PresencePage extends DashboardPage {

    static final int TOP_TOPICS = 20;
    static final int MAX_KEYS = 100;
    private static final int MAX_META_CHARS = 160;

    private final ObjectProvider<Presence> presence;

    public PresencePage(ObjectProvider<Presence> presence) {
        this.presence = presence;
    }

    /** A replica of the tracker: its id, its node name, and whether it is this node, up or down. */
    public record Replica(String replica, String node, String status, int keys, int metas) {
    }

    /** Keys and metas of a topic on one node. */
    public record NodeCount(String node, int keys, int metas) {
    }

    /** A topic of the top list: its distinct keys, its metas, and the same per node. */
    public record TopicRow(int index, String topic, int keys, int metas, List<NodeCount> nodes) {
    }

    /** A key of the selected topic: its metas and the first of them, refs left out, shortened. */
    public record KeyRow(int index, String key, int metas, String meta) {
    }

    @Override
    protected void mountPage(Map<String, Object> params, LiveSocket socket) {
        socket.assign("available", presence.getIfAvailable() != null)
                .assign("selected", null)
                .assign("keys", List.of())
                .assign("keys_total", 0);
    }

    @Override
    protected void handleRefresh(LiveSocket socket) {
        Presence tracked = presence.getIfAvailable();
        if (tracked == null) {
            socket.assign("totals", Map.of("topics", 0, "metas", 0)).assign("replicas", List.of()).assign("topics", List.of());
            return;
        }
        Tracker tracker = tracked.tracker();
        Map<String, int[]> perReplica = new TreeMap<>();
        record Counted(String topic, int metas, List<ReplicaCount> replicas) {
        }
        List<Counted> counted = new ArrayList<>();
        int metas = 0;
        // One pass over every topic (a copy of its per-replica counts, not of its presences).
        for (String topic : tracker.topics()) {
            List<ReplicaCount> counts = tracker.replicaCounts(topic);
            int topicMetas = 0;
            for (ReplicaCount c : counts) {
                int[] total = perReplica.computeIfAbsent(c.replica(), r -> new int[2]);
                total[0] += c.keys();
                total[1] += c.metas();
                topicMetas += c.metas();
            }
            if (topicMetas > 0) {
                counted.add(new Counted(topic, topicMetas, counts));
                metas += topicMetas;
            }
        }
        counted.sort(Comparator.comparingInt(Counted::metas).reversed().thenComparing(Counted::topic));
        List<TopicRow> top = new ArrayList<>();
        for (Counted c : counted.subList(0, Math.min(TOP_TOPICS, counted.size()))) {
            List<NodeCount> nodes = c.replicas().stream()
                    .map(r -> new NodeCount(node(r.replica()), r.keys(), r.metas())).toList();
            top.add(new TopicRow(top.size(), c.topic(), tracker.list(c.topic()).size(), c.metas(), nodes));
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("topics", counted.size());
        totals.put("metas", metas);
        socket.assign("totals", totals)
                .assign("replicas", replicas(tracker, perReplica))
                .assign("topics", top);
        String selected = socket.get("selected");
        if (selected != null) {
            showKeys(tracker, selected, socket);
        }
    }

    private static List<Replica> replicas(Tracker tracker, Map<String, int[]> perReplica) {
        List<Replica> replicas = new ArrayList<>();
        int[] own = perReplica.getOrDefault(tracker.replica(), new int[2]);
        replicas.add(new Replica(tracker.replica(), node(tracker.replica()), "this node", own[0], own[1]));
        for (String up : new java.util.TreeSet<>(tracker.upReplicas())) {
            int[] c = perReplica.getOrDefault(up, new int[2]);
            replicas.add(new Replica(up, node(up), "up", c[0], c[1]));
        }
        for (String down : new java.util.TreeSet<>(tracker.downReplicas())) {
            // A down node's presences are hidden until it comes back: none are counted.
            replicas.add(new Replica(down, node(down), "down", 0, 0));
        }
        return replicas;
    }

    /** Shows a topic's keys; clicking the topic shown again hides them. */
    @HandleEvent("show_topic")
    void showTopic(Map<String, Object> value, LiveSocket socket) {
        Presence tracked = presence.getIfAvailable();
        Object topic = value.get("topic");
        // Only a tracked topic is shown: a hand-made value (any size) is not echoed back into the page.
        if (tracked == null || !(topic instanceof String name) || name.equals(socket.get("selected"))
                || tracked.tracker().size(name) == 0) {
            socket.assign("selected", null).assign("keys", List.of()).assign("keys_total", 0);
            return;
        }
        socket.assign("selected", name);
        showKeys(tracked.tracker(), name, socket);
    }

    private static void showKeys(Tracker tracker, String topic, LiveSocket socket) {
        Map<String, List<Map<String, Object>>> listed = tracker.list(topic);
        List<KeyRow> keys = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : listed.entrySet()) {
            if (keys.size() == MAX_KEYS) {
                break;
            }
            keys.add(new KeyRow(keys.size(), e.getKey(), e.getValue().size(), meta(e.getValue())));
        }
        socket.assign("keys", keys).assign("keys_total", listed.size());
    }

    private static String meta(List<Map<String, Object>> metas) {
        if (metas.isEmpty()) {
            return "";
        }
        Map<String, Object> shown = new TreeMap<>(metas.get(0));
        shown.remove("phx_ref");
        shown.remove("phx_ref_prev");
        String text = shown.toString();
        return text.length() <= MAX_META_CHARS ? text : text.substring(0, MAX_META_CHARS) + "…";
    }

    /** The node of a replica id ({@code node#incarnation}). */
    static String node(String replica) {
        int hash = replica.lastIndexOf('#');
        return hash < 0 ? replica : replica.substring(0, hash);
    }
}
