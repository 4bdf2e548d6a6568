package io.phoenixspring.live.template;

import io.phoenixspring.live.html.Safe;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a template of one class may call: the built-ins, the class's {@link TemplateFunction}s and
 * {@link FunctionComponent}s, then those of its {@link TemplateImports} (the class's own first), then
 * Phoenix.Component's built-in components ({@link BuiltinComponents}: every LiveView imports them).
 */
final class Scope {

    static final Scope NONE = new Scope(null);

    private static final ClassValue<Scope> SCOPES = new ClassValue<>() {
        @Override
        protected Scope computeValue(Class<?> type) {
            return new Scope(type);
        }
    };

    private final Class<?> owner;
    private final Map<String, Fn> functions = new LinkedHashMap<>();
    /** By name: a {@link FunctionComponent} method, or the {@link ComponentDef} of an embedded template. */
    private final Map<String, Object> components = new LinkedHashMap<>();
    /** Classes a template may name ({@code module={Toggle}}): the owner's nested classes and its imports, by simple name. */
    private final Map<String, Class<?>> modules = new LinkedHashMap<>();

    private Scope(Class<?> owner) {
        this.owner = owner;
        List<Class<?>> classes = new ArrayList<>();
        if (owner != null) {
            classes.add(owner);
            TemplateImports imports = owner.getAnnotation(TemplateImports.class);
            if (imports != null) {
                classes.addAll(List.of(imports.value()));
            }
            for (Class<?> nested : owner.getDeclaredClasses()) {
                modules.putIfAbsent(nested.getSimpleName(), nested);
            }
            if (imports != null) {
                for (Class<?> imported : imports.value()) {
                    modules.putIfAbsent(imported.getSimpleName(), imported);
                }
            }
        }
        for (Class<?> type : classes) {
            for (Method method : type.getDeclaredMethods()) {
                TemplateFunction function = method.getAnnotation(TemplateFunction.class);
                if (function != null) {
                    String name = function.value().isEmpty() ? method.getName() : function.value();
                    if (Builtins.defines(name)) {
                        throw new IllegalStateException("@TemplateFunction " + where(method) + " is named " + name
                                + ", which is a built-in function");
                    }
                    functions.putIfAbsent(name + "/" + method.getParameterCount(), function(method));
                }
                FunctionComponent component = method.getAnnotation(FunctionComponent.class);
                if (component != null) {
                    components.putIfAbsent(component.value().isEmpty() ? method.getName() : component.value(), method);
                }
            }
        }
        // Embedded templates are functions of their class too (Phoenix's embed_templates defines them), after its methods.
        for (Class<?> type : classes) {
            for (Map.Entry<String, Source> template : Embedded.sources(type).entrySet()) {
                components.putIfAbsent(template.getKey(), ComponentDef.embedded(type, template.getKey(), template.getValue()));
            }
        }
        // Last: a class's own components may shadow the built-ins (Phoenix's `import ..., except: [...]`).
        for (Method method : BuiltinComponents.class.getDeclaredMethods()) {
            FunctionComponent component = method.getAnnotation(FunctionComponent.class);
            if (component != null) {
                components.putIfAbsent(component.value().isEmpty() ? method.getName() : component.value(), method);
            }
        }
    }

    static Scope of(Class<?> owner) {
        return owner == null ? NONE : SCOPES.get(owner);
    }

    Fn function(String name, int arity) {
        Fn builtin = Builtins.get(name, arity);
        return builtin != null ? builtin : functions.get(name + "/" + arity);
    }

    /** A class the template names by its simple name (a live component's {@code module}), or null. */
    Class<?> module(String simpleName) {
        return modules.get(simpleName);
    }

    ComponentDef component(String name) {
        Object found = components.get(name);
        if (found instanceof ComponentDef embedded) {
            return embedded;
        }
        return found == null ? null : ComponentDef.of((Method) found);
    }

    String describeFunctions() {
        if (owner == null) {
            return "templates call only built-in functions and @TemplateFunction methods of their class";
        }
        TreeSet<String> names = new TreeSet<>(functions.keySet());
        return "templates call built-in functions and the @TemplateFunction methods of " + owner.getSimpleName()
                + " and its @TemplateImports" + (names.isEmpty() ? " (none)" : ": " + String.join(", ", names));
    }

    String describeComponents() {
        return "in scope: " + String.join(", ", new TreeSet<>(components.keySet()).stream().map(n -> "<." + n + ">").toList());
    }

    private static String where(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    private static Fn function(Method method) {
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new IllegalStateException("@TemplateFunction " + where(method) + " must be static");
        }
        method.trySetAccessible();
        Class<?>[] types = method.getParameterTypes();
        return args -> {
            Object[] converted = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                converted[i] = convert(args[i], types[i], method, i);
            }
            try {
                return method.invoke(null, converted);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.toString(), cause);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot call " + where(method), e);
            }
        };
    }

    private static Object convert(Object value, Class<?> type, Method method, int index) {
        Class<?> boxed = box(type);
        if (value == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("argument " + (index + 1) + " is nil, " + type.getSimpleName() + " expected");
            }
            return null;
        }
        if (boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n) {
            boolean integral = !(value instanceof Double || value instanceof Float || value instanceof BigDecimal);
            if (boxed == Long.class && integral) {
                return n.longValue();
            }
            if (boxed == Integer.class && integral && n.longValue() == n.intValue()) {
                return n.intValue();
            }
            if (boxed == Double.class) {
                return n.doubleValue();
            }
            if (boxed == Float.class) {
                return n.floatValue();
            }
            if (boxed == BigDecimal.class) {
                return new BigDecimal(n.toString());
            }
        }
        if (boxed == String.class && value instanceof Safe) {
            return value.toString();
        }
        throw new IllegalArgumentException("argument " + (index + 1) + " is " + Values.describe(value) + ", "
                + type.getSimpleName() + " expected");
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            default -> Character.class;
        };
    }
}
