package io.phoenixspring.autoconfigure.json;

import io.phoenixspring.pubsub.PhoenixJson;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Phoenix's one JSON configuration, {@link PhoenixJson}, built from the application's: every
 * {@link JsonMapperBuilderCustomizer} (so {@code spring.jackson.*}, Jackson module beans and the
 * application's own customizers) applies, in order, then the wire's settings. Channel frames,
 * broadcasts between nodes, presence metas and long-poll bodies are written with it; controllers
 * write with the application's {@code JsonMapper} itself. So one value serializes the same way
 * over a channel and over HTTP.
 *
 * <pre>{@code
 * @Bean
 * JsonMapperBuilderCustomizer money() {
 *     return builder -> builder.addModule(new SimpleModule().addSerializer(Money.class, new MoneySerializer()));
 * }
 * }</pre>
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(PhoenixJson.class)
public class PhoenixJsonAutoConfiguration {

    /** With Spring Boot's Jackson support: the application's customizers, then the wire's settings. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JsonMapperBuilderCustomizer.class)
    static class FromApplication {

        @Bean
        @ConditionalOnMissingBean
        PhoenixJson phoenixJson(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
            List<JsonMapperBuilderCustomizer> ordered = customizers.orderedStream().toList();
            return PhoenixJson.of(builder -> ordered.forEach(customizer -> customizer.customize(builder)));
        }
    }

    /** Without it: Jackson's defaults and the wire's settings. */
    @Bean
    @ConditionalOnMissingBean
    PhoenixJson phoenixJsonDefaults() {
        return PhoenixJson.defaults();
    }
}
