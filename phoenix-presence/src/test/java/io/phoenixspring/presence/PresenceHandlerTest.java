package io.phoenixspring.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.server.ChannelsMetrics;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.presence.support.ClientView;
import io.phoenixspring.presence.support.Events;
import io.phoenixspring.presence.support.HandlerCalls;
import io.phoenixspring.presence.support.HandlerCalls.Call;
import io.phoenixspring.presence.support.UserOffline;
import io.phoenixspring.pubsub.PubSub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@link PresenceHandler} (Phoenix's init/1 and handle_metas/4) on one node. */
class PresenceHandlerTest {

    private static final String ROOM = "room:1";

    private final PubSub pubSub = PubSub.builder().nodeName("solo").build();
    private final SocketRuntime runtime = new SocketRuntime(pubSub, ChannelsMetrics.noop());
    private final Endpoint endpoint = new Endpoint(runtime);
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        runtime.close();
        pubSub.close();
    }

    private Presence presence(Presence.Builder builder) {
        Presence presence = builder.build();
        closing.add(presence);
        return presence;
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10));
    }

    @Test
    void userOfflineGoesOutWhenTheLastTabLeavesNotTheFirst() {
        Events offline = new Events("user_offline");
        endpoint.subscribe(UserOffline.LOBBY, offline);
        HandlerCalls calls = new HandlerCalls();
        Presence presence = presence(Presence.builder(pubSub, endpoint).handler(new UserOffline(endpoint)).handler(calls));
        Object tab1 = new Object();
        Object tab2 = new Object();
        String a1 = presence.track(tab1, UserOffline.LOBBY, "alice", Map.of("status", "online"));
        presence.track(tab2, UserOffline.LOBBY, "alice", Map.of("status", "online"));
        presence.track(new Object(), UserOffline.LOBBY, "bob", Map.of());
        presence.update(tab2, UserOffline.LOBBY, "alice", Map.of("status", "away")); // a leave too, but alice stays

        presence.untrackAll(tab1);
        await().until(() -> calls.leftRefs().contains(a1));
        assertThat(offline.payloads()).as("alice still has a tab").isEmpty();

        presence.untrackAll(tab2);
        await().until(() -> offline.payloads().size() == 1);
        assertThat(offline.payloads()).containsExactly(Map.of("user", "alice"));
        assertThat(calls.last().presenceRefs()).containsOnlyKeys("bob");
    }

    @Test
    void handleMetasGetsEachDiffAfterTheFetcherWithTheTopicsPresencesAfterItAndItsState() {
        HandlerCalls calls = new HandlerCalls();
        Presence presence = presence(Presence.builder(pubSub, endpoint).handler(calls).fetcher((topic, presences) -> {
            Map<String, Map<String, Object>> out = new HashMap<>();
            presences.forEach((key, p) -> out.put(key, Map.of("metas", p.get("metas"), "name", key.toUpperCase())));
            return out;
        }));
        Object tab1 = new Object();
        Object tab2 = new Object();
        String r1 = presence.track(tab1, ROOM, "alice", Map.of("status", "online"));
        presence.flush(ROOM); // one diff per change, as each is sent before the next
        String r2 = presence.track(tab2, ROOM, "alice", Map.of("status", "online"));
        presence.flush(ROOM);
        String r1b = presence.update(tab1, ROOM, "alice", Map.of("status", "away"));
        presence.flush(ROOM);
        presence.untrackAll(tab2);
        presence.flush(ROOM);
        presence.untrackAll(tab1);
        presence.flush(ROOM);

        await().until(() -> calls.calls().size() == 5);
        List<Call> seen = calls.calls();
        assertThat(seen).extracting(Call::topic).containsOnly(ROOM);
        assertThat(seen).extracting(Call::state).containsExactly(0, 1, 2, 3, 4);
        assertThat(seen).extracting(Call::thread).allSatisfy(thread -> assertThat(thread).startsWith("phx-presence-handlers-"));
        assertThat(seen.get(0).joins().get("alice")).containsEntry("name", "ALICE");

        assertThat(seen).extracting(Call::joinRefs).containsExactly(Map.of("alice", Set.of(r1)),
                Map.of("alice", Set.of(r2)), Map.of("alice", Set.of(r1b)), Map.of(), Map.of());
        assertThat(seen).extracting(Call::leaveRefs).containsExactly(Map.of(), Map.of(),
                Map.of("alice", Set.of(r1)), Map.of("alice", Set.of(r2)), Map.of("alice", Set.of(r1b)));
        assertThat(seen).extracting(Call::presenceRefs).containsExactly(Map.of("alice", Set.of(r1)),
                Map.of("alice", Set.of(r1, r2)), Map.of("alice", Set.of(r2, r1b)), Map.of("alice", Set.of(r1b)), Map.of());
        assertThat(seen.get(2).presences().get("alice")).last().satisfies(meta -> assertThat(meta)
                .containsEntry("status", "away").containsEntry("phx_ref_prev", r1));
    }

    @Test
    void aSlowHandlerHoldsUpNeitherTrackingNorPresenceDiffsAndCatchesUpInOrder() {
        CountDownLatch release = new CountDownLatch(1);
        HandlerCalls calls = new HandlerCalls();
        PresenceHandler<Void> slow = (topic, joins, leaves, presences, state) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return state;
        };
        Presence presence = presence(Presence.builder(pubSub, endpoint).handler(slow).handler(calls));
        ClientView view = new ClientView();
        endpoint.subscribe(ROOM, view);
        view.syncState(Map.of());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add("user" + i);
            presence.track(new Object(), ROOM, "user" + i, Map.of());
        }
        await().until(() -> view.size() == 50); // every presence_diff went out while the handler is stuck
        assertThat(presence.list(ROOM)).hasSize(50);
        assertThat(calls.calls()).isEmpty();

        release.countDown();
        await().until(() -> calls.calls().stream().mapToInt(c -> c.joins().size()).sum() == 50);
        assertThat(calls.calls().stream().flatMap(c -> c.joins().keySet().stream()).toList()).isEqualTo(keys);
        assertThat(calls.last().presences()).hasSize(50);
    }

    @Test
    void aHandlerThatThrowsLogsOneErrorAndIsCalledForTheNextDiffsWithItsLastState() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(PresenceHandlers.class);
        logger.addAppender(logged);
        closing.add(() -> logger.detachAppender(logged));

        List<Integer> states = new ArrayList<>();
        PresenceHandler<Integer> picky = new PresenceHandler<>() {
            @Override
            public Integer init() {
                return 100;
            }

            @Override
            public Integer handleMetas(String topic, Map<String, Map<String, Object>> joins,
                    Map<String, Map<String, Object>> leaves, Map<String, List<Map<String, Object>>> presences, Integer state) {
                states.add(state);
                if (joins.containsKey("mallory")) {
                    throw new IllegalStateException("no mallory on " + topic);
                }
                return state + 1;
            }
        };
        HandlerCalls after = new HandlerCalls();
        Presence presence = presence(Presence.builder(pubSub, endpoint).handler(picky).handler(after));
        for (String key : List.of("alice", "mallory", "bob", "mallory")) {
            presence.track(new Object(), ROOM, key, Map.of());
            presence.flush(ROOM);
        }

        await().until(() -> after.calls().size() == 4);
        assertThat(states).as("a failed call keeps the state").containsExactly(100, 101, 101, 102);
        assertThat(after.calls()).extracting(Call::state).as("the next handler is called anyway").containsExactly(0, 1, 2, 3);
        List<ILoggingEvent> errors = logged.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("'" + ROOM + "'", "no mallory on " + ROOM).doesNotContain("\n"));
        assertThat(errors.get(0).getThrowableProxy()).as("the stack trace of the first failure").isNotNull();
        assertThat(errors.get(1).getThrowableProxy()).as("one line after that").isNull();
        assertThat(logged.list).hasSize(2);
    }

    @Test
    void initRunsOnceWhenBuiltAndItsFailureFailsTheBuild() {
        AtomicInteger inits = new AtomicInteger();
        PresenceHandler<String> handler = new PresenceHandler<>() {
            @Override
            public String init() {
                inits.incrementAndGet();
                return "ready";
            }

            @Override
            public String handleMetas(String topic, Map<String, Map<String, Object>> joins,
                    Map<String, Map<String, Object>> leaves, Map<String, List<Map<String, Object>>> presences, String state) {
                assertThat(state).isEqualTo("ready");
                inits.addAndGet(100);
                return state;
            }
        };
        Presence presence = presence(Presence.builder(pubSub, endpoint).handler(handler));
        assertThat(inits).hasValue(1);
        presence.track(new Object(), ROOM, "alice", Map.of());
        await().until(() -> inits.get() == 101);

        PresenceHandler<Object> broken = new PresenceHandler<>() {
            @Override
            public Object init() {
                throw new IllegalArgumentException("no database");
            }

            @Override
            public Object handleMetas(String topic, Map<String, Map<String, Object>> joins,
                    Map<String, Map<String, Object>> leaves, Map<String, List<Map<String, Object>>> presences, Object state) {
                return state;
            }
        };
        assertThatThrownBy(() -> Presence.builder(pubSub, endpoint).handler(broken).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no database");
    }
}
