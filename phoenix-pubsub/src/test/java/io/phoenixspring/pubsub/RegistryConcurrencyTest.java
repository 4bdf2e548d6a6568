package io.phoenixspring.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Subscribing and unsubscribing while broadcasting: a subscription that exists for the whole of a
 * broadcast gets that message exactly once; one that comes or goes meanwhile gets it at most once;
 * and no subscription is ever lost to a concurrent removal of its topic.
 */
class RegistryConcurrencyTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(6);

    @AfterEach
    void shutdown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Records (publisher, sequence) pairs and counts duplicates. */
    static final class Recorder implements Subscriber {
        final Set<Long> seen = ConcurrentHashMap.newKeySet();
        final AtomicInteger duplicates = new AtomicInteger();

        @Override
        public void onMessage(String topic, Object message) {
            if (!seen.add((Long) message)) {
                duplicates.incrementAndGet();
            }
        }
    }

    @Test
    void noLostOrDuplicateDeliveriesWhileSubscribersComeAndGo() throws Exception {
        PubSub pubSub = PubSub.builder().poolSize(4).build();
        int stableCount = 200;
        int publishers = 2;
        int messagesPerPublisher = 2_000;
        List<Recorder> stable = new ArrayList<>();
        for (int i = 0; i < stableCount; i++) {
            Recorder recorder = new Recorder();
            stable.add(recorder);
            pubSub.subscribe("hot", recorder);
        }
        AtomicBoolean publishing = new AtomicBoolean(true);
        List<Recorder> churned = new ArrayList<>();
        List<Future<?>> churners = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int c = 0; c < 2; c++) {
            List<Recorder> mine = new ArrayList<>();
            churned.add(null);
            churners.add(pool.submit(() -> {
                start.await();
                while (publishing.get()) {
                    // a fresh subscriber per cycle, so "at most once" is per subscription
                    Recorder recorder = new Recorder();
                    mine.add(recorder);
                    pubSub.subscribe("hot", recorder);
                    pubSub.subscribe("cold", recorder);
                    Thread.yield();
                    pubSub.unsubscribe("hot", recorder);
                    pubSub.unsubscribe("cold", recorder);
                }
                synchronized (churned) {
                    churned.addAll(mine);
                }
                return null;
            }));
        }
        List<Future<?>> senders = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            long base = (long) p << 32;
            senders.add(pool.submit(() -> {
                start.await();
                for (int m = 0; m < messagesPerPublisher; m++) {
                    pubSub.broadcast("hot", base + m);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> sender : senders) {
            sender.get(60, TimeUnit.SECONDS);
        }
        publishing.set(false);
        for (Future<?> churner : churners) {
            churner.get(60, TimeUnit.SECONDS);
        }

        int expected = publishers * messagesPerPublisher;
        assertThat(stable).allSatisfy(recorder -> {
            assertThat(recorder.duplicates).hasValue(0);
            assertThat(recorder.seen).hasSize(expected);
        });
        churned.removeIf(r -> r == null);
        assertThat(churned).isNotEmpty().allSatisfy(recorder -> assertThat(recorder.duplicates).hasValue(0));
        assertThat(pubSub.subscriptionCount("hot")).isEqualTo(stableCount);
        assertThat(pubSub.subscriptionCount("cold")).isZero();
        pubSub.close();
    }

    @Test
    void aSubscribeRacingTheRemovalOfItsEmptiedTopicIsNeverLost() throws Exception {
        PubSub pubSub = PubSub.builder().poolSize(1).build();
        for (int round = 0; round < 2_000; round++) {
            String topic = "t" + round;
            Subscriber flapping = (t, m) -> { };
            Subscriber joiner = (t, m) -> { };
            CountDownLatch go = new CountDownLatch(1);
            Future<?> flap = pool.submit(() -> {
                go.await();
                for (int i = 0; i < 20; i++) {
                    pubSub.subscribe(topic, flapping);
                    pubSub.unsubscribe(topic, flapping);
                }
                return null;
            });
            Future<?> join = pool.submit(() -> {
                go.await();
                pubSub.subscribe(topic, joiner);
                return null;
            });
            go.countDown();
            flap.get(10, TimeUnit.SECONDS);
            join.get(10, TimeUnit.SECONDS);
            assertThat(pubSub.subscriptionCount(topic)).as("round %d", round).isEqualTo(1);
            AtomicInteger got = new AtomicInteger();
            pubSub.localBroadcast(topic, "x", (t, subscriptions, from, message) -> subscriptions.forEach(s -> {
                assertThat(s.subscriber()).isSameAs(joiner);
                got.incrementAndGet();
            }));
            assertThat(got).hasValue(1);
        }
        pubSub.close();
    }

    @Test
    void concurrentSubscribersOfOneTopicAreAllRegistered() throws Exception {
        PubSub pubSub = PubSub.builder().poolSize(3).build();
        int threads = 4;
        int perThread = 5_000;
        List<Future<List<Recorder>>> futures = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                go.await();
                List<Recorder> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    Recorder recorder = new Recorder();
                    mine.add(recorder);
                    pubSub.subscribe("crowd", recorder);
                }
                return mine;
            }));
        }
        go.countDown();
        List<Recorder> all = new ArrayList<>();
        for (Future<List<Recorder>> future : futures) {
            all.addAll(future.get(30, TimeUnit.SECONDS));
        }
        pubSub.broadcast("crowd", 7L);
        assertThat(pubSub.subscriptionCount("crowd")).isEqualTo(threads * perThread);
        assertThat(all).allSatisfy(recorder -> assertThat(recorder.seen).containsExactly(7L));
        pubSub.close();
    }
}
