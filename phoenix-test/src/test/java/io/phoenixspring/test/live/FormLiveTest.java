package io.phoenixspring.test.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Forms as the client sends them: the whole form, the typed values in place, _target and _unused_ on change. */
@PhoenixTest
class FormLiveTest {

    @Autowired
    LiveViewTest lv;

    private static String text(LiveViewTest.View view, String selector) {
        return org.jsoup.Jsoup.parse(view.element(selector).render()).text();
    }

    @Test
    void changeSendsTheFormWithTheTargetAndTheUntouchedInputsMarkedUnused() {
        LiveViewTest.View view = lv.live("/form");
        view.form("#user-form", Map.of("user", Map.of("name", ""))).change();
        assertThat(text(view, "#target")).isEqualTo("[user, name]");
        // Hidden-only fields get no marker, the checkbox (with its hidden "false") does; disabled inputs are not sent.
        assertThat(text(view, "#unused")).isEqualTo("agree,bio,email,nick,role");
        assertThat(text(view, "#errors")).isEqualTo("name can't be blank");
        assertThat(text(view, "#source")).isEqualTo("signup");

        // Inputs stay used once touched, as the client remembers focus.
        view.form("#user-form", Map.of("user", Map.of("email", "ada@example.com"))).change();
        assertThat(text(view, "#target")).isEqualTo("[user, email]");
        assertThat(text(view, "#unused")).isEqualTo("agree,bio,nick,role");
    }

    @Test
    void aChangeWithoutTypingHasNoTargetAndLeavesUntouchedFieldsUnjudged() {
        LiveViewTest.View view = lv.live("/form");
        view.form("#user-form").change();
        assertThat(text(view, "#target")).isEqualTo("null");
        assertThat(text(view, "#errors")).isEmpty();
        assertThat(text(view, "#unused")).isEqualTo("agree,bio,email,name,nick,role");
    }

    @Test
    void anInputWithItsOwnPhxChangeSendsOnlyItself() {
        LiveViewTest.View view = lv.live("/form");
        view.form("#user-form", Map.of("user", Map.of("nick", "zed"))).change();
        assertThat(text(view, "#nick")).isEqualTo("{_target=[user, nick], source=signup, user={nick=zed}}");
    }

    @Test
    void submitSendsEveryFieldWithTheTypedValuesInPlace() {
        LiveViewTest.View view = lv.live("/form");
        String html = view.form("#user-form", Map.of("user", Map.of("name", "Ada", "role", "reader", "agree", "true"))).submit();
        assertThat(html).contains("<pre id=\"saved\">");
        assertThat(text(view, "#saved")).isEqualTo(
                "{source=signup, user={agree=true, bio=Hello, email=, name=Ada, nick=, role=reader, token=t0k3n}}");
    }

    @Test
    void submitWithASubmitterAndHiddenValues() {
        LiveViewTest.View view = lv.live("/form");
        view.form("#user-form").submitter("button[value=draft]").submit(Map.of("user", Map.of("token", "other")));
        assertThat(text(view, "#saved")).isEqualTo(
                "{action=draft, source=signup, user={agree=false, bio=Hello, email=, name=, nick=, role=admin, token=other}}");
    }

    @Test
    void formEventsStraightToTheView() {
        LiveViewTest.View view = lv.live("/form");
        view.renderSubmit("save", Map.of("user", Map.of("name", "Bo", "tags", java.util.List.of("a", "b"))));
        assertThat(text(view, "#saved")).isEqualTo("{user={name=Bo, tags=[a, b]}}");
        view.renderChange("validate", Map.of("user", Map.of("name", "Cy"), "_target", "user[name]"));
        assertThat(text(view, "#target")).isEqualTo("[user, name]");
        assertThat(view.form("#user-form").render()).startsWith("<form id=\"user-form\"").contains("value=\"Cy\"");
    }
}
