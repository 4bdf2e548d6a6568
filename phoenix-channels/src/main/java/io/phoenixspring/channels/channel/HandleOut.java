package io.phoenixspring.channels.channel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Intercepts broadcasts of the events in {@link #value()} (Phoenix's {@code intercept} plus
 * {@code handle_out}): the method decides whether and what to push to this client.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface HandleOut {
    String[] value();
}
