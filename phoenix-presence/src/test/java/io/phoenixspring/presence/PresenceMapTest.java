package io.phoenixspring.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.server.ChannelsMetrics;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.pubsub.PubSub;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A listed presence map writes the metas' kept JSON text instead of encoding them again: the
 * bytes must be exactly what the wire serializer (sorted map keys) writes for the same values,
 * whatever the metas hold and whatever the caller changed in the map.
 */
class PresenceMapTest {

    /** As the channels' wire serializer is configured. */
    private static final JsonMapper WIRE = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    @Test
    void listedPresencesWriteExactlyAsTheirPlainValuesDo() {
        PubSub pubSub = PubSub.builder().build();
        SocketRuntime runtime = new SocketRuntime(pubSub, ChannelsMetrics.noop());
        try (Presence presence = Presence.builder(pubSub, new Endpoint(runtime)).build()) {
            Object owner = new Object();
            Map<String, Object> odd = new LinkedHashMap<>();
            odd.put("z", "last");
            odd.put("name", "Zoë \"quoted\" \\ back\u0001slash </script> \uD83D\uDE00");
            odd.put("n", 12.5);
            odd.put("big", 12345678901234L);
            odd.put("flag", true);
            odd.put("none", null);
            odd.put("nested", Map.of("b", List.of(1, "two", Map.of("y", 1, "x", 2)), "a", Map.of()));
            presence.track(owner, "room:map", "bob", odd);
            presence.track(owner, "room:map", "alice", Map.of("status", "online"));
            presence.track(new Object(), "room:map", "alice", Map.of("status", "away"));
            presence.track(owner, "room:map", "ab\"c", Map.of());

            Map<String, Map<String, Object>> listed = presence.list("room:map");
            assertThat(listed).isInstanceOf(PresenceMap.class);
            assertSameJson(listed);

            // Plain values (a conversion, as a PubSub broadcast makes) are equal to the listed ones.
            assertThat(PLAIN.convertValue(listed, Map.class)).isEqualTo(listed);

            // The caller changes the map before pushing it: what it put is written as it is.
            listed.remove("bob");
            listed.put("carol", Map.of("metas", List.of(Map.of("phx_ref", "x", "b", 2, "a", 1)), "extra", 1));
            Map<String, Object> alice = new LinkedHashMap<>(listed.get("alice"));
            List<Object> metas = new ArrayList<>((List<?>) alice.get("metas"));
            metas.add(Map.of("phx_ref", "added", "status", "new"));
            alice.put("metas", metas);
            listed.put("alice", alice);
            assertSameJson(listed);
        } finally {
            runtime.close();
            pubSub.close();
        }
    }

    private static void assertSameJson(Map<String, Map<String, Object>> listed) {
        Object plain = PLAIN.convertValue(listed, Object.class);
        assertThat(plain).isNotInstanceOf(PresenceMap.class);
        assertThat(WIRE.writeValueAsString(listed)).isEqualTo(WIRE.writeValueAsString(plain));
        assertThat(PLAIN.writeValueAsString(listed)).isEqualTo(PLAIN.writeValueAsString(plain));
    }
}
