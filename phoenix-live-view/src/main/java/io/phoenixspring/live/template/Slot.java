package io.phoenixspring.live.template;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a slot of a {@link FunctionComponent} (Phoenix.Component's {@code slot}): the inner
 * content is the slot {@code inner_block}, named slots are {@code <:footer>…</:footer>} entries.
 * The template renders them with {@code render_slot(@footer)}.
 *
 * <pre>{@code
 * @Slot(name = "inner_block", required = true)
 * @Slot(name = "footer")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Slot.List.class)
public @interface Slot {

    String name();

    boolean required() default false;

    /** The container of repeated {@link Slot}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Slot[] value();
    }
}
