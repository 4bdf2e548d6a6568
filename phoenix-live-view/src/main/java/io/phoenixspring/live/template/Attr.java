package io.phoenixspring.live.template;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an attribute of a {@link FunctionComponent} (Phoenix.Component's {@code attr}): callers
 * must pass the required ones and may not pass undeclared ones (unless a {@link AttrType#GLOBAL}
 * attribute takes them), checked when the caller's template compiles.
 *
 * <pre>{@code
 * @Attr(name = "title", type = AttrType.STRING, required = true)
 * @Attr(name = "size", type = AttrType.STRING, defaultValue = "md")
 * @Attr(name = "rest", type = AttrType.GLOBAL)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Attr.List.class)
public @interface Attr {

    /** Marks "no default": an optional attribute without a default is absent from the assigns. */
    String NO_DEFAULT = "\u0000none";

    String name();

    AttrType type() default AttrType.ANY;

    boolean required() default false;

    /**
     * The value when the caller leaves it out: taken as written for {@link AttrType#STRING},
     * parsed for BOOLEAN/INTEGER/FLOAT, a template literal for ANY/LIST/MAP ({@code "nil"}, {@code "[]"}).
     */
    String defaultValue() default NO_DEFAULT;

    /** For {@link AttrType#GLOBAL}: more attribute names it accepts besides the HTML global ones. */
    String[] include() default {};

    /** The container of repeated {@link Attr}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Attr[] value();
    }
}
