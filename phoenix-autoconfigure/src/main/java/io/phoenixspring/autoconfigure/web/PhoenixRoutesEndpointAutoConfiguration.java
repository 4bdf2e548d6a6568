package io.phoenixspring.autoconfigure.web;

import io.phoenixspring.web.router.Router;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code phxroutes} actuator endpoint, when Spring Boot Actuator is present and the
 * application defines a {@link Router}.
 *
 * <pre>{@code
 * management.endpoints.web.exposure.include: phxroutes
 * }</pre>
 */
@AutoConfiguration(after = PhoenixWebAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
    "io.phoenixspring.web.router.Router"})
public class PhoenixRoutesEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Router.class)
    public PhoenixRoutesEndpoint phoenixRoutesEndpoint(Router router) {
        return new PhoenixRoutesEndpoint(router);
    }
}
