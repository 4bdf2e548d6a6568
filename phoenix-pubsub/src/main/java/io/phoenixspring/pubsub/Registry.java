package io.phoenixspring.pubsub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The local subscription registry, sharded like Phoenix's {@code pool_size} partitions.
 *
 * <p>A subscription lives in the shard picked by its subscriber's hash, so the subscribers of one
 * hot topic are spread over all shards and subscribe/unsubscribe on that topic only contend
 * within a shard. Per shard and topic the subscriptions sit in a {@link ConcurrentHashMap} keyed
 * by subscriber (the value holds its duplicates), which gives lock-free reads for fan-out, O(1)
 * subscribe and unsubscribe, and no copying per broadcast. Writes to a topic within a shard are
 * serialised by {@code compute} on the shard's topic map, which is what makes removing a topic
 * when it empties safe against a concurrent subscribe.
 */
final class Registry {

    private final Shard[] shards;

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
        Subscription[] added = {new Subscription(subscriber, metadata)};
        shardFor(subscriber).topics.compute(topic, (t, subscribers) -> {
            if (subscribers == null) {
                subscribers = new ConcurrentHashMap<>();
            }
            subscribers.merge(subscriber, added, Registry::concat);
            return subscribers;
        });
    }

    /** Drops every subscription of {@code subscriber} to {@code topic}, duplicates included. */
    void unsubscribe(String topic, Subscriber subscriber) {
        shardFor(subscriber).topics.computeIfPresent(topic, (t, subscribers) -> {
            subscribers.remove(subscriber);
            return subscribers.isEmpty() ? null : subscribers;
        });
    }

    /**
     * The live view of a topic's subscriptions, or {@code null} when there are none (so the
     * caller can skip decoding and dispatching altogether).
     */
    Subscriptions lookup(String topic) {
        Shard[] shards = this.shards;
        if (shards.length == 1) {
            ConcurrentHashMap<Subscriber, Subscription[]> only = shards[0].topics.get(topic);
            return only == null ? null : new View(new ConcurrentHashMap[] {only}, 1);
        }
        ConcurrentHashMap<Subscriber, Subscription[]>[] found = null;
        int count = 0;
        for (Shard shard : shards) {
            ConcurrentHashMap<Subscriber, Subscription[]> subscribers = shard.topics.get(topic);
            if (subscribers != null) {
                if (found == null) {
                    found = newMapArray(shards.length);
                }
                found[count++] = subscribers;
            }
        }
        return found == null ? null : new View(found, count);
    }

    /** Number of subscriptions to {@code topic}, duplicates counted; for tests and diagnostics. */
    int count(String topic) {
        int n = 0;
        for (Shard shard : shards) {
            ConcurrentHashMap<Subscriber, Subscription[]> subscribers = shard.topics.get(topic);
            if (subscribers != null) {
                for (Subscription[] entries : subscribers.values()) {
                    n += entries.length;
                }
            }
        }
        return n;
    }

    /** Number of topics with at least one subscription in any shard; for tests and diagnostics. */
    int topicCount() {
        java.util.Set<String> topics = new java.util.HashSet<>();
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

    private static Subscription[] concat(Subscription[] existing, Subscription[] added) {
        Subscription[] all = Arrays.copyOf(existing, existing.length + added.length);
        System.arraycopy(added, 0, all, existing.length, added.length);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentHashMap<Subscriber, Subscription[]>[] newMapArray(int size) {
        return new ConcurrentHashMap[size];
    }

    private static final class Shard {
        final ConcurrentHashMap<String, ConcurrentHashMap<Subscriber, Subscription[]>> topics =
                new ConcurrentHashMap<>();
    }

    /** Iterates the per-shard maps in place; ConcurrentHashMap's weakly consistent traversal
     * visits every key present throughout exactly once, and never a key twice. */
    private static final class View implements Subscriptions {

        private final ConcurrentHashMap<Subscriber, Subscription[]>[] maps;
        private final int count;

        View(ConcurrentHashMap<Subscriber, Subscription[]>[] maps, int count) {
            this.maps = maps;
            this.count = count;
        }

        @Override
        public void forEach(Consumer<? super Subscription> action) {
            Objects.requireNonNull(action, "action");
            for (int i = 0; i < count; i++) {
                for (Subscription[] entries : maps[i].values()) {
                    for (Subscription entry : entries) {
                        action.accept(entry);
                    }
                }
            }
        }

        @Override
        public Iterator<Subscription> iterator() {
            return new Iterator<>() {
                private int map;
                private Iterator<Subscription[]> values = count > 0 ? maps[0].values().iterator() : null;
                private Subscription[] entries = new Subscription[0];
                private int index;

                @Override
                public boolean hasNext() {
                    while (index >= entries.length) {
                        if (values == null) {
                            return false;
                        }
                        if (values.hasNext()) {
                            entries = values.next();
                            index = 0;
                        } else if (++map < count) {
                            values = maps[map].values().iterator();
                        } else {
                            values = null;
                        }
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
