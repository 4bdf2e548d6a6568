package io.phoenixspring.live.template;

/** A function a template may call: a built-in or an owner's {@code @TemplateFunction}. */
@FunctionalInterface
interface Fn {

    Object apply(Object[] args);
}
