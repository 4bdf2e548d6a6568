package io.phoenixspring.live.form;

import java.util.List;

/**
 * One field of a {@link Form} (phoenix_html's {@code Phoenix.HTML.FormField}): what an input
 * renders with.
 *
 * <pre>{@code
 * FormField email = form.field("email");
 * // <input name={email.name()} id={email.id()} value={email.value()}>, errors shown if email.used()
 * }</pre>
 *
 * @param id the DOM id, e.g. {@code user_email}
 * @param name the param name, e.g. {@code user[email]}
 * @param value the submitted value, else the data's, else null
 * @param errors the field's error messages
 * @param field the field's key, e.g. {@code email}
 * @param form the form it belongs to
 */
public record FormField(String id, String name, Object value, List<String> errors, String field, Form form) {

    /** Phoenix.Component's {@code used_input?(field)}. */
    public boolean used() {
        return form.usedInput(field);
    }

    /** The errors to show: none until the user used the input (as phx.new's {@code <.input>} does). */
    public List<String> visibleErrors() {
        return used() ? errors : List.of();
    }
}
