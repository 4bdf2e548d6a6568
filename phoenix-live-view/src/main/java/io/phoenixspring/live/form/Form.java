package io.phoenixspring.live.form;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * A form (phoenix_html's {@code Phoenix.HTML.Form}, made by Phoenix.Component's {@code to_form}):
 * a name, the submitted params, the data behind them and the errors to show. Fields give the
 * names, ids and values the inputs render with: {@code user[name]}, {@code user_name}.
 *
 * <pre>{@code
 * Form form = Form.of(params, "user").withErrors(Map.of("name", List.of("can't be blank")));
 * FormField name = form.field("name");   // id "user_name", name "user[name]"
 * boolean show = name.used();            // Phoenix.Component.used_input?
 * }</pre>
 */
public final class Form {

    private final String name;
    private final String id;
    private final Map<String, Object> params;
    private final Map<String, Object> data;
    private final Map<String, List<String>> errors;

    private Form(String name, String id, Map<String, Object> params, Map<String, Object> data,
            Map<String, List<String>> errors) {
        this.name = name;
        this.id = id;
        this.params = params;
        this.data = data;
        this.errors = errors;
    }

    /**
     * {@code to_form(params, as: name)}: a form over submitted params (string keys, as a form event
     * decodes them). {@code as} may be null: fields are then named by their key alone.
     */
    public static Form of(Map<String, ?> params, String as) {
        return new Form(as, as, copy(params), Map.of(), Map.of());
    }

    /**
     * {@code to_form(data, as: name)} over a record, a JavaBean or a Map: its properties are the
     * fields' values until params are submitted ({@link #withParams}).
     */
    public static Form from(Object source, String as) {
        return new Form(as, as, Map.of(), properties(source), Map.of());
    }

    /** The submitted params, whose values take precedence over the data's. */
    public Form withParams(Map<String, ?> submitted) {
        return new Form(name, id, copy(submitted), data, errors);
    }

    /** Errors by field, in the order to show them. */
    public Form withErrors(Map<String, List<String>> fieldErrors) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fieldErrors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        return new Form(name, id, params, data, Collections.unmodifiableMap(copy));
    }

    /**
     * Errors from Spring's validation (a {@code Validator}, Jakarta Bean Validation through
     * Spring's adapter, or {@code Errors} filled by hand): each field error's default message.
     */
    public Form withErrors(Errors validation) {
        Map<String, List<String>> collected = new LinkedHashMap<>();
        for (FieldError error : validation.getFieldErrors()) {
            collected.computeIfAbsent(error.getField(), field -> new ArrayList<>())
                    .add(error.getDefaultMessage() == null ? error.getCode() : error.getDefaultMessage());
        }
        return withErrors(collected);
    }

    /**
     * Another name ({@code as}) for the same data, params and errors, as {@code to_form(form, as: name)}:
     * field names {@code name[field]}, and the id prefix becomes the name too.
     */
    public Form withName(String value) {
        return new Form(value, value, params, data, errors);
    }

    /**
     * Validates {@code target} (the object the params were bound to) with a Spring {@code Validator}
     * (a Jakarta Bean Validation one too: Boot's validation starter provides one as a bean) and
     * returns this form with the field errors it found, as a changeset's errors feed {@code to_form}.
     *
     * <pre>{@code
     * Form form = Form.of(params, "user").validate(new User(name, email), validator);
     * }</pre>
     */
    public Form validate(Object target, org.springframework.validation.Validator validator) {
        org.springframework.validation.BeanPropertyBindingResult result =
                new org.springframework.validation.BeanPropertyBindingResult(target, name == null ? "form" : name);
        validator.validate(target, result);
        return withErrors(result);
    }

    /** A different DOM id prefix (the {@code :id} option); names are unchanged. */
    public Form withId(String value) {
        return new Form(name, value, params, data, errors);
    }

    /** The form's name ({@code as}), prefix of every field name; null when none. */
    public String name() {
        return name;
    }

    /** The DOM id prefix. */
    public String id() {
        return id;
    }

    public Map<String, Object> params() {
        return params;
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    /** {@code form[:field]}: the field's id, name, value and errors. */
    public FormField field(String field) {
        String fieldName = name == null ? field : name + "[" + field + "]";
        String fieldId = id == null ? field : id + "_" + field;
        Object value = params.containsKey(field) ? params.get(field) : data.get(field);
        return new FormField(fieldId, fieldName, value, errors.getOrDefault(field, List.of()), field, this);
    }

    /**
     * Phoenix.Component's {@code used_input?}: whether the user interacted with the field. A change
     * event sends an empty {@code _unused_FIELD} param for every input not yet used; a submit sends
     * none, so every field counts as used after it.
     */
    public boolean usedInput(String field) {
        return params.containsKey(field) && !params.containsKey("_unused_" + field);
    }

    private static Map<String, Object> copy(Map<String, ?> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private static Map<String, Object> properties(Object source) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (source == null) {
            return values;
        }
        if (source instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(String.valueOf(key), value));
            return values;
        }
        try {
            if (source.getClass().isRecord()) {
                for (RecordComponent component : source.getClass().getRecordComponents()) {
                    component.getAccessor().setAccessible(true);
                    values.put(component.getName(), component.getAccessor().invoke(source));
                }
                return values;
            }
            for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(source.getClass())) {
                if (property.getReadMethod() != null && !"class".equals(property.getName())) {
                    values.put(property.getName(), property.getReadMethod().invoke(source));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read the properties of " + source.getClass().getName(), e);
        }
        return values;
    }

    @Override
    public String toString() {
        return "Form[" + name + ", params=" + params.keySet() + ", errors=" + errors.keySet() + "]";
    }
}
