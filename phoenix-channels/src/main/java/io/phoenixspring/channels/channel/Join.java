package io.phoenixspring.channels.channel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The join callback of a {@link PhoenixChannel}; returns a {@link JoinResult} (or a Mono of one). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Join {
}
