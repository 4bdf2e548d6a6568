package io.phoenixspring.presence.tracker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one operation on a {@link State} changed, grouped by topic in the order it happened. */
final class Changes {

    record TopicChanges(List<Change> joins, List<Change> leaves) {
    }

    private final Map<String, TopicChanges> byTopic = new LinkedHashMap<>();

    void join(Tag tag, Entry entry) {
        topic(entry.topic()).joins.add(new Change(tag, entry, true));
    }

    void leave(Tag tag, Entry entry) {
        topic(entry.topic()).leaves.add(new Change(tag, entry, false));
    }

    private TopicChanges topic(String topic) {
        return byTopic.computeIfAbsent(topic, t -> new TopicChanges(new ArrayList<>(), new ArrayList<>()));
    }

    boolean isEmpty() {
        return byTopic.isEmpty();
    }

    Map<String, TopicChanges> byTopic() {
        return byTopic;
    }

    int size() {
        int n = 0;
        for (TopicChanges c : byTopic.values()) {
            n += c.joins.size() + c.leaves.size();
        }
        return n;
    }
}
