package io.phoenixspring.channels.channel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles messages sent to the channel ({@code socket.send(message)}, PubSub messages); the
 * method whose payload parameter type fits the message is chosen.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface HandleInfo {
}
