package io.phoenixspring.autoconfigure.actuate;

import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.presence.tracker.Tracker;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.presence.tracker.ReplicaCount;
import io.phoenixspring.pubsub.TopicStats;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code phoenix}: this node's sockets, channels, presences and PubSub, the
 * figures the LiveDashboard's pages show (top lists of 10). Expose it with {@code management.endpoints.web.exposure.include=phoenix}.
 *
 * <pre>{@code
 * curl localhost:4000/actuator/phoenix
 * # {"sockets":{"UserSocket":{"websocket":2}},"channels":{"room:*":2},
 * #  "dropped":{"slow_consumer":0,"invalid_message":0,"unencodable":0},
 * #  "mailboxes":[{"socket":"UserSocket","transport":"websocket","topic":"room:lobby","pattern":"room:*","depth":0,"outbound":0},…],
 * #  "presence":{"topics":1,"keys":2,"metas":2,"byTopic":{"room:lobby":{"keys":2,"metas":2}},"byNode":{"web-1":{"keys":2,"metas":2}}},
 * #  "pubsub":{"node":"web-1","adapter":"RedisPubSubAdapter","topics":5,
 * #            "topTopics":[{"topic":"room:lobby","subscribers":2,"messages":7},…],"nodesSeen":[{"node":"web-2","lastSeen":"…"}]}}
 * }</pre>
 *
 * A part whose module is switched off (no {@link SocketRuntime}, no {@link Presence}) is left out.
 */
@Endpoint(id = "phoenix")
public class PhoenixEndpoint {

    /** How many entries the top lists (deepest mailboxes, topics by subscribers) hold. */
    private static final int TOP = 10;

    private final ObjectProvider<PubSub> pubSub;
    private final ObjectProvider<SocketRuntime> sockets;
    private final ObjectProvider<Presence> presence;

    public PhoenixEndpoint(ObjectProvider<PubSub> pubSub, ObjectProvider<SocketRuntime> sockets,
            ObjectProvider<Presence> presence) {
        this.pubSub = pubSub;
        this.sockets = sockets;
        this.presence = presence;
    }

    @ReadOperation
    public Map<String, Object> phoenix() {
        Map<String, Object> figures = new LinkedHashMap<>();
        SocketRuntime runtime = sockets.getIfAvailable();
        if (runtime != null) {
            figures.put("sockets", runtime.connectionsBySocket());
            figures.put("channels", runtime.metrics().joinedByRoute());
            Map<String, Object> dropped = new LinkedHashMap<>();
            dropped.put("slow_consumer", runtime.metrics().slowConsumerDisconnects());
            dropped.put("invalid_message", runtime.metrics().invalidMessages());
            dropped.put("unencodable", runtime.metrics().unencodableMessages());
            figures.put("dropped", dropped);
            figures.put("mailboxes", runtime.deepestMailboxes(TOP));
        }
        Presence tracked = presence.getIfAvailable();
        if (tracked != null) {
            figures.put("presence", presence(tracked.tracker()));
        }
        PubSub bus = pubSub.getIfAvailable();
        if (bus != null) {
            Map<String, Object> pubsub = new LinkedHashMap<>();
            pubsub.put("node", bus.nodeName());
            pubsub.put("name", bus.name());
            pubsub.put("adapter", bus.adapterName());
            pubsub.put("topics", bus.topicCount());
            pubsub.put("topTopics", bus.topicStats().stream()
                    .sorted(Comparator.comparingInt(TopicStats::subscribers).reversed().thenComparing(TopicStats::topic))
                    .limit(TOP).toList());
            pubsub.put("nodesSeen", bus.nodesSeen());
            figures.put("pubsub", pubsub);
        }
        return figures;
    }

    private static Map<String, Object> presence(Tracker tracker) {
        Map<String, Object> byTopic = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> byNode = new TreeMap<>();
        int keys = 0;
        int metas = 0;
        for (String topic : tracker.topics()) {
            for (ReplicaCount count : tracker.replicaCounts(topic)) {
                // A replica is "node#incarnation"; the node name is what users know.
                int hash = count.replica().lastIndexOf('#');
                Map<String, Integer> node = byNode.computeIfAbsent(hash < 0 ? count.replica() : count.replica().substring(0, hash),
                        n -> new LinkedHashMap<>(Map.of("keys", 0, "metas", 0)));
                node.merge("keys", count.keys(), Integer::sum);
                node.merge("metas", count.metas(), Integer::sum);
            }
            int topicKeys = tracker.list(topic).size();
            int topicMetas = tracker.size(topic);
            if (topicMetas > 0) {
                byTopic.put(topic, Map.of("keys", topicKeys, "metas", topicMetas));
                keys += topicKeys;
                metas += topicMetas;
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("topics", byTopic.size());
        figures.put("keys", keys);
        figures.put("metas", metas);
        figures.put("byTopic", byTopic);
        figures.put("byNode", byNode);
        return figures;
    }
}
