package io.phoenixspring.autoconfigure.actuate;

import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.presence.tracker.Tracker;
import io.phoenixspring.pubsub.PubSub;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code phoenix}: this node's sockets, channels, presences and PubSub, the
 * figures LiveDashboard shows. Expose it with {@code management.endpoints.web.exposure.include=phoenix}.
 *
 * <pre>{@code
 * curl localhost:4000/actuator/phoenix
 * # {"sockets":{"UserSocket":{"websocket":2}},"channels":{"room:*":2},
 * #  "presence":{"topics":1,"keys":2,"metas":2,"byTopic":{"room:lobby":{"keys":2,"metas":2}}},
 * #  "pubsub":{"node":"web-1","adapter":"RedisPubSubAdapter","topics":5}}
 * }</pre>
 *
 * A part whose module is switched off (no {@link SocketRuntime}, no {@link Presence}) is left out.
 */
@Endpoint(id = "phoenix")
public class PhoenixEndpoint {

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
            figures.put("pubsub", pubsub);
        }
        return figures;
    }

    private static Map<String, Object> presence(Tracker tracker) {
        Map<String, Object> byTopic = new LinkedHashMap<>();
        int keys = 0;
        int metas = 0;
        for (String topic : tracker.topics()) {
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
        return figures;
    }
}
