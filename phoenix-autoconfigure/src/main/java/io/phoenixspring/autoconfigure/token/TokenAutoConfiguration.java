package io.phoenixspring.autoconfigure.token;

import io.phoenixspring.autoconfigure.endpoint.EndpointProperties;
import io.phoenixspring.autoconfigure.endpoint.InvalidSecretKeyBaseException;

import io.phoenixspring.token.PhoenixToken;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link PhoenixToken} service, keyed by the endpoint's {@code secret_key_base}
 * ({@code phoenix.endpoint.secret-key-base}).
 *
 * <pre>{@code
 * @RestController
 * class TokenController {
 *     TokenController(PhoenixToken tokens) { this.tokens = tokens; }
 *     @GetMapping("/api/token") Map<String, String> token(@RequestParam String user) {
 *         return Map.of("token", tokens.sign("user socket", user));
 *     }
 * }
 * }</pre>
 */
@AutoConfiguration
@ConditionalOnClass(PhoenixToken.class)
@ConditionalOnProperty(prefix = "phoenix.endpoint", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EndpointProperties.class)
public class TokenAutoConfiguration {

    /**
     * Phoenix.Token over {@code phoenix.endpoint.secret-key-base}.
     *
     * @param properties {@code phoenix.endpoint.*}
     * @return the token service
     */
    @Bean
    @ConditionalOnMissingBean
    public PhoenixToken phoenixToken(EndpointProperties properties) {
        return PhoenixToken.of(InvalidSecretKeyBaseException.check(properties.getSecretKeyBase()));
    }
}
