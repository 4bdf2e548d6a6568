package io.phoenixspring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.autoconfigure.pubsub.PubSubAutoConfiguration;
import io.phoenixspring.pubsub.PubSub;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PhoenixActuatorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("phoenix.pubsub.node-name=web-1")
            .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, PhoenixActuatorAutoConfiguration.class));

    @Test
    void endpointAndPubSubHealthWithALocalPubSub() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(PhoenixEndpoint.class).hasSingleBean(PubSubHealthIndicator.class)
                    .doesNotHaveBean(RedisPubSubHealthIndicator.class);
            assertThat(context.getBean(PhoenixEndpoint.class).phoenix())
                    .containsOnlyKeys("pubsub")
                    .containsEntry("pubsub", Map.of("node", "web-1", "name", "phoenix", "adapter", "local", "topics", 0,
                            "topTopics", java.util.List.of(), "nodesSeen", java.util.List.of()));
            Health health = context.getBean(PubSubHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("node", "web-1").containsEntry("adapter", "local");
        });
    }

    @Test
    void countsTopicsWithLocalSubscriptions() {
        runner.run(context -> {
            PubSub pubSub = context.getBean(PubSub.class);
            pubSub.subscribe("a", (topic, message) -> { });
            pubSub.subscribe("b", (topic, message) -> { });
            pubSub.subscribe("b", (topic, message) -> { });
            assertThat(context.getBean(PhoenixEndpoint.class).phoenix().get("pubsub"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("topics", 2);
        });
    }

    @Test
    void healthIndicatorSwitchedOffByBootsProperty() {
        runner.withPropertyValues("management.health.phoenix-pubsub.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PubSubHealthIndicator.class)
                        .hasSingleBean(PhoenixEndpoint.class));
    }

    @Test
    void backsOffWithoutActuatorHealthOrPubSubAndForUserBeans() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).doesNotHaveBean(PhoenixEndpoint.class)
                        .doesNotHaveBean(PubSubHealthIndicator.class));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).hasSingleBean(PhoenixEndpoint.class)
                        .doesNotHaveBean(PubSubHealthIndicator.class));
        runner.withPropertyValues("phoenix.pubsub.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PhoenixEndpoint.class)
                        .doesNotHaveBean(PubSubHealthIndicator.class));
        runner.withBean("myEndpoint", PhoenixEndpoint.class,
                        () -> new PhoenixEndpoint(emptyProvider(), emptyProvider(), emptyProvider()))
                .withBean("myIndicator", PubSubHealthIndicator.class,
                        () -> new PubSubHealthIndicator(PubSub.builder().build()))
                .run(context -> {
                    assertThat(context.getBean(PhoenixEndpoint.class)).isSameAs(context.getBean("myEndpoint"));
                    assertThat(context.getBean(PubSubHealthIndicator.class)).isSameAs(context.getBean("myIndicator"));
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> ObjectProvider<T> emptyProvider() {
        return new org.springframework.beans.factory.support.DefaultListableBeanFactory().getBeanProvider((Class<T>) Object.class);
    }
}
