package io.phoenixspring.live.template;

import io.phoenixspring.live.form.Form;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code a.b} and {@code a[key]}: a Map's key, a record's component or a JavaBean getter
 * (and {@code form[:field]}: a {@link Form}'s field)
 * ({@code getB()} / {@code isB()}, snake_case names matching camelCase ones) — nothing else. No
 * method of {@code Object}, and nothing that leads to classes, class loaders, threads or reflection.
 */
final class Access {

    private static final List<String> FORBIDDEN_PACKAGES = List.of("java.lang.reflect.", "java.lang.invoke.",
            "java.security.", "sun.", "jdk.internal.", "java.lang.management.");
    private static final List<Class<?>> FORBIDDEN_TYPES = List.of(Class.class, ClassLoader.class, Thread.class,
            ThreadGroup.class, Runtime.class, System.class, Module.class, ModuleLayer.class, Process.class,
            ProcessHandle.class, ProcessBuilder.class, StackWalker.class);

    private static final ClassValue<Map<String, Optional<Method>>> GETTERS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private Access() {
    }

    static Object field(Object target, String name, int pos) {
        if (target == null) {
            throw new EvalException(pos, "cannot read ." + name + " of nil");
        }
        if (target instanceof Map<?, ?> map) {
            if (!map.containsKey(name)) {
                throw new EvalException(pos, "key :" + name + " not found in " + keysOf(map));
            }
            return map.get(name);
        }
        Optional<Method> getter = GETTERS.get(target.getClass()).computeIfAbsent(name, n -> find(target.getClass(), n));
        if (getter.isEmpty()) {
            throw new EvalException(pos, "no field, record component or getter ." + name + " on "
                    + target.getClass().getSimpleName());
        }
        try {
            return getter.get().invoke(target);
        } catch (InvocationTargetException e) {
            throw new EvalException(pos, "." + name + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new EvalException(pos, "." + name + " is not accessible on " + target.getClass().getSimpleName());
        }
    }

    static Object index(Object target, Object key, int pos) {
        if (target == null) {
            return null;
        }
        if (target instanceof Map<?, ?> map) {
            Object value = map.get(key);
            if (value == null && key instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                value = map.get(l.intValue());
            }
            return value;
        }
        if (target instanceof Form form) {
            if (!(key instanceof String field)) {
                throw new EvalException(pos, "a form's field is named by an atom or a string, got " + Values.describe(key));
            }
            return form.field(field);
        }
        if (target instanceof List<?> list) {
            if (!(key instanceof Number n)) {
                throw new EvalException(pos, "a list's index is an integer, got " + Values.describe(key));
            }
            long i = n.longValue();
            if (i < 0) {
                i += list.size();
            }
            return i >= 0 && i < list.size() ? list.get((int) i) : null;
        }
        throw new EvalException(pos, "[...] reads maps, lists and forms, not " + Values.describe(target));
    }

    private static String keysOf(Map<?, ?> map) {
        if (map.size() > 10) {
            return "a map of " + map.size() + " keys";
        }
        return "a map with keys " + map.keySet();
    }

    private static Optional<Method> find(Class<?> type, String name) {
        if (forbidden(type)) {
            return Optional.empty();
        }
        String camel = camel(name);
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(name) || component.getName().equals(camel)) {
                    return accessible(component.getAccessor());
                }
            }
        }
        String suffix = Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class || forbidden(method.getReturnType())
                    || forbidden(method.getDeclaringClass())) {
                continue;
            }
            boolean bool = method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class;
            if (method.getName().equals("get" + suffix) || (bool && method.getName().equals("is" + suffix))) {
                return accessible(method);
            }
        }
        return Optional.empty();
    }

    private static Optional<Method> accessible(Method method) {
        if (forbidden(method.getReturnType())) {
            return Optional.empty();
        }
        method.trySetAccessible();
        return Optional.of(method);
    }

    static boolean forbidden(Class<?> type) {
        for (Class<?> bad : FORBIDDEN_TYPES) {
            if (bad.isAssignableFrom(type)) {
                return true;
            }
        }
        String name = type.getName();
        for (String prefix : FORBIDDEN_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code first_name} → {@code firstName}. */
    static String camel(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' && out.length() > 0) {
                upper = true;
            } else if (c != '?' && c != '!') {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.isEmpty() ? name : out.toString();
    }
}
