package io.phoenixspring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.pubsub.TopicStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages per second between two reads of the PubSub's topic counters, as the sockets and PubSub pages show them. */
class TopicRatesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRateIsTheCountsGrowthOverTheTimeBetweenReads() {
        TopicRates before = TopicRates.read(List.of(new TopicStats("busy", 3, 100), new TopicStats("quiet", 1, 7)), 0);
        TopicRates now = TopicRates.read(List.of(new TopicStats("busy", 3, 150), new TopicStats("quiet", 1, 7)), 2 * SECOND);

        assertThat(now.perSecond(before, "busy")).isEqualTo(25.0);
        assertThat(now.perSecond(before, "quiet")).isZero();
        assertThat(now.totalPerSecond(before)).isEqualTo(25.0);
    }

    @Test
    void aNewTopicCountsFromZeroAndACounterThatWentBackCountsAgainFromZero() {
        TopicRates before = TopicRates.read(List.of(new TopicStats("reborn", 1, 40)), 0);
        TopicRates now = TopicRates.read(List.of(new TopicStats("new", 1, 10), new TopicStats("reborn", 1, 4)), SECOND);

        assertThat(now.perSecond(before, "new")).isEqualTo(10.0);
        assertThat(now.perSecond(before, "reborn")).isEqualTo(4.0);
    }

    @Test
    void withoutAPreviousReadEveryRateIsZero() {
        TopicRates first = TopicRates.read(List.of(new TopicStats("busy", 3, 100)), SECOND);
        assertThat(first.perSecond(null, "busy")).isZero();
        assertThat(first.totalPerSecond(null)).isZero();
        assertThat(first.perSecond(first, "busy")).isZero();
    }

    @Test
    void idsAreMadeOfLettersDigitsDashesAndUnderscores() {
        assertThat(Format.slug("room:*")).isEqualTo("room__");
        assertThat(Format.slug("user_socket:ada-1")).isEqualTo("user_socket_ada-1");
        assertThat(Format.slug("")).isEqualTo("_");
        assertThat(Format.rate(2.5)).isEqualTo("2.5");
        assertThat(Format.rate(0.04)).isEqualTo("0.0");
    }
}
