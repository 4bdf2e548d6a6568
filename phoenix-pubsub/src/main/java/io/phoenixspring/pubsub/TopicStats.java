package io.phoenixspring.pubsub;

/**
 * One topic as this node's {@link PubSub} sees it, for dashboards ({@link PubSub#topicStats()}).
 *
 * <pre>{@code
 * pubSub.topicStats().stream()
 *         .sorted(Comparator.comparingInt(TopicStats::subscribers).reversed())
 *         .limit(10).forEach(t -> log.info("{}: {} subscribers", t.topic(), t.subscribers()));
 * }</pre>
 *
 * @param topic the topic
 * @param subscribers its local subscriptions, duplicates counted
 * @param messages messages dispatched to it on this node (local broadcasts and those from other
 *     nodes) since it last went from no subscribers to some; compare two reads for a rate
 */
public record TopicStats(String topic, int subscribers, long messages) {
}
