package io.phoenixspring.live.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/** phoenix_html's form model as the /form page of the live contract uses it. */
class FormTest {

    record User(String name, String email) {
    }

    @Test
    void fieldsAreNamedAndIdentifiedAsPhoenixHtmlDoes() {
        Form form = Form.of(Map.of("name", "A", "email", ""), "user");
        FormField name = form.field("name");
        assertThat(name.id()).isEqualTo("user_name");
        assertThat(name.name()).isEqualTo("user[name]");
        assertThat(name.value()).isEqualTo("A");
        assertThat(Form.of(Map.of("text", "milk"), null).field("text").name()).isEqualTo("text");
        assertThat(form.withId("signup").field("name").id()).isEqualTo("signup_name");
    }

    @Test
    void usedInputFollowsTheUnusedParamsOfAChangeEvent() {
        // What "validate" decodes to after typing "A" into name (the transcript's phx-change).
        Form typing = Form.of(Map.of("name", "A", "_unused_email", "", "email", ""), "user")
                .withErrors(Map.of("name", List.of("should be at least 3 character(s)"), "email", List.of("must have the @ sign")));
        assertThat(typing.field("name").used()).isTrue();
        assertThat(typing.field("email").used()).isFalse();
        assertThat(typing.field("name").visibleErrors()).containsExactly("should be at least 3 character(s)");
        assertThat(typing.field("email").visibleErrors()).isEmpty();
        // A submit sends no _unused_ params: every error shows.
        Form submitted = Form.of(Map.of("name", "A", "email", ""), "user").withErrors(typing.errors());
        assertThat(submitted.field("email").visibleErrors()).containsExactly("must have the @ sign");
        // Before any event nothing is used.
        assertThat(Form.from(new User("", ""), "user").field("name").used()).isFalse();
    }

    @Test
    void dataGivesValuesUntilParamsAreSubmitted() {
        Form form = Form.from(new User("Ada", "ada@example.com"), "user");
        assertThat(form.field("email").value()).isEqualTo("ada@example.com");
        assertThat(form.withParams(Map.of("email", "x")).field("email").value()).isEqualTo("x");
        assertThat(Form.from(Map.of("name", "Bob"), "user").field("name").value()).isEqualTo("Bob");
    }

    @Test
    void errorsComeFromSpringsValidation() {
        User user = new User("A", "nope");
        Errors errors = new BeanPropertyBindingResult(user, "user");
        errors.rejectValue("name", "length", "should be at least 3 character(s)");
        errors.rejectValue("email", "format", "must have the @ sign");
        Form form = Form.from(user, "user").withErrors(errors);
        assertThat(form.field("name").errors()).containsExactly("should be at least 3 character(s)");
        assertThat(form.errors()).containsOnlyKeys("name", "email");
    }

    @Test
    void validateRunsASpringValidatorOverTheBoundObject() {
        org.springframework.validation.Validator rules = new org.springframework.validation.Validator() {
            @Override
            public boolean supports(Class<?> type) {
                return type == User.class;
            }

            @Override
            public void validate(Object target, Errors errors) {
                User user = (User) target;
                if (user.name().isBlank()) {
                    errors.rejectValue("name", "required", "can't be blank");
                }
                if (!user.email().contains("@")) {
                    errors.rejectValue("email", "format", "must have the @ sign");
                }
            }
        };
        Form form = Form.of(Map.of("name", "", "email", "ada"), "user").validate(new User("", "ada"), rules);
        assertThat(form.field("name").errors()).containsExactly("can't be blank");
        assertThat(form.field("email").errors()).containsExactly("must have the @ sign");
        assertThat(form.field("email").value()).isEqualTo("ada");
        assertThat(Form.of(Map.of("name", "Ada", "email", "a@b"), "user").validate(new User("Ada", "a@b"), rules).errors()).isEmpty();
    }
}
