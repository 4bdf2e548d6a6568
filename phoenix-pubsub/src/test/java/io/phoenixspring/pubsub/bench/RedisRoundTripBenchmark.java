package io.phoenixspring.pubsub.bench;

import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Two nodes in one JVM through a real redis-server started on a free port: {@code roundTrip}
 * is the latency of one broadcast from node A until node B's subscriber has it (µs per message);
 * {@code pipelined} publishes 1,000 broadcasts back to back and waits for B to have them all
 * (messages per second across nodes).
 *
 * <p>Run: {@code mvn -B -pl phoenix-pubsub -am -Pbench verify -Dbench.args="-f 1 -wi 2 -w 1s -i 3 -r 2s RedisRoundTripBenchmark"}
 */
public class RedisRoundTripBenchmark {

    static final int BATCH = 1_000;

    @State(Scope.Benchmark)
    public static class Nodes {
        RedisServer redis;
        PubSub a;
        PubSub b;
        final AtomicLong received = new AtomicLong();
        volatile Thread waiter;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            redis = RedisServer.start();
            RedisPubSubAdapter adapterA = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(redis.url()), "bench");
            RedisPubSubAdapter adapterB = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(redis.url()), "bench");
            a = PubSub.builder().name("bench").nodeName("a").adapter(adapterA).build();
            b = PubSub.builder().name("bench").nodeName("b").adapter(adapterB).build();
            adapterA.ready().get(10, TimeUnit.SECONDS);
            adapterB.ready().get(10, TimeUnit.SECONDS);
            b.subscribe("ping", (topic, message) -> {
                received.incrementAndGet();
                Thread thread = waiter;
                if (thread != null) {
                    LockSupport.unpark(thread);
                }
            });
            // the publisher connects in the background; wait until a broadcast goes through
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (a.broadcast("warmup", 0).handle((ok, e) -> e == null).join() == Boolean.FALSE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("node a never connected to Redis");
                }
                Thread.sleep(20);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            a.close();
            b.close();
            redis.close();
        }

        void awaitReceived(long target) {
            waiter = Thread.currentThread();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.get() < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("node b stopped receiving at " + received.get() + " of " + target);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            waiter = null;
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long roundTrip(Nodes nodes) {
        long target = nodes.received.get() + 1;
        nodes.a.broadcast("ping", target);
        nodes.awaitReceived(target);
        return target;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long pipelined(Nodes nodes) {
        long target = nodes.received.get() + BATCH;
        for (int i = 0; i < BATCH; i++) {
            nodes.a.broadcast("ping", i);
        }
        nodes.awaitReceived(target);
        return target;
    }
}
