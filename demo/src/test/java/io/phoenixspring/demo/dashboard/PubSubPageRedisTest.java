package io.phoenixspring.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import io.phoenixspring.pubsub.testing.RedisServer;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The PubSub page over a real redis-server, with a MeterRegistry: the Redis card (server, PING,
 * then disconnected once Redis dies), another node seen, meter rates, and a malformed frame dropped.
 */
@PhoenixTest(components = {ItemStore.class, Notes.class}, properties = "phoenix.pubsub.node-name=dash-a")
@Import(PubSubPageRedisTest.Redis.class)
class PubSubPageRedisTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    /** A redis-server, the Redis adapter the auto-configured PubSub takes, and meters. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Redis {
        @Bean(destroyMethod = "close")
        RedisServer redisServer() {
            return RedisServer.start();
        }

        @Bean
        RedisPubSubAdapter redisAdapter(RedisServer server) {
            return new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(server.url())
                    .withMaxReconnectDelay(Duration.ofMillis(200)).withCommandTimeout(Duration.ofMillis(500)), "phoenix");
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    LiveViewTest lv;

    @Autowired
    PubSub pubSub;

    @Autowired
    RedisPubSubAdapter adapter;

    @Autowired
    RedisServer redis;

    private PubSub nodeB;
    private final AtomicBoolean broadcasting = new AtomicBoolean(true);

    @AfterEach
    void stop() {
        broadcasting.set(false);
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void thePubSubPageShowsRedisTheOtherNodeTheRatesAndDroppedFramesThenRedisGoingAway() throws Exception {
        adapter.ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        RedisPubSubAdapter adapterB = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(redis.url()), pubSub.name());
        nodeB = PubSub.builder().name(pubSub.name()).nodeName("dash-b").adapter(adapterB).build();
        adapterB.ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        LiveViewTest.View page = lv.live("/dashboard/pubsub");
        assertThat(text(page, "#pubsub-node")).isEqualTo("dash-a");
        assertThat(text(page, "#pubsub-adapter")).isEqualTo("RedisPubSubAdapter");
        assertThat(text(page, "#redis-server")).isEqualTo("redis://127.0.0.1:" + redis.port() + "/0");
        long malformedBefore = Long.parseLong(text(page, "#dropped-pubsub-malformed"));

        Thread traffic = new Thread(() -> {
            while (broadcasting.get()) {
                nodeB.broadcast("room:redis-dash", "from b");
                pubSub.broadcast("room:redis-dash", "from a");
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "redis-dash-traffic");
        traffic.start();
        adapterB.publish("not a frame".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);

        page.form("#refresh-form", java.util.Map.of("refresh", "1")).change();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(text(page, "#redis-status")).isEqualTo("connected");
            assertThat(text(page, "#redis-ping")).matches("\\d+\\.\\d\\d ms");
            assertThat(text(page, "#node-dash-b .node")).isEqualTo("dash-b");
            assertThat(Double.parseDouble(text(page, "#pubsub-rate-received"))).isGreaterThan(0);
            assertThat(Double.parseDouble(text(page, "#pubsub-rate-broadcasts"))).isGreaterThan(0);
            assertThat(Long.parseLong(text(page, "#dropped-pubsub-malformed"))).isEqualTo(malformedBefore + 1);
        });
        assertThat(page.hasElement("#node-dash-a")).isFalse();
        broadcasting.set(false);
        traffic.join();

        redis.kill();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(text(page, "#redis-status")).isEqualTo("disconnected");
            assertThat(text(page, "#redis-ping")).isEqualTo("n/a");
        });
    }

    private static String text(LiveViewTest.View view, String selector) {
        return Jsoup.parse(view.element(selector).render()).text();
    }
}
