package io.phoenixspring.dashboard;

import io.phoenixspring.pubsub.TopicStats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages per second per topic between two reads of {@link io.phoenixspring.pubsub.PubSub#topicStats()}:
 * a page keeps the previous read in an assign and asks for the rates at each refresh. A topic missing
 * from the previous read had no subscribers then, so its whole count is new; a counter that went back
 * (the topic emptied and came back) counts from zero.
 *
 * @param counts messages per topic at {@code nanos}
 * @param nanos when they were read ({@link System#nanoTime()})
 */
record TopicRates(Map<String, Long> counts, long nanos) {

    static TopicRates read(List<TopicStats> topics, long nanos) {
        Map<String, Long> counts = new HashMap<>(topics.size() * 2);
        for (TopicStats topic : topics) {
            counts.put(topic.topic(), topic.messages());
        }
        return new TopicRates(counts, nanos);
    }

    /** Per-second rate of {@code topic} from {@code previous} (null: none yet, rate 0) to this read. */
    double perSecond(TopicRates previous, String topic) {
        if (previous == null || nanos <= previous.nanos) {
            return 0;
        }
        long now = counts.getOrDefault(topic, 0L);
        long before = previous.counts.getOrDefault(topic, 0L);
        long delta = now >= before ? now - before : now;
        return delta * 1e9 / (nanos - previous.nanos);
    }

    /** The sum of every topic's rate. */
    double totalPerSecond(TopicRates previous) {
        if (previous == null || nanos <= previous.nanos) {
            return 0;
        }
        double total = 0;
        for (String topic : counts.keySet()) {
            total += perSecond(previous, topic);
        }
        return total;
    }
}
