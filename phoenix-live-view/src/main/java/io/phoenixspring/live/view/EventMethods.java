package io.phoenixspring.live.view;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.aop.support.AopUtils;

/** The {@link HandleEvent} methods of a LiveView or LiveComponent class, by event name, found once per class. */
final class EventMethods {

    private static final ClassValue<Map<String, Method>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return scan(type);
        }
    };

    private EventMethods() {
    }

    /**
     * Calls the view's handler of {@code event}.
     *
     * @return the reply map, or null
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> call(Object view, String event, Object value, LiveSocket socket) {
        String misfit = misfit(view, event, value);
        if (misfit != null) {
            throw new IllegalArgumentException(misfit);
        }
        Method method = METHODS.get(AopUtils.getTargetClass(view)).get(event);
        if (method == null) {
            return view instanceof LiveComponent component
                    ? component.handleEvent(event, (Map<String, Object>) value, socket)
                    : ((LiveView) view).handleEvent(event, (Map<String, Object>) value, socket);
        }
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            // Map or Object: the value (a Map unless the parameter is Object, as misfit checked).
            arguments[i] = types[i] == LiveSocket.class ? socket : types[i] == String.class ? event : value;
        }
        // Spring unwraps what the method threw (a RuntimeException or Error as itself).
        Object result = org.springframework.util.ReflectionUtils.invokeMethod(method, view, arguments);
        if (result == null || result instanceof Map<?, ?>) {
            return (Map<String, Object>) result;
        }
        throw new IllegalStateException(method + " must return nothing or a reply Map, got " + result.getClass().getName());
    }

    /**
     * Why {@code value} cannot go to the event's handler, or null when it can: a hook's
     * {@code pushEvent} may send any JSON value, but a handler taking a Map takes only an object.
     */
    static String misfit(Object view, String event, Object value) {
        if (value instanceof Map<?, ?>) {
            return null;
        }
        Method method = METHODS.get(AopUtils.getTargetClass(view)).get(event);
        if (method != null && !List.of(method.getParameterTypes()).contains(Map.class)) {
            return null;
        }
        return "the event \"" + event + "\" carries " + (value == null ? "null" : "a " + kind(value))
                + " where its handler takes an object (a Map); a handler may declare the value as Object to take any JSON value";
    }

    private static String kind(Object value) {
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        return value instanceof Boolean ? "boolean" : value.getClass().getSimpleName();
    }

    private static Map<String, Method> scan(Class<?> type) {
        Map<String, Method> byEvent = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                HandleEvent annotation = method.getAnnotation(HandleEvent.class);
                if (annotation == null || method.isBridge()) {
                    continue;
                }
                check(method);
                method.setAccessible(true);
                for (String event : annotation.value()) {
                    Method other = byEvent.putIfAbsent(event, method);
                    if (other != null && !other.getName().equals(method.getName())) {
                        throw new IllegalStateException("event \"" + event + "\" of " + type.getName()
                                + " is handled twice: " + other.getName() + " and " + method.getName());
                    }
                }
            }
        }
        return Map.copyOf(byEvent);
    }

    private static void check(Method method) {
        if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalStateException("@HandleEvent method " + method + " must not be static");
        }
        for (Class<?> parameter : method.getParameterTypes()) {
            if (parameter != LiveSocket.class && parameter != String.class && parameter != Map.class && parameter != Object.class) {
                throw new IllegalStateException("@HandleEvent method " + method + ": parameters are the value (Map, or "
                        + "Object for any JSON value), the LiveSocket and the event name (String), got " + parameter.getName());
            }
        }
        Class<?> returns = method.getReturnType();
        if (returns != void.class && !Map.class.isAssignableFrom(returns)) {
            throw new IllegalStateException("@HandleEvent method " + method + " must return void or a Map");
        }
    }

    /** Checks a view class's handlers (at start-up, so a mistake fails early). */
    static void validate(Class<?> type) {
        METHODS.get(type);
    }
}
