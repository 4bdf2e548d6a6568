package io.phoenixspring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * The auto-configurations {@link PhoenixTest @PhoenixTest} loads, listed in
 * {@code META-INF/spring/io.phoenixspring.test.autoconfigure.AutoConfigurePhoenix.imports}: WebFlux,
 * Jackson, codecs, Phoenix's PubSub, endpoint, channels, presence, web, LiveView, and
 * {@link PhoenixTestAutoConfiguration} ({@code ConnTest}, {@code ChannelTest}, {@code LiveViewTest}). Put it on a {@code @SpringBootTest} to get the test helpers there.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigurePhoenix
 * class WholeAppTest { @Autowired ConnTest conn; }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigurePhoenix {
}
