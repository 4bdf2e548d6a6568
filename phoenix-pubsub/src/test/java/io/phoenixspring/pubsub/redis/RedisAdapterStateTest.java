package io.phoenixspring.pubsub.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.phoenixspring.pubsub.NodeSeen;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a dashboard shows of the Redis adapter, against a real redis-server: server, PING, nodes seen. */
class RedisAdapterStateTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private RedisServer redis;
    private final List<PubSub> nodes = new ArrayList<>();
    private final Map<String, RedisPubSubAdapter> adapters = new HashMap<>();

    @BeforeEach
    void startRedis() {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() {
        nodes.forEach(PubSub::close);
        redis.close();
    }

    private PubSub node(String name) throws Exception {
        RedisPubSubAdapter adapter = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(redis.url())
                .withMaxReconnectDelay(Duration.ofMillis(200)).withCommandTimeout(Duration.ofMillis(500)), "test");
        PubSub pubSub = PubSub.builder().name("test").nodeName(name).adapter(adapter).build();
        nodes.add(pubSub);
        adapters.put(name, adapter);
        adapter.ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return pubSub;
    }

    @Test
    void theOtherNodesBroadcastingThroughRedisAreSeenWithTheServerAndAPing() throws Exception {
        PubSub a = node("a");
        PubSub b = node("b");
        PubSub c = node("c");
        long before = System.currentTimeMillis();

        b.broadcast("room:1", "from b").get(5, TimeUnit.SECONDS);
        c.broadcast("room:2", "from c").get(5, TimeUnit.SECONDS);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(a.nodesSeen()).extracting(NodeSeen::node).containsExactlyInAnyOrder("b", "c"));
        assertThat(a.nodesSeen()).allSatisfy(n -> assertThat(n.lastSeen().toEpochMilli()).isGreaterThanOrEqualTo(before));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(b.nodesSeen()).extracting(NodeSeen::node).containsExactly("c"));
        assertThat(a.adapterName()).isEqualTo("RedisPubSubAdapter");
        assertThat(adapters.get("a").server()).isEqualTo("redis://127.0.0.1:" + redis.port() + "/0");
        assertThat(adapters.get("a").ping().get(5, TimeUnit.SECONDS)).isEqualTo("PONG");

        redis.kill();
        await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(() -> adapters.get("a").ping().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class));
    }
}
