package io.phoenixspring.channels.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.channels.support.TestServer;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes over a real redis-server: broadcasts and socket-id disconnects reach sockets on the
 * other node, and a long-poll session opened on one node is served by requests that a
 * round-robin load balancer sends to the other.
 */
class ClusterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RedisServer redis;
    private static TestServer nodeA;
    private static TestServer nodeB;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        nodeA = node("a");
        nodeB = node("b");
    }

    private static TestServer node(String name) throws Exception {
        RedisPubSubAdapter adapter = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(redis.url()), "phoenix");
        PubSub pubSub = PubSub.builder().nodeName(name).adapter(adapter).build();
        adapter.ready().get(10, TimeUnit.SECONDS);
        return new TestServer(0, UnaryOperator.identity(), pubSub);
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
        redis.close();
    }

    @Test
    void broadcastsAndDisconnectsCrossNodes() throws Exception {
        try (RawClient onA = RawClient.connect(nodeA.wsUrl("token=" + nodeA.token("alice") + "&vsn=2.0.0"));
                RawClient onB = RawClient.connect(nodeB.wsUrl("token=" + nodeB.token("bob") + "&vsn=2.0.0"))) {
            onA.send("[\"1\",\"1\",\"room:x\",\"phx_join\",{}]");
            onA.next();
            onB.send("[\"1\",\"1\",\"room:x\",\"phx_join\",{}]");
            onB.next();
            onB.send("[\"1\",\"2\",\"room:x\",\"new_msg\",{\"body\":\"from b\"}]");
            String expected = "[null,null,\"room:x\",\"new_msg\",{\"body\":\"from b\",\"user\":\"bob\"}]";
            assertThat(onB.next()).isEqualTo(expected);
            assertThat(onA.next()).isEqualTo(expected);

            nodeB.endpoint.disconnect("user_socket:alice").join();
            assertThat(onA.closeCode(Duration.ofSeconds(5))).isEqualTo(1011);
            onB.send("[null,\"3\",\"phoenix\",\"heartbeat\",{}]");
            assertThat(onB.next()).contains("phx_reply");
        }
    }

    @Test
    void longPollSessionsAreReachedFromEitherNode() throws Exception {
        String query = "token=" + nodeA.token("carol") + "&vsn=2.0.0";
        JsonNode opened = get(nodeA, query);
        assertThat(opened.path("status").asInt()).isEqualTo(410);
        String session = opened.path("token").asString();
        // A round-robin balancer: every request goes to the other node than the last one.
        TestServer[] nodes = {nodeB, nodeA};
        assertThat(post(nodes[0], query + "&token=" + session, "[\"1\",\"1\",\"room:lp\",\"phx_join\",{}]").toString())
                .isEqualTo("{\"status\":200}");
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 6 && messages.isEmpty(); i++) {
            get(nodes[i % 2], query + "&token=" + session).path("messages").values().forEach(m -> messages.add(m.asString()));
        }
        assertThat(messages).containsExactly("[\"1\",\"1\",\"room:lp\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        assertThat(post(nodeB, query + "&token=" + session, "[\"1\",\"2\",\"room:lp\",\"ping\",{\"via\":\"b\"}]").toString())
                .isEqualTo("{\"status\":200}");
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 6 && more.isEmpty(); i++) {
            get(nodes[(i + 1) % 2], query + "&token=" + session).path("messages").values().forEach(m -> more.add(m.asString()));
        }
        assertThat(more).containsExactly("[\"1\",\"2\",\"room:lp\",\"phx_reply\",{\"response\":{\"via\":\"b\"},\"status\":\"ok\"}]");
        nodeB.endpoint.broadcast("room:lp", "new_msg", Map.of("body", "cluster", "user", "system")).join();
        List<String> broadcast = new ArrayList<>();
        for (int i = 0; i < 6 && broadcast.isEmpty(); i++) {
            get(nodes[i % 2], query + "&token=" + session).path("messages").values().forEach(m -> broadcast.add(m.asString()));
        }
        assertThat(broadcast).containsExactly("[null,null,\"room:lp\",\"new_msg\",{\"body\":\"cluster\",\"user\":\"system\"}]");
    }

    private static JsonNode get(TestServer node, String query) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.port() + "/socket/longpoll?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode post(TestServer node, String query, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.port() + "/socket/longpoll?" + query))
                .header("content-type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
