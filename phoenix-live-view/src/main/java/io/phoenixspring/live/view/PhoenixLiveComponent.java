package io.phoenixspring.live.view;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks a {@link LiveComponent} bean (Phoenix's {@code use MyAppWeb, :live_component}). A component
 * class that is no bean is made with its no-argument constructor.
 *
 * <pre>{@code
 * @PhoenixLiveComponent
 * public class Toggle implements LiveComponent { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface PhoenixLiveComponent {
}
