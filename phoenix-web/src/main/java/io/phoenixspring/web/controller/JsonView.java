package io.phoenixspring.web.controller;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A controller's JSON view (Phoenix 1.7's {@code UserJSON}): {@code render("show", assigns)} calls
 * its {@code show(Map<String, Object>)}. Methods are found by name on first use and kept.
 */
final class JsonView implements BiFunction<String, Map<String, Object>, Object> {

    private final Class<?> type;
    private final Function<Class<?>, Object> beans;
    private final Map<String, Method> functions = new ConcurrentHashMap<>();
    private volatile Object instance;

    private JsonView(Class<?> type, Function<Class<?>, Object> beans) {
        this.type = type;
        this.beans = beans;
    }

    /** @return the view of this class, its instance (when its functions are not static) taken from {@code beans} */
    static JsonView of(Class<?> type, Function<Class<?>, Object> beans) {
        return new JsonView(type, beans);
    }

    /** @return what the view's function named {@code template} returns for these assigns, to be sent as JSON */
    @Override
    public Object apply(String template, Map<String, Object> assigns) {
        Method function = functions.computeIfAbsent(template, this::find);
        try {
            return function.invoke(Modifier.isStatic(function.getModifiers()) ? null : instance(), assigns);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(type.getSimpleName() + "." + template + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Method find(String template) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(template) && m.getParameterCount() == 1
                    && m.getParameterTypes()[0].isAssignableFrom(Map.class) && m.getReturnType() != void.class) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new IllegalStateException(type.getName() + " has no function " + template + "(Map<String, Object> assigns) "
                + "for render(\"" + template + "\") in the json format");
    }

    private Object instance() {
        Object current = instance;
        if (current == null) {
            try {
                current = beans.apply(type);
            } catch (RuntimeException notABean) {
                try {
                    var constructor = type.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    current = constructor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(type.getName() + " is neither a bean nor has a no-argument constructor, "
                            + "and its view functions are not static", e);
                }
            }
            instance = current;
        }
        return current;
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }
}
