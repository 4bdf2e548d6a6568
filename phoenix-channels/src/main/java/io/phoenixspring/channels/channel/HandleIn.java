package io.phoenixspring.channels.channel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles the events named in {@link #value()}, or every event not otherwise handled when
 * empty (take the event with an {@link Event} parameter). Returns a {@link HandleResult}, a Mono
 * of one, or nothing (no reply).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface HandleIn {
    String[] value() default {};
}
