package io.phoenixspring.live.view;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks a {@link LiveView} bean (Phoenix's {@code use MyAppWeb, :live_view}).
 *
 * <pre>{@code
 * @PhoenixLiveView(layout = AppLayout.class)
 * class CounterLive implements LiveView { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface PhoenixLiveView {

    /**
     * The app layout around this view's template (Phoenix's {@code layout: {Layouts, :app}}): a class
     * whose template the {@link TemplateResolver} finds, rendered with the view's assigns plus
     * {@code inner_content}. {@code void.class} (the default) takes the live session's layout;
     * {@link NoLayout} renders none.
     */
    Class<?> layout() default void.class;

    /** Names "no layout" in {@link #layout()}. */
    final class NoLayout {
        private NoLayout() {
        }
    }
}
