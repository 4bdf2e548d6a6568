package io.phoenixspring.pubsub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The local subscription registry, sharded like Phoenix's {@code pool_size} partitions.
 *
 * <p>A subscription lives in the shard picked by its subscriber's hash, so the subscribers of one
 * hot topic are spread over all shards and subscribe/unsubscribe on that topic only contend
 * within a shard. Per shard and topic the subscriptions sit in a {@link ConcurrentHashMap} keyed
 * by subscriber (O(1) subscribe and unsubscribe, duplicates kept together), and writes to a topic
 * within a shard are serialised by {@code compute} on the shard's topic map, which is what makes
 * removing a topic when it empties safe against a concurrent subscribe.
 *
 * <p>Fan-out reads a flat array snapshot of each shard's subscriptions, built from the map by the
 * first broadcast after a change and reused until the next change. A topic whose subscribers
 * rarely change is thus iterated at array speed with no copying per broadcast; under constant
 * churn a broadcast rebuilds the snapshot lock-free, which costs about one walk of the map.
 */
final class Registry {

    private final Shard[] shards;
    /**
     * Messages dispatched per topic on this node, for diagnostics. Every shard's entry of a topic
     * holds the topic's counter (taken from here when the entry is made), so counting a message is
     * a field read and one {@link LongAdder} increment, with no lookup. A counter exists only while
     * its topic has subscribers: it is dropped when the topic's last subscription goes (any left by
     * a race goes at the next {@link #topicStats} read), so memory follows the live topics.
     */
    private final ConcurrentHashMap<String, LongAdder> messages = new ConcurrentHashMap<>();

    Registry(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + poolSize);
        }
        shards = new Shard[poolSize];
        for (int i = 0; i < poolSize; i++) {
            shards[i] = new Shard();
        }
    }

    int poolSize() {
        return shards.length;
    }

    void subscribe(String topic, Subscriber subscriber, Object metadata) {
        Subscription added = new Subscription(subscriber, metadata);
        shardFor(subscriber).topics.compute(topic, (t, entry) -> {
            if (entry == null) {
                entry = new TopicEntry(messages.computeIfAbsent(t, any -> new LongAdder()));
            }
            entry.subscribers.merge(subscriber, added, Registry::concat);
            entry.invalidate();
            return entry;
        });
    }

    /** Drops every subscription of {@code subscriber} to {@code topic}, duplicates included. */
    void unsubscribe(String topic, Subscriber subscriber) {
        Shard shard = shardFor(subscriber);
        shard.topics.computeIfPresent(topic, (t, entry) -> {
            if (entry.subscribers.remove(subscriber) == null) {
                return entry;
            }
            entry.invalidate();
            return entry.subscribers.isEmpty() ? null : entry;
        });
        // Only when this shard's entry went: the other shards are looked at then, and only then.
        if (!shard.topics.containsKey(topic) && !hasTopic(topic)) {
            messages.remove(topic);
        }
    }

    private boolean hasTopic(String topic) {
        for (Shard shard : shards) {
            if (shard.topics.containsKey(topic)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts one message dispatched to the topic of {@code subscriptions} (a {@link #lookup} result):
     * one increment of the counter its first shard entry holds, which {@link #topicStats} reads too.
     */
    static void countMessage(Subscriptions subscriptions) {
        ((View) subscriptions).topics[0].messages.increment();
    }

    /**
     * Every topic with local subscriptions: its subscription count and the messages dispatched to
     * it since its counter was made. Walks the registry: for diagnostics, not for hot paths.
     */
    List<TopicStats> topicStats() {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        // The first shard's entry of each topic holds the counter dispatches increment (see lookup).
        java.util.Map<String, LongAdder> counters = new java.util.HashMap<>();
        for (Shard shard : shards) {
            shard.topics.forEach((topic, entry) -> {
                counts.merge(topic, size(entry), Integer::sum);
                counters.putIfAbsent(topic, entry.messages);
            });
        }
        // Counters whose topic lost its last subscriber in a race with a subscribe.
        messages.keySet().removeIf(topic -> !counts.containsKey(topic));
        List<TopicStats> stats = new ArrayList<>(counts.size());
        counts.forEach((topic, subscribers) -> stats.add(new TopicStats(topic, subscribers, counters.get(topic).sum())));
        return stats;
    }

    private static int size(TopicEntry entry) {
        int n = 0;
        for (Object value : entry.subscribers.values()) {
            n += value instanceof Subscription[] many ? many.length : 1;
        }
        return n;
    }

    /**
     * The view of a topic's subscriptions, or {@code null} when there are none (so the caller can
     * skip decoding and dispatching altogether).
     */
    Subscriptions lookup(String topic) {
        Shard[] shards = this.shards;
        if (shards.length == 1) {
            TopicEntry only = shards[0].topics.get(topic);
            return only == null ? null : new View(new TopicEntry[] {only}, 1);
        }
        TopicEntry[] found = null;
        int count = 0;
        for (Shard shard : shards) {
            TopicEntry entry = shard.topics.get(topic);
            if (entry != null) {
                if (found == null) {
                    found = new TopicEntry[shards.length];
                }
                found[count++] = entry;
            }
        }
        return found == null ? null : new View(found, count);
    }

    /** Number of subscriptions to {@code topic}, duplicates counted; for tests and diagnostics. */
    int count(String topic) {
        int n = 0;
        for (Shard shard : shards) {
            TopicEntry entry = shard.topics.get(topic);
            if (entry != null) {
                n += size(entry);
            }
        }
        return n;
    }

    /** Number of topics with at least one subscription in any shard; for tests and diagnostics. */
    int topicCount() {
        Set<String> topics = new HashSet<>();
        for (Shard shard : shards) {
            topics.addAll(shard.topics.keySet());
        }
        return topics.size();
    }

    private Shard shardFor(Subscriber subscriber) {
        Shard[] shards = this.shards;
        if (shards.length == 1) {
            return shards[0];
        }
        int h = subscriber.hashCode();
        h ^= (h >>> 16);
        return shards[Math.floorMod(h, shards.length)];
    }

    /** Almost every subscriber holds one subscription per topic, stored bare; duplicates become an array. */
    private static Object concat(Object existing, Object added) {
        if (existing instanceof Subscription single) {
            return new Subscription[] {single, (Subscription) added};
        }
        Subscription[] old = (Subscription[]) existing;
        Subscription[] all = Arrays.copyOf(old, old.length + 1);
        all[old.length] = (Subscription) added;
        return all;
    }

    private static final class Shard {
        final ConcurrentHashMap<String, TopicEntry> topics = new ConcurrentHashMap<>();
    }

    /** A generation of a topic's subscriptions in one shard; {@code entries} is null until built. */
    private record Snapshot(long generation, Subscription[] entries) {
    }

    private static final class TopicEntry {
        final ConcurrentHashMap<Subscriber, Object> subscribers = new ConcurrentHashMap<>();
        /** The topic's message counter, shared by its entries in every shard. */
        final LongAdder messages;

        TopicEntry(LongAdder messages) {
            this.messages = messages;
        }

        final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(0, null));

        /** Called by writers, under the shard's per-topic lock, after changing {@code subscribers}. */
        void invalidate() {
            snapshot.set(new Snapshot(snapshot.get().generation() + 1, null));
        }

        /**
         * The current subscriptions as an array. A reader that builds one caches it only if no
         * write happened since it read the generation (the compare-and-set fails otherwise), so a
         * cached array never misses a change made before it was cached.
         */
        Subscription[] entries() {
            Snapshot current = snapshot.get();
            Subscription[] entries = current.entries();
            if (entries != null) {
                return entries;
            }
            List<Subscription> built = new ArrayList<>(subscribers.size() + 8);
            for (Object value : subscribers.values()) {
                if (value instanceof Subscription single) {
                    built.add(single);
                } else {
                    built.addAll(Arrays.asList((Subscription[]) value));
                }
            }
            entries = built.toArray(new Subscription[0]);
            snapshot.compareAndSet(current, new Snapshot(current.generation(), entries));
            return entries;
        }
    }

    /** Iterates each shard's snapshot array; nothing is copied per broadcast once snapshots exist. */
    private static final class View implements Subscriptions {

        private final TopicEntry[] topics;
        private final int count;

        View(TopicEntry[] topics, int count) {
            this.topics = topics;
            this.count = count;
        }

        @Override
        public void forEach(Consumer<? super Subscription> action) {
            Objects.requireNonNull(action, "action");
            for (int i = 0; i < count; i++) {
                for (Subscription entry : topics[i].entries()) {
                    action.accept(entry);
                }
            }
        }

        @Override
        public Iterator<Subscription> iterator() {
            return new Iterator<>() {
                private int topic = -1;
                private Subscription[] entries = new Subscription[0];
                private int index;

                @Override
                public boolean hasNext() {
                    while (index >= entries.length) {
                        if (++topic >= count) {
                            return false;
                        }
                        entries = topics[topic].entries();
                        index = 0;
                    }
                    return true;
                }

                @Override
                public Subscription next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return entries[index++];
                }
            };
        }

        @Override
        public String toString() {
            List<Subscription> all = new ArrayList<>();
            forEach(all::add);
            return all.toString();
        }
    }
}
