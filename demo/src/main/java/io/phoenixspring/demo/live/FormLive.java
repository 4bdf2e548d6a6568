package io.phoenixspring.demo.live;

import io.phoenixspring.live.form.Form;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /form}: {@code #user-form} validates on every change ({@code phx-change="validate"}) and shows
 * the errors of the inputs the user has used (the input component's {@code used_input?}); a submit
 * shows them all, and a valid one flashes {@code Saved NAME} and live-navigates to {@code /list}.
 * Template: {@code FormLive.html.heex}.
 */
@PhoenixLiveView
@TemplateImports(CoreComponents.class)
public class FormLive implements LiveView {

    private static final String FORM = "user";
    private static final List<String> FIELDS = List.of("name", "email");

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("form", Form.of(Map.of(), FORM)).assign("page_title", "Form");
    }

    /** {@code user[name]=A&user[_unused_email]=&user[email]=&_target=user[name]}: errors of the used inputs show. */
    @HandleEvent("validate")
    void validate(Map<String, Object> value, LiveSocket socket) {
        Map<String, String> user = userParams(value);
        socket.assign("form", Form.of(user, FORM).withErrors(errors(user)));
    }

    /** A submit carries no {@code _unused_} params: every input counts as used. */
    @HandleEvent("save")
    void save(Map<String, Object> value, LiveSocket socket) {
        Map<String, String> user = userParams(value);
        Map<String, List<String>> errors = errors(user);
        if (!errors.isEmpty()) {
            socket.assign("form", Form.of(user, FORM).withErrors(errors));
            return;
        }
        socket.putFlash("info", "Saved " + user.get("name").strip()).pushNavigate("/list");
    }

    /** The form's fields as strings (and their {@code _unused_} markers); anything else the client sent is dropped. */
    private static Map<String, String> userParams(Map<String, Object> value) {
        Map<String, String> user = new LinkedHashMap<>();
        if (value.get(FORM) instanceof Map<?, ?> submitted) {
            for (String field : FIELDS) {
                if (submitted.get("_unused_" + field) instanceof String) {
                    user.put("_unused_" + field, "");
                }
                if (submitted.get(field) instanceof String text) {
                    user.put(field, text);
                }
            }
        }
        return user;
    }

    /** Name: required, at least 3 characters; email: must contain {@code @}. */
    static Map<String, List<String>> errors(Map<String, String> user) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String name = user.getOrDefault("name", "").strip();
        if (name.isEmpty()) {
            errors.put("name", List.of("can't be blank"));
        } else if (name.codePointCount(0, name.length()) < 3) {
            errors.put("name", List.of("should be at least 3 character(s)"));
        }
        if (!user.getOrDefault("email", "").contains("@")) {
            errors.put("email", List.of("must have the @ sign"));
        }
        return errors;
    }
}
