package io.phoenixspring.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.pubsub.testing.CountingMetrics;
import io.phoenixspring.pubsub.testing.HubAdapter;
import io.phoenixspring.pubsub.testing.Inbox;
import io.phoenixspring.pubsub.testing.Inbox.Received;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PubSub side of multi-node behaviour, over an in-memory hub instead of Redis. */
class PubSubClusterContractTest {

    record Greeting(String text) {
    }

    private final HubAdapter.Hub hub = new HubAdapter.Hub();
    private final CountingMetrics metricsA = new CountingMetrics();
    private final CountingMetrics metricsB = new CountingMetrics();
    private final PubSub a = node("a", metricsA);
    private final PubSub b = node("b", metricsB);

    private PubSub node(String name, CountingMetrics metrics) {
        return PubSub.builder().name("test").nodeName(name).adapter(hub.adapter()).metrics(metrics)
                .codec(new JsonMessageCodec().register("greeting", Greeting.class)).build();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void broadcastReachesEveryNodeOnceAndEachNodePublishesOnce() {
        Inbox onA = new Inbox("a");
        Inbox onB = new Inbox("b");
        a.subscribe("t", onA);
        b.subscribe("t", onB);

        assertThat(a.broadcast("t", new Greeting("hi"))).isCompleted();

        assertThat(hub.published).hasSize(1);
        assertThat(onA.drain()).containsExactly(new Received("t", new Greeting("hi")));
        assertThat(onB.drain()).containsExactly(new Received("t", new Greeting("hi")));
        assertThat(metricsB.get("received")).isEqualTo(1);
        assertThat(metricsA.get("received")).isZero();
    }

    @Test
    void broadcastFromSkipsTheSenderButNotItsNodeNorOtherNodes() {
        Inbox sender = new Inbox("sender");
        Inbox peerOnA = new Inbox("peerOnA");
        Inbox onB = new Inbox("b");
        a.subscribe("t", sender);
        a.subscribe("t", peerOnA);
        b.subscribe("t", onB);

        a.broadcastFrom(sender, "t", "x");

        assertThat(sender.drain()).isEmpty();
        assertThat(peerOnA.drain()).hasSize(1);
        assertThat(onB.drain()).hasSize(1);
    }

    @Test
    void localBroadcastStaysOnTheNode() {
        Inbox onB = new Inbox("b");
        b.subscribe("t", onB);
        a.localBroadcast("t", "x");
        assertThat(hub.published).isEmpty();
        assertThat(onB.drain()).isEmpty();
    }

    @Test
    void directBroadcastReachesOnlyTheNamedNode() {
        PubSub c = node("c", new CountingMetrics());
        try {
            Inbox onA = new Inbox("a");
            Inbox onB = new Inbox("b");
            Inbox onC = new Inbox("c");
            a.subscribe("t", onA);
            b.subscribe("t", onB);
            c.subscribe("t", onC);

            assertThat(a.directBroadcast("c", "t", "only c")).isCompleted();

            assertThat(onC.drain()).extracting(Received::message).containsExactly("only c");
            assertThat(onA.drain()).isEmpty();
            assertThat(onB.drain()).isEmpty();
        } finally {
            c.close();
        }
    }

    @Test
    void customDispatcherRunsOnEveryNodeByIdWithTheSenderExcludedOnlyWhereItLives() {
        Dispatcher upper = (topic, subscriptions, from, message) -> subscriptions.forEach(s -> {
            if (!s.subscriber().equals(from)) {
                s.subscriber().onMessage(topic, ((String) message).toUpperCase());
            }
        });
        a.registerDispatcher("upper", upper);
        b.registerDispatcher("upper", upper);
        Inbox sender = new Inbox("sender");
        Inbox onB = new Inbox("b");
        a.subscribe("t", sender);
        b.subscribe("t", onB);

        a.broadcastFrom(sender, "t", "hi", upper);

        assertThat(sender.drain()).isEmpty();
        assertThat(onB.drain()).extracting(Received::message).containsExactly("HI");
    }

    @Test
    void anUnregisteredDispatcherCannotCrossNodes() {
        Inbox onA = new Inbox("a");
        a.subscribe("t", onA);
        Dispatcher adHoc = (t, s, f, m) -> { };
        assertThatThrownBy(() -> a.broadcast("t", "x", adHoc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not registered; call registerDispatcher(id, dispatcher)");
        assertThat(hub.published).isEmpty();
    }

    @Test
    void aDispatcherUnknownOnTheReceivingNodeIsDroppedAndCounted() {
        Dispatcher onlyOnA = (t, s, f, m) -> s.forEach(x -> x.subscriber().onMessage(t, m));
        a.registerDispatcher("only-a", onlyOnA);
        Inbox onB = new Inbox("b");
        b.subscribe("t", onB);

        a.broadcast("t", "x", onlyOnA);

        assertThat(onB.drain()).isEmpty();
        assertThat(metricsB.get("dropped.UNKNOWN_DISPATCHER")).isEqualTo(1);
    }

    @Test
    void aSecondNodeWithTheSameNameIsNoticedByItsDroppedBroadcasts() {
        CountingMetrics twinMetrics = new CountingMetrics();
        PubSub twin = node("a", twinMetrics);
        try {
            Inbox onA = new Inbox("a");
            Inbox onB = new Inbox("b");
            a.subscribe("t", onA);
            b.subscribe("t", onB);

            a.broadcast("t", "from a");
            assertThat(metricsA.get("dropped.DUPLICATE_NODE_NAME")).as("a's own echo").isZero();

            twin.broadcast("t", "from the twin");
            // a takes the twin's frame for its own echo: it cannot deliver it, but it counts and logs it.
            assertThat(onA.drain()).extracting(Received::message).containsExactly("from a");
            assertThat(metricsA.get("dropped.DUPLICATE_NODE_NAME")).isEqualTo(1);
            assertThat(twinMetrics.get("dropped.DUPLICATE_NODE_NAME")).isEqualTo(1);
            assertThat(onB.drain()).extracting(Received::message).containsExactly("from a", "from the twin");
        } finally {
            twin.close();
        }
    }

    @Test
    void anUnencodableMessageIsRefusedBeforeAnyoneReceivesIt() {
        Inbox onA = new Inbox("a");
        Inbox onB = new Inbox("b");
        a.subscribe("t", onA);
        b.subscribe("t", onB);

        assertThatThrownBy(() -> a.broadcast("t", new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object, which the JSON codec does not send");

        assertThat(onA.drain()).isEmpty();
        assertThat(onB.drain()).isEmpty();
        assertThat(hub.published).isEmpty();
    }

    @Test
    void aFailedPublishFailsTheResultCountsAndStillDeliversLocally() {
        Inbox onA = new Inbox("a");
        a.subscribe("t", onA);
        hub.failure = new IllegalStateException("broker down");

        CompletableFuture<Void> result = a.broadcast("t", "x");

        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(BroadcastException.class)
                .hasMessage("broadcast on topic 't' did not reach the other nodes of pubsub 'test': broker down")
                .cause().hasMessage("broker down");
        assertThat(metricsA.get("publishFailed")).isEqualTo(1);
        assertThat(onA.drain()).hasSize(1);

        hub.failure = null;
        assertThat(a.broadcast("t", "y")).isCompleted();
    }

    @Test
    void garbageAndFutureVersionsAreDroppedAndCountedWithoutHarm() {
        Inbox onB = new Inbox("b");
        b.subscribe("t", onB);
        byte[] good = NodeFrame.encode(new Envelope("z", null, "t", Dispatcher.DEFAULT_ID, "json",
                "{\"value\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));
        byte[] future = good.clone();
        future[1] = 9;
        byte[] badPayload = NodeFrame.encode(new Envelope("z", null, "t", Dispatcher.DEFAULT_ID, "json",
                "not json".getBytes(StandardCharsets.UTF_8)));
        byte[] otherCodec = NodeFrame.encode(new Envelope("z", null, "t", Dispatcher.DEFAULT_ID, "msgpack",
                new byte[] {1}));

        hub.inject("hello".getBytes(StandardCharsets.UTF_8));
        hub.inject(new byte[0]);
        hub.inject(future);
        hub.inject(badPayload);
        hub.inject(otherCodec);
        hub.inject(good);

        assertThat(onB.drain()).containsExactly(new Received("t", "ok"));
        assertThat(metricsB.get("dropped.MALFORMED")).isEqualTo(4);
        assertThat(metricsB.get("dropped.UNSUPPORTED_VERSION")).isEqualTo(1);
    }

    @Test
    void plainValuesArriveOnOtherNodesAsJsonTypes() {
        Inbox onB = new Inbox("b");
        b.subscribe("t", onB);
        a.broadcast("t", Map.of("list", List.of(1, 2)));
        assertThat(onB.drain()).extracting(Received::message).containsExactly(Map.of("list", List.of(1, 2)));
    }
}
