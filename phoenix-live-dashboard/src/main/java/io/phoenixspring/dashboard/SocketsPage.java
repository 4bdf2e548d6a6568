package io.phoenixspring.dashboard;

import io.phoenixspring.channels.server.ChannelQueue;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.TopicStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The sockets and channels page ({@code <dashboard>/sockets}): connected sockets per socket handler
 * and transport, joined channels per topic pattern, the channels with the deepest mailboxes, slow
 * consumers disconnected, and the PubSub topics with the most subscribers and the most messages per
 * second on this node. A built-in page; the auto-configuration makes it a bean.
 */
@TemplateImports(DashboardComponents.class)
public final class SocketsPage extends DashboardPage {

    /** How many rows the top-N tables show. */
    static final int TOP = 10;

    private static final String PREVIOUS_RATES = "topic_rates";

    /** Connected sockets of one handler over one transport. */
    public record SocketCount(String id, String handler, String transport, int count) {
    }

    /** Joined channels of one topic pattern. */
    public record PatternCount(String id, String pattern, int joined) {
    }

    /** A joined channel's waiting messages, and its socket's frames waiting for the client. */
    public record MailboxRow(String id, String socket, String transport, String topic, int depth, int outbound) {
    }

    /** A topic: local subscriptions and messages per second since the previous refresh. */
    public record TopicRow(String id, String topic, int subscribers, String rate) {
    }

    private final ObjectProvider<SocketRuntime> sockets;
    private final ObjectProvider<PubSub> pubSub;

    public SocketsPage(ObjectProvider<SocketRuntime> sockets, ObjectProvider<PubSub> pubSub) {
        this.sockets = sockets;
        this.pubSub = pubSub;
    }

    @Override
    protected void handleRefresh(LiveSocket socket) {
        SocketRuntime runtime = sockets.getIfAvailable();
        List<SocketCount> counts = new ArrayList<>();
        List<PatternCount> patterns = new ArrayList<>();
        List<MailboxRow> mailboxes = new ArrayList<>();
        long slow = 0;
        int total = 0;
        if (runtime != null) {
            runtime.connectionsBySocket().forEach((handler, transports) -> transports.forEach((transport, n) ->
                    counts.add(new SocketCount("sockets-count-" + Format.slug(handler) + "-" + Format.slug(transport),
                            handler, transport, n))));
            total = runtime.connectionCount();
            runtime.metrics().joinedByRoute().forEach((pattern, n) ->
                    patterns.add(new PatternCount("channels-joined-" + Format.slug(pattern), pattern, n)));
            int rank = 0;
            for (ChannelQueue queue : runtime.deepestMailboxes(TOP)) {
                mailboxes.add(new MailboxRow("mailbox-" + rank++, queue.socket(), queue.transport(), queue.topic(),
                        queue.depth(), queue.outbound()));
            }
            slow = runtime.metrics().slowConsumerDisconnects();
        }
        socket.assign("socket_counts", counts)
                .assign("socket_total", total)
                .assign("patterns", patterns)
                .assign("channel_total", patterns.stream().mapToInt(PatternCount::joined).sum())
                .assign("mailboxes", mailboxes)
                .assign("slow_consumers", slow);
        topics(socket);
    }

    private void topics(LiveSocket socket) {
        PubSub bus = pubSub.getIfAvailable();
        List<TopicStats> stats = bus == null ? List.of() : bus.topicStats();
        TopicRates previous = socket.get(PREVIOUS_RATES);
        TopicRates now = TopicRates.read(stats, System.nanoTime());
        // Top N by a bounded heap, not a sort of every topic: a page refreshes every second over all of them.
        List<TopicRow> bySubscribers = top(stats, Comparator.comparingInt(TopicStats::subscribers)
                        .thenComparing(TopicStats::topic, Comparator.reverseOrder())).stream()
                .map(t -> new TopicRow("topic-subscribers-" + Format.slug(t.topic()), t.topic(), t.subscribers(),
                        Format.rate(now.perSecond(previous, t.topic()))))
                .toList();
        record Rated(TopicStats topic, double rate) {
        }
        List<Rated> rated = new ArrayList<>();
        for (TopicStats t : stats) {
            double rate = now.perSecond(previous, t.topic());
            if (rate > 0) {
                rated.add(new Rated(t, rate));
            }
        }
        List<TopicRow> byRate = top(rated, Comparator.comparingDouble(Rated::rate)
                        .thenComparing(r -> r.topic().topic(), Comparator.reverseOrder())).stream()
                .map(r -> new TopicRow("topic-rate-" + Format.slug(r.topic().topic()), r.topic().topic(),
                        r.topic().subscribers(), Format.rate(r.rate())))
                .toList();
        socket.assign("topics_by_subscribers", bySubscribers)
                .assign("topics_by_rate", byRate)
                .assign("topic_count", stats.size())
                .assign(PREVIOUS_RATES, now);
    }

    /** The {@value #TOP} greatest by {@code order}, greatest first. */
    static <T> List<T> top(List<T> items, Comparator<T> order) {
        java.util.PriorityQueue<T> heap = new java.util.PriorityQueue<>(TOP + 1, order);
        for (T item : items) {
            heap.offer(item);
            if (heap.size() > TOP) {
                heap.poll();
            }
        }
        List<T> greatest = new ArrayList<>(heap);
        greatest.sort(order.reversed());
        return greatest;
    }
}
