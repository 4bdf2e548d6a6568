package io.phoenixspring.pubsub.bench;

import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.Subscriber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Local fan-out: one broadcast to 10,000 subscribers of one topic. The {@code pubsub} and
 * {@code naive} scores are deliveries per second ({@code @OperationsPerInvocation(10_000)}); in the
 * {@code *Churn} groups the broadcasting method's score is broadcasts per second (multiply by
 * 10,000 for deliveries) and the churning method's is subscribe+unsubscribe pairs per second. The naive baseline is what one would write
 * first: one synchronized map of topic to list, copied under the lock on every broadcast. The
 * {@code *Churn} groups broadcast on one thread while another keeps subscribing and unsubscribing
 * on the same hot topic, which is where a global lock and per-broadcast copies hurt.
 *
 * <p>Run: {@code mvn -B -pl phoenix-pubsub -am -Pbench verify -Dbench.args="-f 1 -wi 2 -w 1s -i 3 -r 2s FanOutBenchmark"}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FanOutBenchmark {

    static final int SUBSCRIBERS = 10_000;

    /** A subscriber that does the least a real one does: note the message where its owner will look. */
    static final class Mailbox implements Subscriber {
        Object last;
        long count;

        @Override
        public void onMessage(String topic, Object message) {
            last = message;
            count++;
        }
    }

    @State(Scope.Group)
    public static class PubSubState {
        PubSub pubSub;
        final Mailbox churner = new Mailbox();

        @Setup(Level.Trial)
        public void setUp() {
            pubSub = PubSub.builder().build();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                pubSub.subscribe("hot", new Mailbox());
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pubSub.close();
        }
    }

    /** The baseline: a single lock, and a copy of the subscriber list per broadcast. */
    @State(Scope.Group)
    public static class NaiveState {
        final Map<String, List<Subscriber>> topics = new HashMap<>();
        final Mailbox churner = new Mailbox();

        @Setup(Level.Trial)
        public void setUp() {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                subscribe("hot", new Mailbox());
            }
        }

        synchronized void subscribe(String topic, Subscriber subscriber) {
            topics.computeIfAbsent(topic, t -> new ArrayList<>()).add(subscriber);
        }

        synchronized void unsubscribe(String topic, Subscriber subscriber) {
            List<Subscriber> subscribers = topics.get(topic);
            if (subscribers != null) {
                subscribers.removeIf(s -> s == subscriber);
            }
        }

        void broadcast(String topic, Object message) {
            List<Subscriber> snapshot;
            synchronized (this) {
                List<Subscriber> subscribers = topics.get(topic);
                snapshot = subscribers == null ? List.of() : new ArrayList<>(subscribers);
            }
            for (Subscriber subscriber : snapshot) {
                subscriber.onMessage(topic, message);
            }
        }
    }

    @Benchmark
    @Group("pubsub")
    @OperationsPerInvocation(SUBSCRIBERS)
    public void pubsubBroadcast(PubSubState state) {
        state.pubSub.broadcast("hot", "message");
    }

    @Benchmark
    @Group("naive")
    @OperationsPerInvocation(SUBSCRIBERS)
    public void naiveBroadcast(NaiveState state) {
        state.broadcast("hot", "message");
    }

    @Benchmark
    @Group("pubsubChurn")
    @GroupThreads(1)
    public void pubsubChurnBroadcast(PubSubState state) {
        state.pubSub.broadcast("hot", "message");
    }

    @Benchmark
    @Group("pubsubChurn")
    @GroupThreads(1)
    public void pubsubChurnSubscribe(PubSubState state) {
        state.pubSub.subscribe("hot", state.churner);
        state.pubSub.unsubscribe("hot", state.churner);
    }

    @Benchmark
    @Group("naiveChurn")
    @GroupThreads(1)
    public void naiveChurnBroadcast(NaiveState state) {
        state.broadcast("hot", "message");
    }

    @Benchmark
    @Group("naiveChurn")
    @GroupThreads(1)
    public void naiveChurnSubscribe(NaiveState state) {
        state.subscribe("hot", state.churner);
        state.unsubscribe("hot", state.churner);
    }
}
