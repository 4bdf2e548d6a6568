package io.phoenixspring.live.components;

import io.phoenixspring.live.html.Html;
import io.phoenixspring.live.html.Safe;
import io.phoenixspring.live.template.TemplateFunction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The two Phoenix.HTML.Form functions phx.new's {@code input/1} calls ({@code normalize_value/2} and
 * {@code options_for_select/2}, phoenix_html 4.x), for {@link CoreComponents}' own templates only: they
 * are imported there, not into the application's templates.
 */
final class HtmlForm {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private HtmlForm() {
    }

    /**
     * {@code normalize_value(type, value)}: a checkbox's value is whether it is {@code "true"}; a textarea's is
     * prefixed with a newline (the browser drops the first one after the tag, so a value starting with one
     * survives a round trip); a datetime-local's date-time loses its seconds; anything else is unchanged.
     */
    @TemplateFunction("normalize_value")
    static Object normalizeValue(String type, Object value) {
        return switch (type == null ? "" : type) {
            case "checkbox" -> value != null && !(value instanceof Map<?, ?>) && Html.text(value).equals("true");
            case "textarea" -> Html.raw("\n" + Html.escape(value == null ? "" : value));
            case "datetime-local" -> value instanceof TemporalAccessor time ? minutes(time) : value;
            default -> value;
        };
    }

    private static Object minutes(TemporalAccessor time) {
        if (time instanceof LocalDateTime local) {
            return MINUTES.format(local);
        }
        if (time instanceof OffsetDateTime offset) {
            return MINUTES.format(offset);
        }
        if (time instanceof ZonedDateTime zoned) {
            return MINUTES.format(zoned);
        }
        if (time instanceof Instant instant) {
            return MINUTES.format(instant.atOffset(ZoneOffset.UTC));   // Elixir's DateTime is UTC here
        }
        return time;
    }

    /**
     * {@code options_for_select(options, selected)}: {@code <option>}s (and {@code <optgroup>}s) for a select.
     * An option is a value (its own label), a pair {@code [label, value]} or {@code Map.Entry}, or a map with
     * {@code key} (label), {@code value} and more attributes ({@code disabled}); a map of label to value
     * is a list of pairs; a pair whose value is a list or map is a group; the pair {@code ["hr", null]} a
     * separator. {@code selected} is one value or a collection; values compare by their text.
     */
    @TemplateFunction("options_for_select")
    static Safe optionsForSelect(Object options, Object selected) {
        List<String> values = new ArrayList<>();
        if (selected instanceof Collection<?> many) {
            many.forEach(value -> values.add(Html.text(value)));
        } else if (selected != null) {
            values.add(Html.text(selected));
        }
        StringBuilder out = new StringBuilder();
        options(out, options, values);
        return Html.raw(out.toString());
    }

    private static void options(StringBuilder out, Object options, List<String> selected) {
        Collection<?> entries;
        if (options instanceof Map<?, ?> map) {
            entries = map.entrySet();
        } else if (options instanceof Collection<?> list) {
            entries = list;
        } else if (options == null) {
            throw new IllegalArgumentException("<.input type=\"select\"> needs options={…}: a list or a map");
        } else {
            throw new IllegalArgumentException("select options are a list or a map, got " + options.getClass().getSimpleName());
        }
        for (Object option : entries) {
            if (option instanceof Map.Entry<?, ?> entry) {
                pair(out, entry.getKey(), entry.getValue(), selected);
            } else if (option instanceof List<?> pair && pair.size() == 2) {
                pair(out, pair.get(0), pair.get(1), selected);
            } else if (option instanceof Map<?, ?> attributes) {
                if (!attributes.containsKey("key") || !attributes.containsKey("value")) {
                    throw new IllegalArgumentException("a select option given as a map needs \"key\" and \"value\", got keys "
                            + attributes.keySet());
                }
                List<Map.Entry<String, Object>> extra = new ArrayList<>();
                attributes.forEach((name, value) -> {
                    if (!"key".equals(name) && !"value".equals(name)) {
                        extra.add(Map.entry(Html.text(name), value == null ? Boolean.FALSE : value));
                    }
                });
                option(out, attributes.get("key"), attributes.get("value"), extra, selected);
            } else {
                option(out, option, option, List.of(), selected);
            }
        }
    }

    private static void pair(StringBuilder out, Object label, Object value, List<String> selected) {
        if ("hr".equals(label) && value == null) {
            out.append("<hr/>");
        } else if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            out.append("<optgroup").append(Html.attribute("label", label)).append('>');
            options(out, value, selected);
            out.append("</optgroup>");
        } else {
            option(out, label, value, List.of(), selected);
        }
    }

    private static void option(StringBuilder out, Object label, Object value, List<Map.Entry<String, Object>> extra,
            List<String> selected) {
        String text = Html.text(value);
        out.append("<option").append(Html.attribute("value", text))
                .append(Html.attribute("selected", selected.contains(text)))
                .append(Html.attributes(extra).html()).append('>')
                .append(Html.escape(label)).append("</option>");
    }
}
