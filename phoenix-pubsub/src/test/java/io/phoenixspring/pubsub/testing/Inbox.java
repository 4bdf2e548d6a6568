package io.phoenixspring.pubsub.testing;

import io.phoenixspring.pubsub.Subscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A subscriber that queues what it receives, like an Elixir process mailbox. */
public final class Inbox implements Subscriber {

    /** One received message with its topic. */
    public record Received(String topic, Object message) {
    }

    private final String name;
    private final LinkedBlockingQueue<Received> queue = new LinkedBlockingQueue<>();

    public Inbox(String name) {
        this.name = name;
    }

    @Override
    public void onMessage(String topic, Object message) {
        queue.add(new Received(topic, message));
    }

    /** Waits for the next message; fails the test when none arrives in time. */
    public Received next(Duration timeout) {
        try {
            Received received = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (received == null) {
                throw new AssertionError(name + " received nothing within " + timeout);
            }
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Object nextMessage() {
        return next(Duration.ofSeconds(10)).message();
    }

    /** Everything received so far, removing it. */
    public List<Received> drain() {
        List<Received> all = new ArrayList<>();
        queue.drainTo(all);
        return all;
    }

    /** Asserts that nothing more arrives within {@code quiet}. */
    public void assertNothingWithin(Duration quiet) {
        try {
            Received received = queue.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (received != null) {
                throw new AssertionError(name + " unexpectedly received " + received);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public int size() {
        return queue.size();
    }

    @Override
    public String toString() {
        return "Inbox(" + name + ")";
    }
}
