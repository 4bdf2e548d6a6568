package io.phoenixspring.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.server.ChannelsMetrics;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.presence.support.ClientView;
import io.phoenixspring.pubsub.PubSub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The presence storm, in process: 5,000 joiners of 100 users on one topic, each subscribing,
 * tracking and taking presence_state as a channel does, while every earlier joiner applies the
 * diffs as the JS client does. With a coalescing window far fewer diffs go out and every view
 * still ends up complete and equal to the server's list.
 */
class PresenceCoalescingTest {

    private static final int JOINERS = 5_000;
    private static final int USERS = 100;

    record Outcome(long settleMillis, long broadcasts, long diffsDelivered, long entriesDelivered) {
    }

    private Outcome storm(Duration window, String topic, int joiners) {
        PubSub pubSub = PubSub.builder().nodeName("storm").build();
        SocketRuntime runtime = new SocketRuntime(pubSub, ChannelsMetrics.noop());
        Endpoint endpoint = new Endpoint(runtime);
        try (Presence presence = Presence.builder(pubSub, endpoint)
                .options(PresenceOptions.defaults().withDiffWindow(window)).build()) {
            List<ClientView> views = new ArrayList<>(joiners);
            java.util.concurrent.atomic.AtomicLong broadcasts = new java.util.concurrent.atomic.AtomicLong();
            endpoint.subscribe(topic, (t, message) -> broadcasts.incrementAndGet());
            long started = System.nanoTime();
            for (int i = 0; i < joiners; i++) {
                ClientView view = new ClientView();
                views.add(view);
                endpoint.subscribe(topic, view); // the channel subscribes when its join succeeds
                presence.track(view, topic, "user" + (i % USERS), Map.of("online_at", "1", "status", "online"));
                view.syncState(presence.list(topic)); // presence_state
                if (i % 50 == 49) {
                    sleep(10); // joins arrive over ~1 s, not all in one instant
                }
            }
            long joined = System.nanoTime();
            Map<String, java.util.Set<Object>> expected = ClientView.refsOf(presence.list(topic));
            assertThat(presence.tracker().size(topic)).isEqualTo(joiners);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                        .until(() -> views.stream().allMatch(v -> v.size() == joiners));
            } catch (ConditionTimeoutException e) {
                // tell a slow fan-out (views still catching up) from a lost diff (views stuck short)
                long behind = views.stream().filter(v -> v.size() != joiners).count();
                int furthest = views.stream().mapToInt(ClientView::size).min().orElse(0);
                throw new AssertionError(behind + " of " + joiners + " views incomplete after 15 s, the furthest behind with "
                        + furthest + " entries", e);
            }
            long settled = System.nanoTime();
            for (ClientView view : List.of(views.get(0), views.get(joiners / 2), views.get(joiners - 1))) {
                assertThat(view.refs()).isEqualTo(expected);
            }
            long diffs = views.stream().mapToLong(ClientView::diffsReceived).sum();
            long entries = views.stream().mapToLong(ClientView::diffEntriesReceived).sum();
            System.out.printf("presence storm window=%d ms: %d joins in %d ms, all %d views complete %d ms after the "
                    + "last join; %d presence_diff broadcasts, %d deliveries carrying %d key entries%n", window.toMillis(), joiners,
                    TimeUnit.NANOSECONDS.toMillis(joined - started), joiners,
                    TimeUnit.NANOSECONDS.toMillis(settled - joined), broadcasts.get(), diffs, entries);
            return new Outcome(TimeUnit.NANOSECONDS.toMillis(settled - joined), broadcasts.get(), diffs, entries);
        } finally {
            runtime.close();
            pubSub.close();
        }
    }

    @Test
    void fiveThousandJoinsOfOneHundredUsersSettleQuicklyWithCoalescedDiffs() {
        Outcome coalesced = storm(Duration.ofMillis(50), "room:storm50", JOINERS);
        assertThat(coalesced.settleMillis()).isLessThan(15_000);
        // without coalescing every join is a diff to every member: about joiners^2 / 2 deliveries
        assertThat(coalesced.diffsDelivered()).isLessThan((long) JOINERS * JOINERS / 2 / 20);
        // one diff per window at most while joins go on (about 2 s of joins here), not one per join
        assertThat(coalesced.broadcasts()).isLessThan(JOINERS / 10);
    }

    @Test
    void withoutAWindowEveryJoinIsStillDeliveredInOrderAndViewsConverge() {
        Outcome immediate = storm(Duration.ZERO, "room:storm0", 2_000);
        assertThat(immediate.settleMillis()).isLessThan(15_000);
    }

    @Test
    void aWindowTurnsABurstOfChangesIntoOneDiffInOrder() {
        PubSub pubSub = PubSub.builder().nodeName("burst").build();
        SocketRuntime runtime = new SocketRuntime(pubSub, ChannelsMetrics.noop());
        Endpoint endpoint = new Endpoint(runtime);
        try (Presence presence = Presence.builder(pubSub, endpoint)
                .options(PresenceOptions.defaults().withDiffWindow(Duration.ofMillis(200))).build()) {
            List<Object> diffs = new java.util.concurrent.CopyOnWriteArrayList<>();
            endpoint.subscribe("room:burst", (topic, message) -> diffs.add(
                    ((io.phoenixspring.channels.message.Broadcast) message).payload()));
            Object alice = new Object();
            Object bob = new Object();
            String a1 = presence.track(alice, "room:burst", "alice", Map.of("status", "online"));
            String b1 = presence.track(bob, "room:burst", "bob", Map.of("status", "online"));
            String a2 = presence.update(alice, "room:burst", "alice", Map.of("status", "away"));
            presence.untrackAll(bob);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> diffs.size() == 1);
            sleep(300);
            assertThat(diffs).hasSize(1);
            Map<?, ?> diff = (Map<?, ?>) diffs.get(0);
            Map<?, ?> joins = (Map<?, ?>) diff.get("joins");
            Map<?, ?> leaves = (Map<?, ?>) diff.get("leaves");
            // joins are applied before leaves by the client: alice ends with a2 only, bob gone
            assertThat(refs(joins.get("alice"))).containsExactly(a1, a2);
            assertThat(refs(leaves.get("alice"))).containsExactly(a1);
            assertThat(refs(joins.get("bob"))).containsExactly(b1);
            assertThat(refs(leaves.get("bob"))).containsExactly(b1);
            ClientView view = new ClientView();
            view.syncState(Map.of());
            view.onMessage("room:burst", new io.phoenixspring.channels.message.Broadcast("room:burst", "presence_diff", diff));
            assertThat(view.refs()).isEqualTo(Map.of("alice", java.util.Set.of(a2)));
        } finally {
            runtime.close();
            pubSub.close();
        }
    }

    private static List<Object> refs(Object presence) {
        List<Object> refs = new ArrayList<>();
        ((List<?>) ((Map<?, ?>) presence).get("metas")).forEach(m -> refs.add(((Map<?, ?>) m).get("phx_ref")));
        return refs;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
