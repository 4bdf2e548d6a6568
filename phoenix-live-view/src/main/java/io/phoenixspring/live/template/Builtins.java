package io.phoenixspring.live.template;

import io.phoenixspring.live.form.FormField;
import io.phoenixspring.live.html.Html;
import io.phoenixspring.live.html.Safe;
import io.phoenixspring.live.js.JS;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The functions every template may call, named as Elixir's (Kernel, String, Enum, Map) plus Phoenix's render_slot. */
final class Builtins {

    private static final Map<String, Fn> FUNCTIONS = new HashMap<>();

    static {
        define("render_slot", 1, a -> Slots.render(a[0], null));
        define("render_slot", 2, a -> Slots.render(a[0], a[1]));
        define("raw", 1, a -> a[0] instanceof Safe safe ? safe : Html.raw(Html.text(a[0])));
        define("upload_errors", 1, a -> uploadErrors(a[0], Access.field(a[0], "ref", 0)));
        define("upload_errors", 2, a -> uploadErrors(a[0], Access.field(a[1], "ref", 0)));
        define("to_string", 1, a -> Html.text(a[0]));
        define("is_nil", 1, a -> a[0] == null);
        define("length", 1, a -> (long) list(a[0], "length").size());
        define("map_size", 1, a -> (long) map(a[0], "map_size").size());
        define("div", 2, a -> integer(a[0]) / nonZero(integer(a[1])));
        define("rem", 2, a -> integer(a[0]) % nonZero(integer(a[1])));
        define("abs", 1, a -> a[0] instanceof Double d ? (Object) Math.abs(d) : (Object) Math.abs(integer(a[0])));
        define("max", 2, a -> Values.compare(a[0], a[1], 0) >= 0 ? a[0] : a[1]);
        define("min", 2, a -> Values.compare(a[0], a[1], 0) <= 0 ? a[0] : a[1]);
        define("round", 1, a -> Math.round(number(a[0])));
        define("trunc", 1, a -> (long) number(a[0]));
        define("upcase", 1, a -> string(a[0]).toUpperCase(Locale.ROOT));
        define("downcase", 1, a -> string(a[0]).toLowerCase(Locale.ROOT));
        define("String.upcase", 1, a -> string(a[0]).toUpperCase(Locale.ROOT));
        define("String.downcase", 1, a -> string(a[0]).toLowerCase(Locale.ROOT));
        define("String.trim", 1, a -> string(a[0]).strip());
        define("String.length", 1, a -> (long) string(a[0]).codePointCount(0, string(a[0]).length()));
        define("String.capitalize", 1, a -> capitalize(string(a[0])));
        define("String.contains?", 2, a -> string(a[0]).contains(string(a[1])));
        define("String.starts_with?", 2, a -> string(a[0]).startsWith(string(a[1])));
        define("String.ends_with?", 2, a -> string(a[0]).endsWith(string(a[1])));
        define("String.replace", 3, a -> string(a[0]).replace(string(a[1]), string(a[2])));
        define("Enum.count", 1, a -> (long) Values.enumerable(a[0], 0).size());
        define("Enum.empty?", 1, a -> Values.enumerable(a[0], 0).isEmpty());
        define("Enum.join", 1, a -> join(a[0], ""));
        define("Enum.join", 2, a -> join(a[0], string(a[1])));
        define("Enum.reverse", 1, a -> {
            List<Object> reversed = new ArrayList<>(Values.enumerable(a[0], 0));
            Collections.reverse(reversed);
            return reversed;
        });
        define("Enum.at", 2, a -> Access.index(new ArrayList<>(Values.enumerable(a[0], 0)), integer(a[1]), 0));
        define("Enum.member?", 2, a -> Values.enumerable(a[0], 0).stream().anyMatch(e -> Values.equal(e, a[1])));
        define("Enum.take", 2, a -> {
            List<Object> all = new ArrayList<>(Values.enumerable(a[0], 0));
            long n = integer(a[1]);
            return n >= 0 ? all.subList(0, (int) Math.min(n, all.size()))
                    : all.subList((int) Math.max(0, all.size() + n), all.size());
        });
        define("Enum.sum", 1, a -> {
            Object sum = 0L;
            for (Object e : Values.enumerable(a[0], 0)) {
                sum = Values.arithmetic("+", sum, e, 0);
            }
            return sum;
        });
        define("Map.get", 2, a -> map(a[0], "Map.get").get(a[1]));
        define("Map.get", 3, a -> map(a[0], "Map.get").containsKey(a[1]) ? map(a[0], "Map.get").get(a[1]) : a[2]);
        define("used_input?", 1, a -> {
            if (a[0] instanceof FormField field) {
                return field.used();
            }
            throw new IllegalArgumentException("used_input? expects a form field (@form[:name]), got " + Values.describe(a[0]));
        });
        define("Map.has_key?", 2, a -> map(a[0], "Map.has_key?").containsKey(a[1]));
        // phx.new's root layout: <meta name="csrf-token" content={get_csrf_token()} />
        define("get_csrf_token", 0, a -> CsrfContext.tokenFor("/"));
        // Phoenix.VerifiedRoutes' url/1 and the endpoint's static helpers, against RoutesContext's endpoint.
        define("url", 1, a -> RoutesContext.required("url/1").url() + string(a[0]));
        define("static_url", 0, a -> RoutesContext.required("static_url/0").staticUrl());
        define("static_path", 1, a -> {
            RoutesContext.Routes routes = RoutesContext.current();
            return routes == null ? string(a[0]) : routes.staticPath(string(a[0]));
        });
        define("static_integrity", 1, a -> {
            RoutesContext.Routes routes = RoutesContext.current();
            return routes == null ? null : routes.endpoint().staticIntegrity(string(a[0]));
        });
    }

    private Builtins() {
    }

    private static void define(String name, int arity, Fn fn) {
        FUNCTIONS.put(name + "/" + arity, fn);
    }

    /** A built-in function, or one of Phoenix.LiveView.JS's ({@code JS.push/1..3}, …): the only module templates reach. */
    static Fn get(String name, int arity) {
        if (name.startsWith("JS.") && JS.defines(name.substring(3), arity)) {
            String function = name.substring(3);
            return args -> JS.call(function, args);
        }
        return FUNCTIONS.get(name + "/" + arity);
    }

    static boolean defines(String name) {
        return FUNCTIONS.keySet().stream().anyMatch(k -> k.startsWith(name + "/"));
    }

    private static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expected a string, got " + Values.describe(value));
    }

    private static long integer(Object value) {
        if (Values.number(value, 0, "") instanceof Long l) {
            return l;
        }
        throw new IllegalArgumentException("expected an integer, got " + Values.describe(value));
    }

    private static long nonZero(long value) {
        if (value == 0) {
            throw new IllegalArgumentException("division by zero");
        }
        return value;
    }

    private static double number(Object value) {
        return ((Number) Values.number(value, 0, "")).doubleValue();
    }

    private static Collection<?> list(Object value, String function) {
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        throw new IllegalArgumentException(function + " expects a list, got " + Values.describe(value));
    }

    private static Map<?, ?> map(Object value, String function) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(function + " expects a map, got " + Values.describe(value));
    }

    private static String join(Object list, String separator) {
        List<String> parts = new ArrayList<>();
        for (Object element : Values.enumerable(list, 0)) {
            parts.add(Html.text(element));
        }
        return String.join(separator, parts);
    }

    private static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        int length = Character.charCount(first);
        return new String(Character.toChars(Character.toTitleCase(first))) + s.substring(length).toLowerCase(Locale.ROOT);
    }

    /** Phoenix's upload_errors/1,2: the reasons (atoms, here strings) recorded for the config's or an entry's ref. */
    private static List<Object> uploadErrors(Object config, Object ref) {
        List<Object> reasons = new ArrayList<>();
        for (Object error : Values.enumerable(Access.field(config, "errors", 0), 0)) {
            if (error instanceof List<?> pair && pair.size() == 2 && Values.equal(pair.get(0), ref)) {
                reasons.add(pair.get(1));
            }
        }
        return reasons;
    }
}
