package io.phoenixspring.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.pubsub.testing.CountingMetrics;
import io.phoenixspring.pubsub.testing.Inbox;
import io.phoenixspring.pubsub.testing.Inbox.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PubSubLocalTest {

    private static final Duration QUIET = Duration.ofMillis(50);

    private final CountingMetrics metrics = new CountingMetrics();
    private PubSub pubSub = PubSub.builder().name("test").nodeName("a").poolSize(4).metrics(metrics).build();

    @AfterEach
    void close() {
        pubSub.close();
    }

    @Test
    void broadcastReachesEverySubscriberOfTheTopicOnly() {
        Inbox one = new Inbox("one");
        Inbox two = new Inbox("two");
        Inbox other = new Inbox("other");
        pubSub.subscribe("user:123", one);
        pubSub.subscribe("user:123", two);
        pubSub.subscribe("user:456", other);

        CompletableFuture<Void> result = pubSub.broadcast("user:123", Map.of("name", "Shane"));

        assertThat(result).isCompleted();
        assertThat(one.drain()).containsExactly(new Received("user:123", Map.of("name", "Shane")));
        assertThat(two.drain()).containsExactly(new Received("user:123", Map.of("name", "Shane")));
        assertThat(other.drain()).isEmpty();
        assertThat(metrics.get("broadcast.CLUSTER")).isEqualTo(1);
        assertThat(metrics.get("delivered")).isEqualTo(2);
    }

    @Test
    void aSubscriberMayHoldManyTopicsAndLearnsWhichOneAMessageCameOn() {
        Inbox inbox = new Inbox("inbox");
        pubSub.subscribe("a", inbox);
        pubSub.subscribe("b", inbox);

        pubSub.broadcast("a", 1);
        pubSub.broadcast("b", 2);
        pubSub.broadcast("c", 3);

        assertThat(inbox.drain()).containsExactly(new Received("a", 1), new Received("b", 2));
    }

    @Test
    void duplicateSubscriptionsDeliverTwiceAndUnsubscribeDropsThemAll() {
        Inbox inbox = new Inbox("inbox");
        pubSub.subscribe("t", inbox);
        pubSub.subscribe("t", inbox);

        pubSub.broadcast("t", "x");
        assertThat(inbox.drain()).hasSize(2);

        pubSub.unsubscribe("t", inbox);
        pubSub.broadcast("t", "y");
        assertThat(inbox.drain()).isEmpty();
        assertThat(pubSub.subscriptionCount("t")).isZero();
        assertThat(pubSub.registry().topicCount()).isZero();
    }

    @Test
    void changesAfterABroadcastAreSeenByTheNextOne() {
        Inbox early = new Inbox("early");
        Inbox late = new Inbox("late");
        pubSub.subscribe("t", early);
        pubSub.broadcast("t", 1);
        pubSub.broadcast("t", 2);
        pubSub.subscribe("t", late);
        pubSub.broadcast("t", 3);
        pubSub.unsubscribe("t", early);
        pubSub.broadcast("t", 4);

        assertThat(early.drain()).extracting(Received::message).containsExactly(1, 2, 3);
        assertThat(late.drain()).extracting(Received::message).containsExactly(3, 4);
    }

    @Test
    void unsubscribeLeavesTheSubscribersOtherTopicsAndOtherSubscribersAlone() {
        Inbox inbox = new Inbox("inbox");
        Inbox other = new Inbox("other");
        pubSub.subscribe("a", inbox);
        pubSub.subscribe("b", inbox);
        pubSub.subscribe("a", other);

        pubSub.unsubscribe("a", inbox);
        pubSub.unsubscribe("never-subscribed", inbox);
        pubSub.broadcast("a", 1);
        pubSub.broadcast("b", 2);

        assertThat(inbox.drain()).containsExactly(new Received("b", 2));
        assertThat(other.drain()).containsExactly(new Received("a", 1));
    }

    @Test
    void broadcastFromSkipsTheSenderOnly() {
        Inbox sender = new Inbox("sender");
        Inbox peer = new Inbox("peer");
        pubSub.subscribe("room", sender);
        pubSub.subscribe("room", peer);

        pubSub.broadcastFrom(sender, "room", "hi");
        pubSub.localBroadcastFrom(sender, "room", "local hi");

        assertThat(sender.drain()).isEmpty();
        assertThat(peer.drain()).extracting(Received::message).containsExactly("hi", "local hi");
    }

    @Test
    void localBroadcastDeliversWithoutEncodingSoAnyObjectWorks() {
        Inbox inbox = new Inbox("inbox");
        pubSub.subscribe("t", inbox);
        Object notJson = new Object();

        pubSub.localBroadcast("t", notJson);
        pubSub.localBroadcast("t", null);

        assertThat(inbox.drain()).extracting(Received::message).containsExactly(notJson, null);
        assertThat(metrics.get("broadcast.LOCAL")).isEqualTo(2);
    }

    @Test
    void directBroadcastToThisNodeDeliversLocally() {
        Inbox inbox = new Inbox("inbox");
        pubSub.subscribe("t", inbox);

        assertThat(pubSub.directBroadcast("a", "t", "direct")).isCompleted();

        assertThat(inbox.drain()).extracting(Received::message).containsExactly("direct");
    }

    @Test
    void directBroadcastToAnotherNodeFailsVisiblyWithoutAnAdapter() {
        Inbox inbox = new Inbox("inbox");
        pubSub.subscribe("t", inbox);

        CompletableFuture<Void> result = pubSub.directBroadcast("b", "t", "direct");

        assertThat(result).isCompletedExceptionally();
        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(BroadcastException.class)
                .hasMessageContaining("no node named 'b'");
        assertThat(inbox.drain()).isEmpty();
        assertThat(metrics.get("publishFailed")).isEqualTo(1);
    }

    @Test
    void customDispatcherSeesEverySubscriptionWithItsMetadataAndTheMessageOnce() {
        Inbox json = new Inbox("json");
        Inbox msgpack = new Inbox("msgpack");
        Inbox sender = new Inbox("sender");
        pubSub.subscribe("room", json, "json");
        pubSub.subscribe("room", msgpack, "msgpack");
        pubSub.subscribe("room", sender, "json");
        List<String> encodings = new ArrayList<>();
        Dispatcher fastlane = (topic, subscriptions, from, message) -> {
            Map<Object, String> encoded = new java.util.HashMap<>();
            for (Subscription s : subscriptions) {
                if (s.subscriber().equals(from)) {
                    continue;
                }
                String frame = encoded.computeIfAbsent(s.metadata(), format -> {
                    encodings.add((String) format);
                    return format + ":" + message;
                });
                s.subscriber().onMessage(topic, frame);
            }
        };
        pubSub.registerDispatcher("fastlane", fastlane);

        pubSub.broadcastFrom(sender, "room", "hello", fastlane);

        assertThat(encodings).containsExactlyInAnyOrder("json", "msgpack");
        assertThat(json.drain()).extracting(Received::message).containsExactly("json:hello");
        assertThat(msgpack.drain()).extracting(Received::message).containsExactly("msgpack:hello");
        assertThat(sender.drain()).isEmpty();
    }

    @Test
    void dispatcherIsNotCalledForATopicWithoutSubscribers() {
        List<String> calls = new ArrayList<>();
        pubSub.localBroadcast("empty", "x", (topic, subscriptions, from, message) -> calls.add(topic));
        assertThat(calls).isEmpty();
    }

    @Test
    void subscriptionsViewIteratesAcrossShardsAndIsReadOnly() {
        List<Inbox> inboxes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Inbox inbox = new Inbox("i" + i);
            inboxes.add(inbox);
            pubSub.subscribe("t", inbox, i);
        }
        List<Object> seenByIterator = new ArrayList<>();
        List<Object> seenByForEach = new ArrayList<>();
        pubSub.localBroadcast("t", "x", (topic, subscriptions, from, message) -> {
            for (Subscription s : subscriptions) {
                seenByIterator.add(s.metadata());
            }
            subscriptions.forEach(s -> seenByForEach.add(s.metadata()));
            assertThatThrownBy(() -> subscriptions.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        });
        assertThat(seenByIterator).hasSize(100).doesNotHaveDuplicates();
        assertThat(seenByForEach).containsExactlyInAnyOrderElementsOf(seenByIterator);
    }

    @Test
    void aThrowingSubscriberDoesNotCostTheOthersTheirMessage() {
        Inbox before = new Inbox("before");
        Inbox after = new Inbox("after");
        pubSub.subscribe("t", before);
        pubSub.subscribe("t", (topic, message) -> {
            throw new IllegalStateException("boom");
        });
        pubSub.subscribe("t", after);

        assertThat(pubSub.broadcast("t", "x")).isCompleted();

        assertThat(before.drain()).hasSize(1);
        assertThat(after.drain()).hasSize(1);
        assertThat(metrics.get("deliveryFailed")).isEqualTo(1);
        assertThat(metrics.get("delivered")).isEqualTo(2);
    }

    @Test
    void aThrowingDispatcherIsContainedAndCounted() {
        pubSub.subscribe("t", new Inbox("x"));
        pubSub.localBroadcast("t", "x", (topic, subscriptions, from, message) -> {
            throw new IllegalStateException("dispatcher bug");
        });
        assertThat(metrics.get("deliveryFailed")).isEqualTo(1);
    }

    @Test
    void dispatcherRegistrationRejectsConflicts() {
        Dispatcher one = (t, s, f, m) -> { };
        Dispatcher two = (t, s, f, m) -> { };
        pubSub.registerDispatcher("one", one);
        pubSub.registerDispatcher("one", one);

        assertThatThrownBy(() -> pubSub.registerDispatcher("one", two))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'one' is already registered");
        assertThatThrownBy(() -> pubSub.registerDispatcher("uno", one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered as 'one'");
        assertThatThrownBy(() -> pubSub.registerDispatcher(Dispatcher.DEFAULT_ID, two))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullArgumentsAreRejectedWithTheirName() {
        Inbox inbox = new Inbox("inbox");
        assertThatThrownBy(() -> pubSub.subscribe(null, inbox)).hasMessage("topic");
        assertThatThrownBy(() -> pubSub.subscribe("t", null)).hasMessage("subscriber");
        assertThatThrownBy(() -> pubSub.broadcast(null, "x")).hasMessage("topic");
        assertThatThrownBy(() -> pubSub.broadcastFrom(null, "t", "x")).hasMessage("from");
        assertThatThrownBy(() -> pubSub.directBroadcast(null, "t", "x")).hasMessage("node");
    }

    @Test
    void aClosedPubSubRefusesWork() {
        pubSub.close();
        assertThatThrownBy(() -> pubSub.broadcast("t", "x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'test' is closed");
        assertThatThrownBy(() -> pubSub.subscribe("t", new Inbox("x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builderDefaultsAndValidation() {
        try (PubSub defaults = PubSub.builder().build()) {
            assertThat(defaults.name()).isEqualTo("phoenix");
            assertThat(defaults.nodeName()).startsWith(ProcessHandle.current().pid() + "@");
            assertThat(defaults.poolSize()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
        assertThatThrownBy(() -> PubSub.builder().poolSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool size must be at least 1, was 0");
        assertThatThrownBy(() -> PubSub.builder().nodeName(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node name must not be blank");
        assertThatThrownBy(() -> PubSub.builder().name("")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64})
    void everyPoolSizeDeliversExactlyOncePerSubscription(int poolSize) {
        pubSub.close();
        pubSub = PubSub.builder().poolSize(poolSize).build();
        List<Inbox> inboxes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Inbox inbox = new Inbox("i" + i);
            inboxes.add(inbox);
            pubSub.subscribe("t", inbox);
        }
        pubSub.broadcast("t", "x");
        assertThat(inboxes).allSatisfy(inbox -> assertThat(inbox.size()).isEqualTo(1));
        assertThat(pubSub.subscriptionCount("t")).isEqualTo(500);
        for (int i = 0; i < 500; i += 2) {
            pubSub.unsubscribe("t", inboxes.get(i));
        }
        assertThat(pubSub.subscriptionCount("t")).isEqualTo(250);
    }
}
