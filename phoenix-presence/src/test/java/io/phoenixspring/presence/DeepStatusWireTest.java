package io.phoenixspring.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.channels.support.TestServer;
import io.phoenixspring.presence.support.Node;
import io.phoenixspring.presence.support.RoomPresence;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, end to end on real sockets and two nodes over a real {@code redis-server}: the
 * deepest {@code set_status} a client can send (a frame 500 levels deep, the channels' read limit)
 * is answered {@code ok}, crosses to the other node in the tracker's heartbeat and reaches the
 * member there as a {@code presence_diff} (6 levels deeper than the client's payload was).
 */
class DeepStatusWireTest {

    private static final String TOPIC = "room:deep";

    @Test
    void theDeepestStatusAClientCanSendReachesAMemberOnAnotherNode() throws Exception {
        try (RedisServer redis = RedisServer.start();
                TestServer n1 = server(redis, "n1");
                TestServer n2 = server(redis, "n2");
                RawClient alice = join(n1, "alice");
                RawClient bob = join(n2, "bob")) {
            alice.await(frame -> frame.contains("\"presence_diff\"") && frame.contains("\"bob\""));

            alice.send("[\"1\",\"2\",\"" + TOPIC + "\",\"set_status\",{\"status\":" + nestedJson(498) + "}]");
            assertThat(alice.await(frame -> frame.startsWith("[\"1\",\"2\","))).endsWith("\"status\":\"ok\"}]");
            String diff = bob.await(frame -> frame.contains("\"presence_diff\"") && frame.contains("\"phx_ref_prev\""));

            JsonMapper deepReader = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1000).build()).build()).build();
            Object status = deepReader.readTree(diff).get(4).get("joins").get("alice").get("metas").get(0).get("status");
            assertThat(status).isEqualTo(deepReader.readTree(nestedJson(498)));
        }
    }

    private static TestServer server(RedisServer redis, String node) throws Exception {
        RedisPubSubAdapter adapter = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(redis.url()), Node.PUBSUB);
        PubSub pubSub = PubSub.builder().name(Node.PUBSUB).nodeName(node).adapter(adapter).build();
        adapter.ready().get(10, TimeUnit.SECONDS);
        return RoomPresence.server(pubSub, PresenceOptions.defaults().withTracker(Node.fastTracker()));
    }

    private static RawClient join(TestServer server, String user) {
        RawClient client = RawClient.connect(server.wsUrlFor(user));
        client.send("[\"1\",\"1\",\"" + TOPIC + "\",\"phx_join\",{}]");
        client.await(frame -> frame.contains("\"presence_state\""));
        return client;
    }

    private static String nestedJson(int levels) {
        return "{\"a\":".repeat(levels) + "\"x\"" + "}".repeat(levels);
    }
}
