package io.phoenixspring.live.template;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link FunctionComponent} method, its declared attributes and slots, and its compiled template. */
final class ComponentDef {

    static final Set<String> GLOBALS = Set.of("accesskey", "alt", "autocapitalize", "autofocus", "class",
            "contenteditable", "contextmenu", "dir", "draggable", "enterkeyhint", "exportparts", "height", "hidden", "id",
            "inert", "inputmode", "is", "itemid", "itemprop", "itemref", "itemscope", "itemtype", "lang", "nonce", "part",
            "placeholder", "rel", "role", "slot", "spellcheck", "style", "tabindex", "target", "title", "translate", "type",
            "width", "xml:base", "xml:lang");

    private static final Map<Method, ComponentDef> DEFINITIONS = new ConcurrentHashMap<>();

    final String name;
    /** The {@link FunctionComponent} method, or null for a template the owner embeds ({@link EmbedTemplates}). */
    final Method method;
    final Class<?> owner;
    private final Source embedded;
    final Map<String, Attr> attrs = new LinkedHashMap<>();
    final Map<String, Slot> slots = new LinkedHashMap<>();
    final Attr global;
    final boolean declared;
    final Map<String, Object> defaults;
    private final boolean takesAssigns;
    /** The clause names in declaration order; one unnamed ("") clause for a component with one template. */
    private final Map<String, String> clauseTemplates = new LinkedHashMap<>();
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();
    private boolean compiling;

    private ComponentDef(Method method) {
        FunctionComponent annotation = method.getAnnotation(FunctionComponent.class);
        this.method = method;
        this.owner = method.getDeclaringClass();
        this.embedded = null;
        this.name = annotation.value().isEmpty() ? method.getName() : annotation.value();
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new IllegalStateException("@FunctionComponent " + where + " must be static");
        }
        Class<?>[] params = method.getParameterTypes();
        if (params.length > 1 || (params.length == 1 && !Map.class.isAssignableFrom(params[0]))) {
            throw new IllegalStateException("@FunctionComponent " + where + " takes nothing or its assigns (a Map)");
        }
        this.takesAssigns = params.length == 1;
        if (annotation.clauses().length == 0) {
            clauseTemplates.put("", annotation.template());
        } else {
            if (!annotation.template().isEmpty()) {
                throw new IllegalStateException("@FunctionComponent " + where + " has a template and clauses: give one of them");
            }
            if (!takesAssigns || method.getReturnType() != String.class) {
                throw new IllegalStateException("@FunctionComponent " + where
                        + " has clauses: its method takes the assigns and returns the name of the clause to render");
            }
            for (Clause clause : annotation.clauses()) {
                if (clause.name().isEmpty() || clauseTemplates.put(clause.name(), clause.template()) != null) {
                    throw new IllegalStateException("@FunctionComponent " + where + ": clause names must be unique and not empty");
                }
            }
        }
        Attr globalAttr = null;
        for (Attr attr : method.getAnnotationsByType(Attr.class)) {
            if (attrs.put(attr.name(), attr) != null) {
                throw new IllegalStateException("@FunctionComponent " + where + " declares the attribute " + attr.name() + " twice");
            }
            if (attr.type() == AttrType.GLOBAL) {
                if (globalAttr != null) {
                    throw new IllegalStateException("@FunctionComponent " + where + " may declare one GLOBAL attribute");
                }
                globalAttr = attr;
            }
        }
        for (Slot slot : method.getAnnotationsByType(Slot.class)) {
            slots.put(slot.name(), slot);
        }
        this.global = globalAttr;
        this.declared = !attrs.isEmpty() || !slots.isEmpty();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Attr attr : attrs.values()) {
            if (!attr.defaultValue().equals(Attr.NO_DEFAULT)) {
                values.put(attr.name(), defaultValue(attr, where));
            }
        }
        for (Slot slot : slots.values()) {
            if (!slot.required()) {
                values.put(slot.name(), java.util.List.of());
            }
        }
        this.defaults = Collections.unmodifiableMap(values);
        method.trySetAccessible();
    }

    /** An embedded template as a component: no declared attributes (it takes what it is given), no method. */
    private ComponentDef(Class<?> owner, String name, Source source) {
        this.name = name;
        this.method = null;
        this.owner = owner;
        this.embedded = source;
        this.global = null;
        this.declared = false;
        this.defaults = Map.of();
        this.takesAssigns = false;
        clauseTemplates.put("", "");
    }

    static ComponentDef of(Method method) {
        return DEFINITIONS.computeIfAbsent(method, ComponentDef::new);
    }

    private static final Map<String, ComponentDef> EMBEDDED = new ConcurrentHashMap<>();

    /** The template {@code name} that {@code owner} embeds, as a component; compiled once. */
    static ComponentDef embedded(Class<?> owner, String name, Source source) {
        return EMBEDDED.computeIfAbsent(owner.getName() + "#" + name, k -> new ComponentDef(owner, name, source));
    }

    private static Object defaultValue(Attr attr, String where) {
        String text = attr.defaultValue();
        try {
            return switch (attr.type()) {
                case STRING -> text;
                case BOOLEAN -> switch (text) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("expected true or false");
                };
                case INTEGER -> Long.parseLong(text);
                case FLOAT -> Double.parseDouble(text);
                case GLOBAL -> throw new IllegalArgumentException("GLOBAL attributes take no default");
                default -> {
                    Source source = new Source(where + "@" + attr.name(), text);
                    yield ExprParser.parse(source, 0, text.length(), Scope.NONE).eval(new Env(Map.of(), null));
                }
            };
        } catch (RuntimeException e) {
            throw new IllegalStateException("@FunctionComponent " + where + ": bad default for " + attr.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether {@code attribute} goes to the global attribute. */
    boolean acceptsGlobal(String attribute) {
        if (global == null) {
            return false;
        }
        return GLOBALS.contains(attribute) || attribute.startsWith("phx-") || attribute.startsWith("aria-")
                || attribute.startsWith("data-") || Arrays.asList(global.include()).contains(attribute);
    }

    /** Compiles every clause (when a caller compiles, so template errors show at start-up). */
    void compileAll() {
        for (String clause : clauseTemplates.keySet()) {
            block(clause);
        }
    }

    /** A clause's compiled template; compiled on first use (a component may render itself recursively). */
    Block block(String clause) {
        Block compiled = blocks.get(clause);
        if (compiled != null) {
            return compiled;
        }
        synchronized (this) {
            if (!blocks.containsKey(clause) && !compiling) {
                compiling = true;
                try {
                    blocks.put(clause, Compiler.compile(templateSource(clause), Scope.of(owner)));
                } finally {
                    compiling = false;
                }
            }
            return blocks.get(clause);
        }
    }

    private Source templateSource(String clause) {
        if (embedded != null) {
            return embedded;
        }
        String inline = clauseTemplates.get(clause);
        String label = clause.isEmpty() ? name : name + "." + clause;
        if (!inline.isEmpty()) {
            return new Source(owner.getSimpleName() + "." + label + "(@FunctionComponent)", inline);
        }
        String resource = owner.getSimpleName() + "/" + label + ".html.heex";
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("@FunctionComponent " + owner.getSimpleName() + "." + method.getName()
                        + " has no template" + (clause.isEmpty() ? "" : " for the clause " + clause)
                        + ": set template = \"…\" or add the resource " + resource + " beside the class");
            }
            return new Source(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** What the method made of a call: the assigns to render and the clause to render them with. */
    record Prepared(Map<String, Object> assigns, String clause) {
    }

    /** Calls the method, which may add derived assigns and, with clauses, chooses the template. */
    @SuppressWarnings("unchecked")
    Prepared prepare(Map<String, Object> assigns) {
        if (!takesAssigns) {
            return new Prepared(assigns, "");
        }
        Object result;
        try {
            result = method.invoke(null, assigns);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
        if (!clauseTemplates.containsKey("")) {
            if (!(result instanceof String clause) || !clauseTemplates.containsKey(clause)) {
                throw new IllegalStateException("it chose the clause " + result + ", which is none of "
                        + clauseTemplates.keySet());
            }
            return new Prepared(assigns, clause);
        }
        return new Prepared(result instanceof Map<?, ?> map ? (Map<String, Object>) map : assigns, "");
    }
}
