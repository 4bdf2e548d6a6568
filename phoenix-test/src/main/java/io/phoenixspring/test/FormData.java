package io.phoenixspring.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * A form's data as the official client serializes it ({@code serializeForm} of phoenix_live_view 1.0):
 * the browser's {@code FormData} of the form's controls in document order — with the values a test
 * "typed" in place of the page's — plus the {@code _unused_} markers of the inputs the user has not
 * touched yet, URL-encoded. What a test types must exist in the form, as a user could type it.
 *
 * <pre>{@code
 * String value = FormData.encode(form, FormData.flatten(Map.of("user", Map.of("name", "Ada"))), Map.of(), null,
 *         Set.of("user[name]"), false);    // "user[name]=Ada&_unused_user[email]=&user[email]=…"
 * }</pre>
 */
final class FormData {

    private static final Set<String> NOT_SENT = Set.of("submit", "button", "reset", "image", "file");

    private FormData() {
    }

    /** Nested params as form names: {@code {user: {name: "Ada", tags: ["a"]}}} is {@code user[name]=Ada, user[tags][]=a}. */
    static Map<String, List<String>> flatten(Map<String, ?> params) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        params.forEach((key, value) -> flatten(String.valueOf(key), value, out));
        return out;
    }

    private static void flatten(String name, Object value, Map<String, List<String>> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> flatten(name + "[" + key + "]", nested, out));
        } else if (value instanceof Collection<?> list) {
            List<String> values = out.computeIfAbsent(name.endsWith("[]") ? name : name + "[]", n -> new ArrayList<>());
            for (Object item : list) {
                values.add(item == null ? "" : String.valueOf(item));
            }
        } else {
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value == null ? "" : String.valueOf(value));
        }
    }

    /**
     * Checks that a user could enter {@code typed} in {@code form}: each name is a non-disabled input,
     * select or textarea that is not hidden, and a select's or a radio group's value is one of its options.
     */
    static void validate(Element form, String selector, Map<String, List<String>> typed) {
        for (Map.Entry<String, List<String>> entry : typed.entrySet()) {
            String name = entry.getKey();
            List<Element> controls = new ArrayList<>();
            for (Element control : controls(form)) {
                if (name.equals(control.attr("name")) && !control.hasAttr("disabled")) {
                    controls.add(control);
                }
            }
            if (controls.isEmpty()) {
                throw new AssertionError("could not find a non-disabled input, select or textarea named \"" + name
                        + "\" in the form " + selector + "; its fields: " + names(form));
            }
            if (controls.stream().allMatch(c -> "hidden".equals(type(c)))) {
                throw new AssertionError("the field \"" + name + "\" of the form " + selector + " is a hidden input, "
                        + "which a user cannot type in: pass its value to submit(value) or change(value) instead");
            }
            for (String value : entry.getValue()) {
                for (Element control : controls) {
                    if (control.tagName().equals("select")) {
                        List<String> options = new ArrayList<>();
                        control.select("option").forEach(option -> options.add(optionValue(option)));
                        if (!options.contains(value)) {
                            throw new AssertionError("the value \"" + value + "\" of the select \"" + name + "\" in the form "
                                    + selector + " is not one of its options " + options);
                        }
                    }
                }
                List<String> radios = controls.stream().filter(c -> "radio".equals(type(c))).map(FormData::checkedValue).toList();
                if (!radios.isEmpty() && !radios.contains(value)) {
                    throw new AssertionError("the value \"" + value + "\" of the radio buttons \"" + name + "\" in the form "
                            + selector + " is not one of theirs " + radios);
                }
            }
        }
    }

    /**
     * The URL-encoded form value.
     *
     * @param typed the values the test entered, in place of the page's (already validated)
     * @param extra values added as they are (hidden fields too), replacing the form's of the same name
     * @param submitter the submit button, sent as the client does, or null
     * @param used the names the user has interacted with; the others get an {@code _unused_} marker
     * @param onlyNames serialize only these names (an input with its own {@code phx-change}), or null for all
     */
    static String encode(Element form, Map<String, List<String>> typed, Map<String, List<String>> extra, Element submitter,
            Set<String> used, Set<String> onlyNames) {
        List<String[]> pairs = new ArrayList<>();
        Set<String> replaced = new LinkedHashSet<>();
        Map<String, Boolean> onlyHidden = new LinkedHashMap<>();
        for (Element control : controls(form)) {
            String name = control.attr("name");
            if (name.isEmpty() || control.hasAttr("disabled")) {
                continue;
            }
            onlyHidden.merge(name, "hidden".equals(type(control)), Boolean::logicalAnd);
            if (extra.containsKey(name) || typed.containsKey(name)) {
                if (replaced.add(name)) {
                    List<String> values = extra.containsKey(name) ? extra.get(name) : typed.get(name);
                    values.forEach(value -> pairs.add(new String[] {name, value}));
                }
                continue;
            }
            if (control == submitter) {
                pairs.add(new String[] {name, control.attr("value")});
                continue;
            }
            String type = type(control);
            if (control.tagName().equals("button") || NOT_SENT.contains(type)) {
                continue;
            }
            switch (control.tagName()) {
                case "select" -> {
                    List<Element> selected = control.select("option[selected]");
                    if (selected.isEmpty() && !control.hasAttr("multiple") && control.selectFirst("option") != null) {
                        selected = List.of(control.selectFirst("option"));
                    }
                    selected.forEach(option -> pairs.add(new String[] {name, optionValue(option)}));
                }
                case "textarea" -> pairs.add(new String[] {name, control.wholeText().replaceFirst("^\r?\n", "")});
                default -> {
                    if ("checkbox".equals(type) || "radio".equals(type)) {
                        if (control.hasAttr("checked")) {
                            pairs.add(new String[] {name, checkedValue(control)});
                        }
                    } else {
                        pairs.add(new String[] {name, control.attr("value")});
                    }
                }
            }
        }
        extra.forEach((name, values) -> {
            if (replaced.add(name)) {
                values.forEach(value -> pairs.add(new String[] {name, value}));
            }
        });
        StringBuilder out = new StringBuilder();
        Set<String> marked = new LinkedHashSet<>();
        for (String[] pair : pairs) {
            String name = pair[0];
            if (onlyNames != null && !onlyNames.contains(name)) {
                continue;
            }
            boolean hidden = onlyHidden.getOrDefault(name, false);
            if (!used.contains(name) && !hidden && (submitter == null || !name.equals(submitter.attr("name")))
                    && marked.add(name) && !extra.containsKey(name)) {
                append(out, unusedName(name), "");
            }
            append(out, name, pair[1]);
        }
        return out.toString();
    }

    /** The client's {@code prependFormDataKey(key, "_unused_")}: {@code user[name]} is {@code user[_unused_name]}. */
    static String unusedName(String name) {
        boolean list = name.endsWith("[]");
        String base = list ? name.substring(0, name.length() - 2) : name;
        base = base.replaceFirst("([^\\[\\]]+)(\\]?)$", "_unused_$1$2");
        return list ? base + "[]" : base;
    }

    /** The names of the form's fields, for failure messages. */
    static Set<String> names(Element form) {
        Set<String> names = new LinkedHashSet<>();
        for (Element control : controls(form)) {
            if (!control.attr("name").isEmpty()) {
                names.add(control.attr("name"));
            }
        }
        return names;
    }

    private static List<Element> controls(Element form) {
        List<Element> controls = new ArrayList<>(form.select("input, select, textarea, button"));
        String id = form.id();
        if (!id.isEmpty() && form.ownerDocument() != null) {
            // Controls elsewhere in the page that name this form with form="…".
            for (Element outside : form.ownerDocument().select("[form=" + id + "]")) {
                if (!controls.contains(outside)) {
                    controls.add(outside);
                }
            }
        }
        return controls;
    }

    private static String type(Element control) {
        if (!control.tagName().equals("input")) {
            return control.tagName().equals("button") ? control.attr("type").toLowerCase(Locale.ROOT) : "";
        }
        String type = control.attr("type").toLowerCase(Locale.ROOT);
        return type.isEmpty() ? "text" : type;
    }

    private static String checkedValue(Element control) {
        return control.hasAttr("value") ? control.attr("value") : "on";
    }

    private static String optionValue(Element option) {
        return option.hasAttr("value") ? option.attr("value") : option.text();
    }

    private static void append(StringBuilder out, String name, String value) {
        if (!out.isEmpty()) {
            out.append('&');
        }
        out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** A map of values URL-encoded (nested maps and lists as form names), as {@code render_submit(view, event, value)} sends them. */
    static String encode(Map<String, ?> values) {
        StringBuilder out = new StringBuilder();
        flatten(values).forEach((name, list) -> list.forEach(value -> append(out, name, value)));
        return out.toString();
    }
}
