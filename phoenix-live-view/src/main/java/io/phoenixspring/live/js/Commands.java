package io.phoenixspring.live.js;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Phoenix.LiveView.JS's functions (lib/phoenix_live_view/js.ex, 1.0): which options each accepts, how
 * {@code :to} scopes, transitions and class names become arguments, and the errors for anything else.
 * Arguments live in a sorted map: Jason writes Elixir's small maps with their keys in order.
 */
final class Commands {

    /** A template-callable function: how many positional arguments it takes before the options. */
    private record Shape(int positional, boolean options) {
    }

    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry("push", new Shape(1, true)),
            Map.entry("navigate", new Shape(1, true)),
            Map.entry("patch", new Shape(1, true)),
            Map.entry("dispatch", new Shape(1, true)),
            Map.entry("show", new Shape(0, true)),
            Map.entry("hide", new Shape(0, true)),
            Map.entry("toggle", new Shape(0, true)),
            Map.entry("add_class", new Shape(1, true)),
            Map.entry("remove_class", new Shape(1, true)),
            Map.entry("toggle_class", new Shape(1, true)),
            Map.entry("transition", new Shape(1, true)),
            Map.entry("set_attribute", new Shape(1, true)),
            Map.entry("remove_attribute", new Shape(1, true)),
            Map.entry("toggle_attribute", new Shape(1, true)),
            Map.entry("exec", new Shape(1, true)),
            Map.entry("focus", new Shape(0, true)),
            Map.entry("focus_first", new Shape(0, true)),
            Map.entry("push_focus", new Shape(0, true)),
            Map.entry("pop_focus", new Shape(0, false)));

    private static final Set<String> SCOPES = Set.of("closest", "inner", "document");

    private Commands() {
    }

    static boolean defines(String function, int arity) {
        if (function.equals("concat")) {
            return arity == 2;
        }
        Shape shape = SHAPES.get(function);
        return shape != null && arity >= shape.positional() && arity <= shape.positional() + (shape.options() ? 2 : 1);
    }

    /** Phoenix's clauses: {@code f(js, args…, opts)}, each of {@code js} and {@code opts} optional. */
    static JS call(String function, Object[] args) {
        if (function.equals("concat")) {
            if (args.length == 2 && args[0] instanceof JS first && args[1] instanceof JS second) {
                return JS.concat(first, second);
            }
            throw new IllegalArgumentException("JS.concat expects two JS commands");
        }
        Shape shape = SHAPES.get(function);
        if (shape == null || !defines(function, args.length)) {
            throw new IllegalArgumentException("undefined function JS." + function + "/" + args.length);
        }
        JS js = JS.NONE;
        int next = 0;
        if (args.length > 0 && args[0] instanceof JS given) {
            js = given;
            next = 1;
        }
        int remaining = args.length - next;
        if (remaining < shape.positional()) {
            throw new IllegalArgumentException("JS." + function + " expects " + shape.positional() + " argument(s) after the JS commands");
        }
        Object positional = shape.positional() == 1 ? args[next++] : null;
        Map<String, ?> options = Map.of();
        if (next < args.length) {
            if (next != args.length - 1 || !shape.options() || !(args[next] instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("no function clause matching in JS." + function + "/" + args.length
                        + ": expected " + (shape.positional() == 1 ? "an argument then " : "") + "keyword options (to: …), got "
                        + inspect(args[next]));
            }
            options = keywords(map);
        }
        return switch (function) {
            case "push" -> push(js, string(positional, function, "the event"), options);
            case "navigate", "patch" -> navigate(js, function, string(positional, function, "the href"), options);
            case "dispatch" -> dispatch(js, string(positional, function, "the event"), options);
            case "show" -> show(js, options);
            case "hide" -> hide(js, options);
            case "toggle" -> toggle(js, options);
            case "add_class", "remove_class", "toggle_class" -> classes(js, function, string(positional, function, "the class names"), options);
            case "transition" -> transition(js, positional, options);
            case "set_attribute", "toggle_attribute" -> attribute(js, function, positional, options);
            case "remove_attribute" -> removeAttribute(js, string(positional, function, "the attribute name"), options);
            case "exec" -> exec(js, string(positional, function, "the attribute name"), options);
            case "focus", "focus_first", "push_focus" -> focus(js, function, options);
            default -> js.with("pop_focus", Map.of());
        };
    }

    // ------------------------------------------------------------------ the functions

    static JS push(JS js, String event, Map<String, ?> options) {
        Map<String, Object> args = validate(options, "push", "target", "loading", "page_loading", "value");
        if (args.containsKey("value") && !(args.get("value") instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("push :value expected to be a map, got: " + inspect(args.get("value")));
        }
        args.put("event", required(event, "push", "the event"));
        return put(js, "push", args);
    }

    static JS navigate(JS js, String kind, String href, Map<String, ?> options) {
        Map<String, Object> opts = validate(options, kind, "replace");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("href", required(href, kind, "the href"));
        args.put("replace", truthy(opts.get("replace")));
        return put(js, kind, args);
    }

    static JS dispatch(JS js, String event, Map<String, ?> options) {
        Map<String, Object> opts = validate(options, "dispatch", "to", "detail", "bubbles");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("event", required(event, "dispatch", "the event"));
        args.put("to", opts.get("to"));
        if (opts.containsKey("bubbles")) {
            if (!(opts.get("bubbles") instanceof Boolean)) {
                throw new IllegalArgumentException("expected :bubbles to be a boolean, got: " + inspect(opts.get("bubbles")));
            }
            args.put("bubbles", opts.get("bubbles"));
        }
        if (opts.containsKey("detail")) {
            if (event.equals("click")) {
                throw new IllegalArgumentException("click events cannot be dispatched with details: the browser rewrites a "
                        + "MouseEvent's detail to an integer; dispatch your own event (JS.dispatch(\"myapp:click\", detail: …)) "
                        + "and call e.target.click() in its listener");
            }
            args.put("detail", opts.get("detail"));
        }
        return put(js, "dispatch", args);
    }

    static JS show(JS js, Map<String, ?> options) {
        Map<String, Object> opts = validate(options, "show", "to", "transition", "display", "time", "blocking");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("to", opts.get("to"));
        args.put("display", opts.get("display"));
        args.put("transition", transitionClasses(opts.get("transition"), "show"));
        args.put("time", opts.get("time"));
        args.put("blocking", opts.get("blocking"));
        return put(js, "show", args);
    }

    static JS hide(JS js, Map<String, ?> options) {
        Map<String, Object> opts = validate(options, "hide", "to", "transition", "time", "blocking");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("to", opts.get("to"));
        args.put("transition", transitionClasses(opts.get("transition"), "hide"));
        args.put("time", opts.get("time"));
        args.put("blocking", opts.get("blocking"));
        return put(js, "hide", args);
    }

    static JS toggle(JS js, Map<String, ?> options) {
        Map<String, Object> opts = validate(options, "toggle", "to", "in", "out", "display", "time", "blocking");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("to", opts.get("to"));
        args.put("display", opts.get("display"));
        args.put("ins", transitionClasses(opts.get("in"), "toggle"));
        args.put("outs", transitionClasses(opts.get("out"), "toggle"));
        args.put("time", opts.get("time"));
        args.put("blocking", opts.get("blocking"));
        return put(js, "toggle", args);
    }

    /** {@code add_class}, {@code remove_class} and {@code toggle_class}. */
    static JS classes(JS js, String kind, String names, Map<String, ?> options) {
        Map<String, Object> opts = validate(options, kind, "to", "transition", "time", "blocking");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("to", opts.get("to"));
        args.put("names", classNames(required(names, kind, "the class names")));
        args.put("transition", transitionClasses(opts.get("transition"), kind));
        args.put("time", opts.get("time"));
        args.put("blocking", opts.get("blocking"));
        return put(js, kind, args);
    }

    static JS transition(JS js, Object transition, Map<String, ?> options) {
        if (!(transition instanceof String) && !(transition instanceof List<?>)) {
            throw new IllegalArgumentException("no function clause matching in JS.transition: expected a string of classes or "
                    + "a {transition, start, end} tuple, got " + inspect(transition));
        }
        Map<String, Object> opts = validate(options, "transition", "to", "time", "blocking");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("time", opts.get("time"));
        args.put("to", opts.get("to"));
        args.put("transition", transitionClasses(transition, "transition"));
        args.put("blocking", opts.get("blocking"));
        return put(js, "transition", args);
    }

    /** {@code set_attribute({attr, value})}, {@code toggle_attribute({attr, value})} and {@code toggle_attribute({attr, on, off})}. */
    static JS attribute(JS js, String function, Object tuple, Map<String, ?> options) {
        int max = function.equals("set_attribute") ? 2 : 3;
        if (!(tuple instanceof List<?> attr) || attr.size() < 2 || attr.size() > max) {
            throw new IllegalArgumentException("no function clause matching in JS." + function + ": expected "
                    + (max == 2 ? "an {attr, value} tuple" : "an {attr, value} or {attr, on, off} tuple") + ", got " + inspect(tuple));
        }
        Map<String, Object> opts = validate(options, function, "to");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("to", opts.get("to"));
        args.put("attr", attr);
        return put(js, function.equals("set_attribute") ? "set_attr" : "toggle_attr", args);
    }

    static JS removeAttribute(JS js, String attr, Map<String, ?> options) {
        Map<String, Object> opts = validate(options, "remove_attribute", "to");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("to", opts.get("to"));
        args.put("attr", required(attr, "remove_attribute", "the attribute name"));
        return put(js, "remove_attr", args);
    }

    static JS exec(JS js, String attr, Map<String, ?> options) {
        Map<String, Object> opts = validate(options, "exec", "to");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("attr", required(attr, "exec", "the attribute name"));
        args.put("to", opts.get("to"));
        return put(js, "exec", args);
    }

    /** {@code focus}, {@code focus_first} and {@code push_focus}. */
    static JS focus(JS js, String kind, Map<String, ?> options) {
        Map<String, Object> opts = validate(options, kind, "to");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("to", opts.get("to"));
        return put(js, kind, args);
    }

    // ------------------------------------------------------------------ Phoenix's helpers

    /** {@code put_op}: nil arguments dropped, keys in order; maps and lists copied, so that the value never changes. */
    private static JS put(JS js, String kind, Map<String, Object> args) {
        TreeMap<String, Object> kept = new TreeMap<>();
        args.forEach((key, value) -> {
            if (value != null) {
                kept.put(key, freeze(value));
            }
        });
        return js.with(kind, Collections.unmodifiableMap(kept));
    }

    /** An unmodifiable copy of a JSON value; anything JSON cannot hold is refused now rather than when rendered. */
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> {
                if (!(key instanceof String || key instanceof Number || key instanceof Enum<?>)) {
                    throw new IllegalArgumentException("a map in a JS command has keys that are strings, atoms or numbers, got "
                            + inspect(key));
                }
                copy.put(key, freeze(element));
            });
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(freeze(element)));
            return Collections.unmodifiableList(copy);
        }
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return value instanceof CharSequence text ? text.toString() : value;
        }
        throw new IllegalArgumentException("a JS command's values are maps, lists, strings, numbers, booleans or nil, got "
                + value.getClass().getSimpleName());
    }

    /**
     * {@code validate_keys}: {@code to} may be a selector or a {@code {scope, selector}} tuple in any
     * command ({@code {:document, s}} is {@code s}, the others {@code %{scope => s}}); every other key
     * must be one the command knows.
     */
    private static Map<String, Object> validate(Map<String, ?> options, String kind, String... allowed) {
        List<String> keys = Arrays.asList(allowed);
        Map<String, Object> valid = new LinkedHashMap<>();
        for (Map.Entry<String, ?> option : options.entrySet()) {
            String key = option.getKey();
            Object value = option.getValue();
            if (key.equals("to") && value instanceof List<?> tuple && tuple.size() == 2) {
                if (!(tuple.get(0) instanceof String scope) || !SCOPES.contains(scope)) {
                    throw new IllegalArgumentException("invalid scope for :to option in " + kind
                            + ". Valid scopes are :closest, :inner, :document. Got: " + inspectAtom(tuple.get(0)));
                }
                Map<String, Object> scoped = new LinkedHashMap<>();
                scoped.put(scope, tuple.get(1));
                valid.put(key, scope.equals("document") ? tuple.get(1) : scoped);
            } else if (key.equals("to") && value instanceof String) {
                valid.put(key, value);
            } else if (!keys.contains(key)) {
                throw new IllegalArgumentException("invalid option for " + kind + ". Expected keys to be one of "
                        + keys.stream().map(k -> ":" + k).toList() + ", got: :" + key);
            } else {
                valid.put(key, value);
            }
        }
        return valid;
    }

    /** {@code transition_class_names}: nil, a string of classes, or a 3-tuple of them. */
    private static List<List<String>> transitionClasses(Object transition, String kind) {
        if (transition == null) {
            return null;
        }
        if (transition instanceof String classes) {
            return List.of(classNames(classes), List.of(), List.of());
        }
        if (transition instanceof List<?> tuple && tuple.size() == 3 && tuple.stream().allMatch(String.class::isInstance)) {
            return List.of(classNames((String) tuple.get(0)), classNames((String) tuple.get(1)), classNames((String) tuple.get(2)));
        }
        throw new IllegalArgumentException("no function clause matching in transition_class_names (" + kind
                + "): a transition is a string of classes or a {transition, start, end} tuple of strings, got " + inspect(transition));
    }

    /** {@code String.split(names, " ", trim: true)}. */
    private static List<String> classNames(String names) {
        List<String> split = new ArrayList<>();
        for (String name : names.split(" ")) {
            if (!name.isEmpty()) {
                split.add(name);
            }
        }
        return List.copyOf(split);
    }

    private static Map<String, ?> keywords(Map<?, ?> map) {
        Map<String, Object> options = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("keyword options have atom keys, got " + inspect(key));
            }
            options.put(name, value);
        });
        return options;
    }

    private static String string(Object value, String function, String what) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("no function clause matching in JS." + function + ": " + what
                + " must be a string, got " + inspect(value));
    }

    private static String required(String value, String function, String what) {
        if (value == null) {
            throw new IllegalArgumentException("JS." + function + ": " + what + " must be a string, got nil");
        }
        return value;
    }

    private static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    private static String inspectAtom(Object value) {
        return value instanceof String s ? ":" + s : inspect(value);
    }

    /** Roughly Elixir's {@code inspect}, for error messages. */
    static String inspect(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(Commands::inspect).toList()) + "]";
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return value.getClass().getSimpleName();
    }
}
