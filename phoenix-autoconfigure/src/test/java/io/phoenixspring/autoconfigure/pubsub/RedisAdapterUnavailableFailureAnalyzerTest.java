package io.phoenixspring.autoconfigure.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class RedisAdapterUnavailableFailureAnalyzerTest {

    private final RedisAdapterUnavailableFailureAnalyzer analyzer = new RedisAdapterUnavailableFailureAnalyzer();

    @Test
    void missingLibrariesNameTheDependencyAndTheLocalAdapter() {
        RedisAdapterUnavailableException cause = new RedisAdapterUnavailableException(
                RedisAdapterUnavailableException.Reason.MISSING_LIBRARIES);
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("phoenixPubSub", "failed", cause));

        assertThat(analysis.getDescription()).startsWith("phoenix.pubsub.adapter is redis, but Spring Data Redis and Lettuce")
                .contains("broadcasts could not leave this node");
        assertThat(analysis.getAction()).contains("org.springframework.boot:spring-boot-starter-data-redis-reactive",
                "io.lettuce:lettuce-core", "phoenix.pubsub.adapter=local", "PubSubAdapter bean");
        assertThat(analysis.getCause()).isSameAs(cause);
    }

    @Test
    void aClusterSetupNamesTheUrlProperty() {
        FailureAnalysis analysis = analyzer.analyze(new RedisAdapterUnavailableException(
                RedisAdapterUnavailableException.Reason.NOT_A_SINGLE_SERVER));

        assertThat(analysis.getDescription()).contains("spring.data.redis", "Sentinel, Cluster or master/replica",
                "a single Redis server");
        assertThat(analysis.getAction()).startsWith("Set phoenix.pubsub.redis.url to the one Redis server every node shares");
    }
}
