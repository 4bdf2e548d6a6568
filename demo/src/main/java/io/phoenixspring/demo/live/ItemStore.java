package io.phoenixspring.demo.live;

import io.phoenixspring.pubsub.PubSub;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The {@code /list} page's items: one list per node, in memory, bounded. Every add and delete is
 * broadcast on this node's PubSub topic {@value #TOPIC} ({@code localBroadcast}: another node has its
 * own list), where every {@code /list} view hears it, the one that made the change included.
 */
@Component
public class ItemStore {

    /** The PubSub topic of {@link Added} and {@link Deleted}. */
    public static final String TOPIC = "live:items";
    /** At most this many items; an add beyond is refused. */
    public static final int MAX_ITEMS = 500;
    /** An item's text is cut to this many characters. */
    public static final int MAX_TEXT = 200;

    /** An item; {@code id} makes its stream DOM id {@code items-ID}. */
    public record Item(long id, String text) {
    }

    /** Broadcast when an item was added. */
    public record Added(Item item) {
    }

    /** Broadcast when an item was deleted. */
    public record Deleted(Item item) {
    }

    private final PubSub pubSub;
    private final Map<Long, Item> items = new LinkedHashMap<>();
    private long lastId;

    public ItemStore(PubSub pubSub) {
        this.pubSub = pubSub;
    }

    /** The items, oldest first. */
    public synchronized List<Item> all() {
        return new ArrayList<>(items.values());
    }

    public synchronized int size() {
        return items.size();
    }

    /**
     * Appends an item and tells the views. The broadcast happens under the lock, so that every view
     * hears the changes in the order they were made (an add always before its delete).
     *
     * @return the item, or empty when the list is full
     */
    public synchronized Optional<Item> add(String text) {
        if (items.size() >= MAX_ITEMS) {
            return Optional.empty();
        }
        String kept = text.length() > MAX_TEXT ? text.substring(0, text.offsetByCodePoints(0, Math.min(MAX_TEXT,
                text.codePointCount(0, text.length())))) : text;
        Item item = new Item(++lastId, kept);
        items.put(item.id(), item);
        pubSub.localBroadcast(TOPIC, new Added(item));
        return Optional.of(item);
    }

    /** Deletes the item with this id, if it is still there, and tells the views. */
    public synchronized void delete(long id) {
        Item item = items.remove(id);
        if (item != null) {
            pubSub.localBroadcast(TOPIC, new Deleted(item));
        }
    }
}
