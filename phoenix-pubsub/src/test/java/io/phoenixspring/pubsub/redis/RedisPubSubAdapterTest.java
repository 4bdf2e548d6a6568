package io.phoenixspring.pubsub.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.phoenixspring.pubsub.BroadcastException;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.testing.CountingMetrics;
import io.phoenixspring.pubsub.testing.Inbox;
import io.phoenixspring.pubsub.testing.Inbox.Received;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Several nodes in one JVM talking through a real redis-server. */
class RedisPubSubAdapterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(300);

    private RedisServer redis;
    private final List<PubSub> nodes = new ArrayList<>();
    private final Map<String, CountingMetrics> metrics = new java.util.HashMap<>();
    private final Map<String, RedisPubSubAdapter> adapters = new java.util.HashMap<>();

    @BeforeEach
    void startRedis() {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() {
        nodes.forEach(PubSub::close);
        redis.close();
    }

    private PubSub node(String name) {
        RedisPubSubAdapter adapter = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(redis.url())
                .withMaxReconnectDelay(Duration.ofMillis(200)), "test");
        CountingMetrics counting = new CountingMetrics();
        PubSub pubSub = PubSub.builder().name("test").nodeName(name).adapter(adapter).metrics(counting).build();
        nodes.add(pubSub);
        metrics.put(name, counting);
        adapters.put(name, adapter);
        return pubSub;
    }

    private void awaitSubscribed(String... names) throws Exception {
        for (String name : names) {
            adapters.get(name).ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void twoNodesGivenTheSameNameAreReportedInsteadOfSilentlyLosingBroadcasts() throws Exception {
        PubSub first = node("web-1");
        CountingMetrics firstMetrics = metrics.get("web-1");
        awaitSubscribed("web-1");
        PubSub second = node("web-1");
        awaitSubscribed("web-1");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger pubSubLog = (Logger) LoggerFactory.getLogger(PubSub.class);
        pubSubLog.addAppender(logged);
        try {
            first.broadcast("t", "one").get(5, TimeUnit.SECONDS);
            second.broadcast("t", "two").get(5, TimeUnit.SECONDS);

            await().atMost(WAIT).until(() -> firstMetrics.get("dropped.DUPLICATE_NODE_NAME") == 1);
            await().atMost(WAIT).until(() -> logged.list.stream().anyMatch(event -> event.getLevel() == Level.WARN
                    && event.getThrowableProxy() != null
                    && event.getThrowableProxy().getMessage().contains("another node publishes as 'web-1'")));
        } finally {
            pubSubLog.detachAppender(logged);
        }
    }

    @Test
    void broadcastFromEachNodeReachesSubscribersOnAllNodesExactlyOnce() throws Exception {
        PubSub a = node("a");
        PubSub b = node("b");
        awaitSubscribed("a", "b");
        Inbox onA = new Inbox("a");
        Inbox onB = new Inbox("b");
        a.subscribe("room:1", onA);
        b.subscribe("room:1", onB);

        a.broadcast("room:1", "from a").get(5, TimeUnit.SECONDS);
        b.broadcast("room:1", Map.of("from", "b")).get(5, TimeUnit.SECONDS);

        assertThat(onA.next(WAIT)).isEqualTo(new Received("room:1", "from a"));
        assertThat(onA.next(WAIT)).isEqualTo(new Received("room:1", Map.of("from", "b")));
        assertThat(onB.next(WAIT)).isEqualTo(new Received("room:1", "from a"));
        assertThat(onB.next(WAIT)).isEqualTo(new Received("room:1", Map.of("from", "b")));
        // a node ignores its own echo, so nothing arrives a second time
        onA.assertNothingWithin(QUIET);
        onB.assertNothingWithin(Duration.ZERO);
        assertThat(metrics.get("a").get("received")).isEqualTo(1);
        assertThat(metrics.get("b").get("received")).isEqualTo(1);
    }

    @Test
    void broadcastFromAndDirectBroadcastSemantics() throws Exception {
        PubSub a = node("a");
        PubSub b = node("b");
        PubSub c = node("c");
        awaitSubscribed("a", "b", "c");
        Inbox sender = new Inbox("sender");
        Inbox peerOnA = new Inbox("peerOnA");
        Inbox onB = new Inbox("b");
        Inbox onC = new Inbox("c");
        a.subscribe("t", sender);
        a.subscribe("t", peerOnA);
        b.subscribe("t", onB);
        c.subscribe("t", onC);

        a.broadcastFrom(sender, "t", "from sender").get(5, TimeUnit.SECONDS);
        assertThat(peerOnA.nextMessage()).isEqualTo("from sender");
        assertThat(onB.nextMessage()).isEqualTo("from sender");
        assertThat(onC.nextMessage()).isEqualTo("from sender");

        a.directBroadcast("b", "t", "only b").get(5, TimeUnit.SECONDS);
        assertThat(onB.nextMessage()).isEqualTo("only b");

        a.directBroadcast("a", "t", "only a").get(5, TimeUnit.SECONDS);
        assertThat(peerOnA.nextMessage()).isEqualTo("only a");
        assertThat(sender.nextMessage()).isEqualTo("only a");

        onC.assertNothingWithin(QUIET);
        onB.assertNothingWithin(Duration.ZERO);
        sender.assertNothingWithin(Duration.ZERO);
        peerOnA.assertNothingWithin(Duration.ZERO);
    }

    @Test
    void redisRestartingWhileNodesRunFailsBroadcastsVisiblyThenRecoversByItself() throws Exception {
        PubSub a = node("a");
        PubSub b = node("b");
        awaitSubscribed("a", "b");
        Inbox onA = new Inbox("a");
        Inbox onB = new Inbox("b");
        a.subscribe("t", onA);
        b.subscribe("t", onB);
        a.broadcast("t", "before").get(5, TimeUnit.SECONDS);
        assertThat(onB.nextMessage()).isEqualTo("before");
        assertThat(onA.nextMessage()).isEqualTo("before");

        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger pubSubLog = (Logger) LoggerFactory.getLogger(PubSub.class);
        pubSubLog.addAppender(logged);
        redis.kill();

        // Every broadcast during the outage fails fast (no buffering until Redis returns) ...
        await().atMost(WAIT).until(() -> a.broadcast("t", "probe").handle((ok, error) -> error != null).join());
        long started = System.nanoTime();
        CompletableFuture<Void> during = a.broadcast("t", "during");
        assertThat(System.nanoTime() - started).as("broadcast must not block the caller")
                .isLessThan(TimeUnit.MILLISECONDS.toNanos(200));
        assertThatThrownBy(() -> during.get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(BroadcastException.class)
                .hasMessageContaining("broadcast on topic 't' did not reach the other nodes of pubsub 'test'");
        assertThat(metrics.get("a").get("publishFailed")).isPositive();
        pubSubLog.detachAppender(logged);
        assertThat(logged.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .startsWith("Publishing broadcasts of pubsub 'test' to the other nodes failed");
        });
        // ... while this node's own subscribers still get it.
        assertThat(onA.drain()).extracting(Received::message).contains("during");

        redis.restart();

        // Lettuce reconnects and re-subscribes by itself: broadcasts flow both ways again.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            a.broadcast("t", "ping-a");
            return onB.drain().stream().anyMatch(r -> r.message().equals("ping-a"));
        });
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            b.broadcast("t", "ping-b");
            return onA.drain().stream().anyMatch(r -> r.message().equals("ping-b"));
        });
        // let the probes still in flight land, then check exactly-once delivery again
        Thread.sleep(QUIET.toMillis());
        onA.drain();
        onB.drain();
        a.broadcast("t", "after").get(5, TimeUnit.SECONDS);
        assertThat(onB.nextMessage()).isEqualTo("after");
        assertThat(onA.nextMessage()).isEqualTo("after");
        onB.assertNothingWithin(QUIET);
        onA.assertNothingWithin(Duration.ZERO);
    }

    @Test
    void aNodeStartedWhileRedisIsDownConnectsWhenRedisComesUp() throws Exception {
        redis.kill();
        PubSub a = node("a");
        PubSub b = node("b");
        Inbox onB = new Inbox("b");
        b.subscribe("t", onB);

        CompletableFuture<Void> early = a.broadcast("t", "too early");
        assertThatThrownBy(() -> early.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(BroadcastException.class)
                .hasMessageContaining("not connected to Redis");

        redis.restart();
        awaitSubscribed("a", "b");
        await().atMost(WAIT).until(() -> a.broadcast("t", "x").handle((ok, error) -> error == null).join());
        assertThat(onB.nextMessage()).isEqualTo("x");
    }

    @Test
    void foreignMessagesOnTheChannelAreDroppedAndCounted() throws Exception {
        PubSub a = node("a");
        awaitSubscribed("a");
        Inbox onA = new Inbox("a");
        a.subscribe("t", onA);
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().publish(RedisPubSubAdapter.channelName("test"), "{\"not\":\"a frame\"}");
        } finally {
            client.shutdown();
        }
        await().atMost(WAIT).until(() -> metrics.get("a").get("dropped.MALFORMED") == 1);
        assertThat(onA.drain()).isEmpty();
    }

    @Test
    void settingsValidateTheirValues() {
        assertThatThrownBy(() -> RedisPubSubAdapter.Settings.of("http://nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid Redis URL: 'http://nope'");
        assertThatThrownBy(() -> RedisPubSubAdapter.Settings.of(redis.url()).withRequestQueueSize(0))
                .hasMessage("requestQueueSize must be at least 1, was 0");
        assertThatThrownBy(() -> RedisPubSubAdapter.Settings.of(redis.url()).withCommandTimeout(Duration.ZERO))
                .hasMessage("commandTimeout must be positive, was PT0S");
        assertThat(RedisPubSubAdapter.channelName("chat")).isEqualTo("phx:pubsub:chat");
    }
}
