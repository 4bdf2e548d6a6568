package io.phoenixspring.live.support;

import io.phoenixspring.live.rendered.Comprehension;
import io.phoenixspring.live.rendered.Rendered;
import io.phoenixspring.live.template.StreamItems;
import io.phoenixspring.live.template.Template;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Templates written by hand, as the HEEx engine will compile them: statics, and dynamics re-evaluated
 * only when an assign they read changed. They reproduce the transcripts' pages.
 */
public final class HandTemplates {

    private HandTemplates() {
    }

    /** Whether a dynamic reading {@code keys} must be computed. */
    static boolean needed(boolean track, Set<String> changed, String... keys) {
        if (!track || changed == null) {
            return true;
        }
        for (String key : keys) {
            if (changed.contains(key)) {
                return true;
            }
        }
        return false;
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** The app layout: {@code <.flash_group flash={@flash} />\n{@inner_content}}. */
    public static final Template APP_LAYOUT = (assigns, changed) -> Rendered.lazy(List.of("", "\n", ""),
            track -> list(needed(track, changed, "flash") ? flashGroup(assigns) : null, assigns.get("inner_content")),
            100L, false);

    @SuppressWarnings("unchecked")
    static Rendered flashGroup(Map<String, Object> assigns) {
        Map<String, String> flash = (Map<String, String>) assigns.get("flash");
        return Rendered.of(List.of("<div id=\"flash-group\">\n  ", "\n  ", "\n</div>"),
                List.of(flashSlot("info", flash.get("info")), flashSlot("error", flash.get("error"))), 101L, true);
    }

    static Rendered flashSlot(String kind, String message) {
        Object inner = message == null ? "" : Rendered.of(List.of("<div id=\"flash-" + kind
                + "\" role=\"alert\" phx-click=\"lv:clear-flash\" phx-value-key=\"" + kind + "\">", "</div>"),
                List.of(escape(message)), 103L + kind.hashCode(), true);
        return Rendered.of(List.of("", ""), list(inner), 102L, false);
    }

    private static final Rendered RESET_LINK = Rendered.of(List.of("<a", " data-phx-link=\"patch\"", "", ">", "</a>"),
            List.of(" href=\"/counter?start=0\"", " data-phx-link-state=\"push\"", " id=\"reset-link\"",
                    Rendered.of(List.of("reset"), List.of(), 202L, false)), 201L, true);

    /** The /counter page of the transcripts. */
    public static final Template COUNTER = (assigns, changed) -> Rendered.lazy(List.of(
            "<h1>Counter</h1>\n<p>Count: <span id=\"count\">",
            "</span></p>\n<button id=\"dec\" phx-click=\"dec\">-1</button>\n<button id=\"inc\" phx-click=\"inc\">+1</button>\n"
                    + "<button id=\"inc-by\" phx-click=\"inc\" phx-value-by=\"5\">+5</button>\n",
            ""), track -> list(needed(track, changed, "count") ? String.valueOf(assigns.get("count")) : null,
                    needed(track, changed) ? RESET_LINK : null), 200L, false);

    /** A page showing one assign: {@code <p id="value">{@value}</p>}. */
    public static final Template VALUE = (assigns, changed) -> Rendered.lazy(List.of("<p id=\"value\">", "</p>"),
            track -> list(needed(track, changed, "value") ? escape(String.valueOf(assigns.get("value"))) : null), 300L, true);

    /** A page with a value, a navigate link to /counter and buttons for the ShowLive events. */
    public static final Template SHOW = (assigns, changed) -> Rendered.lazy(List.of("<p id=\"value\">",
            "</p>\n<a href=\"/counter\" data-phx-link=\"redirect\" data-phx-link-state=\"push\" id=\"to-counter\">counter</a>\n"
                    + "<button id=\"boom\" phx-click=\"boom\">boom</button>\n<button id=\"navigate\" phx-click=\"navigate\">go</button>"),
            track -> list(needed(track, changed, "value") ? escape(String.valueOf(assigns.get("value"))) : null), 301L, false);

    /**
     * A stream page: {@code <ul id="items" phx-update="stream"><li :for={{id, item} <- @streams.items} id={id}>{item.text}</li></ul>}.
     */
    public static final Template STREAM = (assigns, changed) -> Rendered.lazy(List.of(
            "<ul id=\"items\" phx-update=\"stream\">", "</ul>"), track -> list(needed(track, changed, "streams")
                    ? items((StreamItems) ((Map<?, ?>) assigns.get("streams")).get("items")) : null), 400L, false);

    @SuppressWarnings("unchecked")
    static Comprehension items(StreamItems items) {
        List<List<Object>> rows = new ArrayList<>();
        List<Comprehension.Insert> inserts = new ArrayList<>();
        for (StreamItems.Entry entry : items.inserts()) {
            rows.add(List.of(" id=\"" + entry.domId() + "\"", escape(String.valueOf(((Map<String, Object>) entry.item()).get("text")))));
            inserts.add(new Comprehension.Insert(entry.domId(), entry.at(), entry.limit()));
        }
        return new Comprehension(List.of("<li", ">", "</li>"), rows, 401L,
                new Comprehension.Stream(items.ref(), inserts, items.deletes(), items.reset()));
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
