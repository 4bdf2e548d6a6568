package io.phoenixspring.pubsub.testing;

import io.phoenixspring.pubsub.PubSubMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts every metrics hook, for assertions. */
public final class CountingMetrics implements PubSubMetrics {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public long get(String key) {
        AtomicLong count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    private void add(String key, long n) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(n);
    }

    @Override
    public void broadcast(Scope scope) {
        add("broadcast." + scope, 1);
    }

    @Override
    public void delivered(int count) {
        add("delivered", count);
    }

    @Override
    public void deliveryFailed() {
        add("deliveryFailed", 1);
    }

    @Override
    public void publishFailed() {
        add("publishFailed", 1);
    }

    @Override
    public void received() {
        add("received", 1);
    }

    @Override
    public void dropped(DropReason reason) {
        add("dropped." + reason, 1);
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
