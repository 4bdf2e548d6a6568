package io.phoenixspring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test slice for the Phoenix side of an application, as {@code @WebFluxTest} is for WebFlux: it
 * starts a reactive context with only the router, {@code @PhoenixController}s, {@code @PhoenixSocket}s,
 * {@code @PhoenixChannel}s, {@code @PhoenixLiveView}s, presence, a local PubSub and the Phoenix
 * auto-configuration, and offers {@link io.phoenixspring.test.ConnTest ConnTest},
 * {@link io.phoenixspring.test.ChannelTest ChannelTest} and (with LiveViews)
 * {@link io.phoenixspring.test.LiveViewTest LiveViewTest} for injection. {@code @Service}s, repositories and the rest are not scanned: {@code @Import} them,
 * name them in {@link #components()}, or replace them with {@code @MockitoBean}.
 *
 * <pre>{@code
 * @PhoenixTest
 * class RoomChannelTest {
 *     @Autowired ChannelTest channels;
 *     @Autowired UserSocket userSocket;
 *
 *     @Test void pingReplies() {
 *         ChannelTest.Joined room = channels.socket(userSocket, "user:1", Map.of()).subscribeAndJoin("room:lobby");
 *         room.assertReply(room.push("ping", Map.of("hello", "there")), "ok", Map.of("hello", "there"));
 *     }
 * }
 * }</pre>
 *
 * <p>Included by component scanning: classes annotated {@code @PhoenixController}, {@code @PhoenixSocket},
 * {@code @PhoenixChannel}, {@code @PhoenixLiveView}; configuration classes declaring a {@code Router} bean;
 * beans implementing {@code LiveView}, {@code OnMount}, {@code TemplateResolver}, {@code LiveRoutesCustomizer},
 * {@code Plug}, {@code PlugModule}, {@code ActionFallback}, {@code ErrorView}, {@code TemplateRenderer},
 * {@code WebFilter}, {@code WebExceptionHandler}, {@code WebFluxConfigurer}, {@code Converter} and Jackson
 * modules. The PubSub is always the local one ({@code phoenix.pubsub.adapter=local}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(PhoenixTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(PhoenixTypeExcludeFilter.class)
@AutoConfigurePhoenix
@ImportAutoConfiguration
public @interface PhoenixTest {

    /** Properties ({@code key=value}) added to the environment before the test runs. */
    String[] properties() default {};

    /**
     * Components to include besides the default ones (controllers, sockets, channels, router configuration);
     * an alias of {@link #components()}.
     */
    @AliasFor("components")
    Class<?>[] value() default {};

    /** Components to include besides the default ones, e.g. a {@code @Service} a channel needs. */
    @AliasFor("value")
    Class<?>[] components() default {};

    /** Whether the default includes apply; false includes only {@link #components()} and {@link #includeFilters()}. */
    boolean useDefaultFilters() default true;

    /** Filters adding otherwise excluded beans. */
    ComponentScan.Filter[] includeFilters() default {};

    /** Filters removing beans that would otherwise be included. */
    ComponentScan.Filter[] excludeFilters() default {};

    /** Auto-configurations to leave out of the slice. */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};
}
