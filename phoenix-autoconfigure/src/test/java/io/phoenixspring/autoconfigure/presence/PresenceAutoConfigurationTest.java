package io.phoenixspring.autoconfigure.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.autoconfigure.channels.ChannelsAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.presence.PresenceFetcher;
import io.phoenixspring.presence.PresenceHandler;
import io.phoenixspring.presence.PresenceOptions;
import io.phoenixspring.presence.tracker.TrackerOptions;
import io.phoenixspring.pubsub.PubSub;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

class PresenceAutoConfigurationTest {

    static final String SECRET = "a-test-secret-key-base-that-is-long-enough-for-phoenix-0123456789";

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, TokenAutoConfiguration.class,
                    ChannelsAutoConfiguration.class, PresenceAutoConfiguration.class))
            .withPropertyValues("phoenix.endpoint.secret-key-base=" + SECRET);

    @Test
    void defaultsArePhoenixs() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Presence.class);
            PresenceOptions options = context.getBean(Presence.class).options();
            TrackerOptions tracker = options.tracker();
            assertThat(tracker.name()).isEqualTo("presence");
            assertThat(tracker.broadcastPeriod()).isEqualTo(Duration.ofMillis(1500));
            assertThat(tracker.maxSilentPeriods()).isEqualTo(10);
            assertThat(tracker.downPeriod()).isEqualTo(Duration.ofSeconds(30));
            assertThat(tracker.permdownPeriod()).isEqualTo(Duration.ofMillis(1_200_000));
            assertThat(tracker.poolSize()).isEqualTo(1);
            assertThat(tracker.maxDeltaSize()).isEqualTo(10_000);
            assertThat(tracker.logReplicaEvents()).isFalse();
            assertThat(options.diffWindow()).isZero();
        });
    }

    @Test
    void everyPropertyIsApplied() {
        runner.withPropertyValues("phoenix.presence.name=chat", "phoenix.presence.broadcast-period=200ms",
                "phoenix.presence.max-silent-periods=5", "phoenix.presence.down-period=3s",
                "phoenix.presence.permdown-period=1m", "phoenix.presence.pool-size=4",
                "phoenix.presence.max-delta-size=500", "phoenix.presence.log-replica-events=true",
                "phoenix.presence.diff-window=50ms").run(context -> {
                    PresenceOptions options = context.getBean(Presence.class).options();
                    assertThat(options.tracker()).isEqualTo(new TrackerOptions("chat", Duration.ofMillis(200), 5,
                            Duration.ofSeconds(3), Duration.ofMinutes(1), 4, 500, true));
                    assertThat(options.diffWindow()).isEqualTo(Duration.ofMillis(50));
                });
    }

    @Test
    void theDownPeriodFollowsTheBroadcastPeriodUnlessSet() {
        runner.withPropertyValues("phoenix.presence.broadcast-period=100ms", "phoenix.presence.max-silent-periods=4")
                .run(context -> assertThat(context.getBean(PresenceOptions.class).tracker().downPeriod())
                        .isEqualTo(Duration.ofMillis(800)));
    }

    @Test
    void theBeanTracksAndListsAndUsesTheFetcherBean() {
        runner.withUserConfiguration(FetcherConfig.class).run(context -> {
            Presence presence = context.getBean(Presence.class);
            Object owner = new Object();
            presence.track(owner, "room:1", "alice", Map.of("status", "online"));
            Map<String, Object> alice = presence.list("room:1").get("alice");
            assertThat(alice).containsEntry("name", "Alice").containsKey("metas");
            assertThat(presence.getByKey("room:1", "alice")).get().extracting(p -> p.get("name")).isEqualTo("Alice");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class FetcherConfig {
        @Bean
        PresenceFetcher fetcher() {
            return (topic, presences) -> {
                Map<String, Map<String, Object>> out = new HashMap<>();
                presences.forEach((key, p) -> out.put(key, Map.of("metas", p.get("metas"), "name", "Alice")));
                return out;
            };
        }
    }

    @Test
    void everyPresenceHandlerBeanIsCalledWithEachDiffInItsOrderWithItsOwnState() {
        runner.withUserConfiguration(HandlerConfig.class).run(context -> {
            Presence presence = context.getBean(Presence.class);
            Seen seen = context.getBean(Seen.class);
            assertThat(seen.lines).containsExactly("counter init");
            Object tab = new Object();
            presence.track(tab, "room:1", "alice", Map.of());
            presence.flush("room:1");
            presence.untrackAll(tab);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> seen.lines.size() == 5);
            assertThat(seen.lines).containsExactly("counter init",
                    "counter room:1 joins=[alice] leaves=[] presences=[alice] state=0",
                    "logger room:1 joins=[alice] leaves=[] presences=[alice] state=null",
                    "counter room:1 joins=[] leaves=[alice] presences=[] state=1",
                    "logger room:1 joins=[] leaves=[alice] presences=[] state=null");
        });
    }

    static final class Seen {
        final List<String> lines = new CopyOnWriteArrayList<>();

        <S> S add(String name, String topic, Map<String, ?> joins, Map<String, ?> leaves, Map<String, ?> presences, S state) {
            lines.add(name + " " + topic + " joins=" + joins.keySet() + " leaves=" + leaves.keySet() + " presences="
                    + presences.keySet() + " state=" + state);
            return state;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HandlerConfig {
        @Bean
        Seen seen() {
            return new Seen();
        }

        @Bean
        @Order(2)
        PresenceHandler<Void> logger(Seen seen) {
            return (topic, joins, leaves, presences, state) -> seen.add("logger", topic, joins, leaves, presences, state);
        }

        @Bean
        @Order(1)
        PresenceHandler<Integer> counter(Seen seen) {
            return new PresenceHandler<>() {
                @Override
                public Integer init() {
                    seen.lines.add("counter init");
                    return 0;
                }

                @Override
                public Integer handleMetas(String topic, Map<String, Map<String, Object>> joins,
                        Map<String, Map<String, Object>> leaves, Map<String, List<Map<String, Object>>> presences,
                        Integer state) {
                    return seen.add("counter", topic, joins, leaves, presences, state) + 1;
                }
            };
        }
    }

    @Test
    void aHandlerBeanMayUseThePresenceThroughAnObjectProvider() {
        runner.withUserConfiguration(GuardConfig.class).run(context -> {
            assertThat(context).hasNotFailed();
            Presence presence = context.getBean(Presence.class);
            Seen seen = context.getBean(Seen.class);
            Object tab = new Object();
            presence.track(tab, "users:lobby", "alice", Map.of());
            presence.untrackAll(tab);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !seen.lines.isEmpty());
            assertThat(seen.lines).containsExactly("first node up: " + presence.tracker().replica());
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class GuardConfig {
        @Bean
        Seen seen() {
            return new Seen();
        }

        /** The README's guard, as a bean: the Presence comes lazily, so there is no bean cycle. */
        @Bean
        PresenceHandler<Void> userGone(Seen seen, ObjectProvider<Presence> presence) {
            return (topic, joins, leaves, presences, state) -> {
                if (!leaves.isEmpty()) {
                    var tracker = presence.getObject().tracker();
                    if (tracker.upReplicas().stream().allMatch(other -> tracker.replica().compareTo(other) < 0)) {
                        seen.lines.add("first node up: " + tracker.replica());
                    }
                }
                return state;
            };
        }
    }

    @Test
    void aUserPresenceBeanWins() {
        runner.withUserConfiguration(UserPresence.class).run(context -> {
            assertThat(context).hasSingleBean(Presence.class);
            assertThat(context.getBean(Presence.class).options().diffWindow()).isEqualTo(Duration.ofMillis(7));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserPresence {
        @Bean(destroyMethod = "close")
        Presence myPresence(PubSub pubSub, io.phoenixspring.channels.endpoint.Endpoint endpoint) {
            return Presence.builder(pubSub, endpoint)
                    .options(PresenceOptions.defaults().withDiffWindow(Duration.ofMillis(7))).build();
        }
    }

    @Test
    void aUserOptionsBeanReplacesTheProperties() {
        runner.withBean(PresenceOptions.class, () -> PresenceOptions.defaults().withDiffWindow(Duration.ofMillis(9)))
                .withPropertyValues("phoenix.presence.diff-window=50ms")
                .run(context -> assertThat(context.getBean(Presence.class).options().diffWindow())
                        .isEqualTo(Duration.ofMillis(9)));
    }

    @Test
    void backsOffWithoutPhoenixPresenceOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader(Presence.class))
                .run(context -> assertThat(context).doesNotHaveBean(Presence.class).hasNotFailed());
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withPropertyValues("phoenix.presence.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Presence.class));
    }

    @Test
    void aDownPeriodShorterThanTwoBroadcastPeriodsFailsWithAReadableMessage() {
        runner.withPropertyValues("phoenix.presence.broadcast-period=1s", "phoenix.presence.down-period=1500ms")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootCause(context.getStartupFailure())).hasMessageContaining(
                            "downPeriod (1500 ms) must be at least twice the broadcastPeriod (1000 ms)");
                });
    }

    @Test
    void aNonNumericPoolSizeFailsWithAReadableMessage() {
        runner.withPropertyValues("phoenix.presence.pool-size=many").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("phoenix.presence.pool-size");
        });
    }

    @Test
    void aZeroPoolSizeFailsWithAReadableMessage() {
        runner.withPropertyValues("phoenix.presence.pool-size=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure())).hasMessageContaining("poolSize must be between 1 and 1024, got 0");
        });
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
