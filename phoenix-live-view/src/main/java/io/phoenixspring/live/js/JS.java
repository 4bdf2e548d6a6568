package io.phoenixspring.live.js;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Phoenix.LiveView.JS: commands the client runs on an event without a round trip (show, hide, classes,
 * attributes, transitions, focus, dispatch) or with one ({@code push}, {@code navigate}, {@code patch}).
 * A value is an immutable list of operations; in a template attribute it renders as Phoenix renders
 * {@code %JS{}}: the operations' JSON, HTML-escaped ({@code phx-click="[[&quot;toggle&quot;,…]]"}).
 * Options are Phoenix's keyword options with the same names and checks ({@code to}, {@code transition},
 * {@code time}, {@code value}, …); a transition is a string of classes or a list of three (Elixir's
 * 3-tuple); {@code to} is a selector or a scope ({@link #inner}, {@link #closest}, {@link #document}).
 *
 * <pre>{@code
 * JS.toggle("#panel");                                    // [["toggle",{"to":"#panel"}]]
 * JS.push("lv:clear-flash", Map.of("value", Map.of("key", "info"))).then(JS.hide("#flash-info"));
 * JS.show(Map.of("to", "#modal", "transition", List.of("ease-out", "opacity-0", "opacity-100"), "time", 300));
 * }</pre>
 *
 * Templates write Phoenix's own syntax: {@code phx-click={JS.push("inc", value: %{by: 5}) |> JS.hide(to: "#x")}}.
 */
public final class JS {

    /** No operations ({@code %JS{}}): renders {@code []}. */
    public static final JS NONE = new JS(List.of());

    private final List<Op> ops;

    JS(List<Op> ops) {
        this.ops = ops;
    }

    /** One operation: its kind ({@code "push"}, {@code "set_attr"}, …) and its arguments, nil values dropped. */
    record Op(String kind, Map<String, Object> args) {
    }

    JS with(String kind, Map<String, Object> args) {
        List<Op> more = new ArrayList<>(ops.size() + 1);
        more.addAll(ops);
        more.add(new Op(kind, args));
        return new JS(List.copyOf(more));
    }

    List<Op> ops() {
        return ops;
    }

    // ------------------------------------------------------------------ server round trips

    /** Pushes {@code event} to the server (with the element's {@code phx-value-*}), as a {@code phx-click="event"} would. */
    public static JS push(String event) {
        return Commands.push(NONE, event, Map.of());
    }

    /** {@code push} with options: {@code value} (a map merged over {@code phx-value-*}), {@code target}, {@code loading}, {@code page_loading}. */
    public static JS push(String event, Map<String, ?> options) {
        return Commands.push(NONE, event, options);
    }

    /** Live navigation to {@code href} (another LiveView of the live session). */
    public static JS navigate(String href) {
        return Commands.navigate(NONE, "navigate", href, Map.of());
    }

    /** {@code navigate} with the option {@code replace} (replace the history entry). */
    public static JS navigate(String href, Map<String, ?> options) {
        return Commands.navigate(NONE, "navigate", href, options);
    }

    /** Live patch to {@code href} (the same LiveView's {@code handleParams}). */
    public static JS patch(String href) {
        return Commands.navigate(NONE, "patch", href, Map.of());
    }

    /** {@code patch} with the option {@code replace}. */
    public static JS patch(String href, Map<String, ?> options) {
        return Commands.navigate(NONE, "patch", href, options);
    }

    // ------------------------------------------------------------------ visibility

    /** Shows the interacted element. */
    public static JS show() {
        return show(Map.of());
    }

    /** Shows the elements {@code to} selects. */
    public static JS show(String to) {
        return show(Map.of("to", to));
    }

    /** {@code show} with options: {@code to}, {@code transition}, {@code display}, {@code time}, {@code blocking}. */
    public static JS show(Map<String, ?> options) {
        return Commands.show(NONE, options);
    }

    /** Hides the interacted element. */
    public static JS hide() {
        return hide(Map.of());
    }

    /** Hides the elements {@code to} selects. */
    public static JS hide(String to) {
        return hide(Map.of("to", to));
    }

    /** {@code hide} with options: {@code to}, {@code transition}, {@code time}, {@code blocking}. */
    public static JS hide(Map<String, ?> options) {
        return Commands.hide(NONE, options);
    }

    /** Shows or hides the interacted element. */
    public static JS toggle() {
        return toggle(Map.of());
    }

    /** Shows or hides the elements {@code to} selects. */
    public static JS toggle(String to) {
        return toggle(Map.of("to", to));
    }

    /** {@code toggle} with options: {@code to}, {@code in}, {@code out}, {@code display}, {@code time}, {@code blocking}. */
    public static JS toggle(Map<String, ?> options) {
        return Commands.toggle(NONE, options);
    }

    // ------------------------------------------------------------------ classes, attributes, transitions

    /** Adds the space-separated class {@code names} to the interacted element. */
    public static JS addClass(String names) {
        return addClass(names, Map.of());
    }

    /** Adds classes to the elements {@code to} selects. */
    public static JS addClass(String names, String to) {
        return addClass(names, Map.of("to", to));
    }

    /** {@code add_class} with options: {@code to}, {@code transition}, {@code time}, {@code blocking}. */
    public static JS addClass(String names, Map<String, ?> options) {
        return Commands.classes(NONE, "add_class", names, options);
    }

    /** Removes the space-separated class {@code names} from the interacted element. */
    public static JS removeClass(String names) {
        return removeClass(names, Map.of());
    }

    /** Removes classes from the elements {@code to} selects. */
    public static JS removeClass(String names, String to) {
        return removeClass(names, Map.of("to", to));
    }

    /** {@code remove_class} with options: {@code to}, {@code transition}, {@code time}, {@code blocking}. */
    public static JS removeClass(String names, Map<String, ?> options) {
        return Commands.classes(NONE, "remove_class", names, options);
    }

    /** Adds or removes the class {@code names} of the interacted element. */
    public static JS toggleClass(String names) {
        return toggleClass(names, Map.of());
    }

    /** Adds or removes classes of the elements {@code to} selects. */
    public static JS toggleClass(String names, String to) {
        return toggleClass(names, Map.of("to", to));
    }

    /** {@code toggle_class} with options: {@code to}, {@code transition}, {@code time}, {@code blocking}. */
    public static JS toggleClass(String names, Map<String, ?> options) {
        return Commands.classes(NONE, "toggle_class", names, options);
    }

    /** Applies a temporary transition: a string of classes, or a list of three (transition, start, end). */
    public static JS transition(Object transition) {
        return transition(transition, Map.of());
    }

    /** {@code transition} with options: {@code to}, {@code time}, {@code blocking}. */
    public static JS transition(Object transition, Map<String, ?> options) {
        return Commands.transition(NONE, transition, options);
    }

    /** Sets the attribute {@code attr} to {@code value} on the interacted element. */
    public static JS setAttribute(String attr, String value) {
        return setAttribute(attr, value, Map.of());
    }

    /** {@code set_attribute} with the option {@code to}. */
    public static JS setAttribute(String attr, String value, Map<String, ?> options) {
        return Commands.attribute(NONE, "set_attribute", Arrays.asList(attr, value), options);
    }

    /** Removes the attribute {@code attr} of the interacted element. */
    public static JS removeAttribute(String attr) {
        return removeAttribute(attr, Map.of());
    }

    /** {@code remove_attribute} with the option {@code to}. */
    public static JS removeAttribute(String attr, Map<String, ?> options) {
        return Commands.removeAttribute(NONE, attr, options);
    }

    /** Sets {@code attr} to {@code value} when absent, else removes it. */
    public static JS toggleAttribute(String attr, String value) {
        return toggleAttribute(attr, value, Map.of());
    }

    /** {@code toggle_attribute({attr, value})} with the option {@code to}. */
    public static JS toggleAttribute(String attr, String value, Map<String, ?> options) {
        return Commands.attribute(NONE, "toggle_attribute", Arrays.asList(attr, value), options);
    }

    /** Switches {@code attr} between {@code on} and {@code off}. */
    public static JS toggleAttribute(String attr, String on, String off) {
        return toggleAttribute(attr, on, off, Map.of());
    }

    /** {@code toggle_attribute({attr, on, off})} with the option {@code to}. */
    public static JS toggleAttribute(String attr, String on, String off, Map<String, ?> options) {
        return Commands.attribute(NONE, "toggle_attribute", Arrays.asList(attr, on, off), options);
    }

    // ------------------------------------------------------------------ events, focus, exec

    /** Dispatches the DOM event {@code event} ({@code CustomEvent}, a {@code MouseEvent} for "click") to the interacted element. */
    public static JS dispatch(String event) {
        return dispatch(event, Map.of());
    }

    /** {@code dispatch} with options: {@code to}, {@code detail} (a map; not for "click"), {@code bubbles}. */
    public static JS dispatch(String event, Map<String, ?> options) {
        return Commands.dispatch(NONE, event, options);
    }

    /** Runs the JS commands in the attribute {@code attr} (such as {@code "phx-remove"}) of the interacted element. */
    public static JS exec(String attr) {
        return exec(attr, Map.of());
    }

    /** {@code exec} with the option {@code to}: the commands of the selected elements' attribute. */
    public static JS exec(String attr, Map<String, ?> options) {
        return Commands.exec(NONE, attr, options);
    }

    /** Focuses the interacted element. */
    public static JS focus() {
        return focus(Map.of());
    }

    /** {@code focus} with the option {@code to}. */
    public static JS focus(Map<String, ?> options) {
        return Commands.focus(NONE, "focus", options);
    }

    /** Focuses the first focusable child of the interacted element. */
    public static JS focusFirst() {
        return focusFirst(Map.of());
    }

    /** {@code focus_first} with the option {@code to}. */
    public static JS focusFirst(Map<String, ?> options) {
        return Commands.focus(NONE, "focus_first", options);
    }

    /** Remembers the focused element (or the one {@code to} selects) for {@link #popFocus}. */
    public static JS pushFocus() {
        return pushFocus(Map.of());
    }

    /** {@code push_focus} with the option {@code to}. */
    public static JS pushFocus(Map<String, ?> options) {
        return Commands.focus(NONE, "push_focus", options);
    }

    /** Focuses the element remembered last by {@link #pushFocus}. */
    public static JS popFocus() {
        return NONE.with("pop_focus", Map.of());
    }

    // ------------------------------------------------------------------ scopes of `to`

    /** {@code to: {:inner, selector}}: an element inside the interacted one. */
    public static List<String> inner(String selector) {
        return List.of("inner", selector);
    }

    /** {@code to: {:closest, selector}}: the closest ancestor (or self) of the interacted element. */
    public static List<String> closest(String selector) {
        return List.of("closest", selector);
    }

    /** {@code to: {:document, selector}}: the same as the plain selector. */
    public static List<String> document(String selector) {
        return List.of("document", selector);
    }

    // ------------------------------------------------------------------ composition, output

    /** These commands, then {@code next}'s ({@code JS.concat(this, next)}). */
    public JS then(JS next) {
        return concat(this, next);
    }

    /** Phoenix's {@code JS.concat/2}: the operations of {@code first} then those of {@code second}. */
    public static JS concat(JS first, JS second) {
        List<Op> all = new ArrayList<>(first.ops);
        all.addAll(second.ops);
        return new JS(List.copyOf(all));
    }

    /** True when there are no operations. */
    public boolean isEmpty() {
        return ops.isEmpty();
    }

    /**
     * The JSON the client reads, as Phoenix encodes {@code js.ops}: {@code [[kind, {args}], …]}, object
     * keys in order (Elixir's small maps), nil arguments left out.
     */
    public String toJson() {
        return Json.encode(ops);
    }

    /** {@link #toJson()}: a template escapes it like any text, which is Phoenix's {@code Phoenix.HTML.Safe} for JS. */
    @Override
    public String toString() {
        return toJson();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JS js && ops.equals(js.ops);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ops);
    }

    // ------------------------------------------------------------------ templates

    /**
     * {@code JS.function(args)} as a template calls it, with Phoenix's clauses: an optional {@code JS} to
     * append to first (what {@code |>} passes), the positional arguments, then the keyword options (a map).
     *
     * @throws IllegalArgumentException as Phoenix's ArgumentError/FunctionClauseError, with its message
     */
    public static JS call(String function, Object... args) {
        return Commands.call(function, args);
    }

    /** Whether templates may call {@code JS.function} with {@code arity} arguments (Phoenix's arities). */
    public static boolean defines(String function, int arity) {
        return Commands.defines(function, arity);
    }
}
