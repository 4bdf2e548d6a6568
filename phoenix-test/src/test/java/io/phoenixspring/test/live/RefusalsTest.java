package io.phoenixspring.test.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What LiveViewTest refuses, and how it says so. */
@PhoenixTest
class RefusalsTest {

    @Autowired
    LiveViewTest lv;

    @Test
    void aSelectorMustNameExactlyOneElement() {
        LiveViewTest.View view = lv.live("/counter");
        assertThatThrownBy(() -> view.element("#nope").click()).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("selector \"#nope\" did not return any element within the LiveView at /counter:\n<div id=\"phx-");
        assertThatThrownBy(() -> view.element("button", "Add").click()).isInstanceOf(AssertionError.class)
                .hasMessage("selector \"button\" with text \"Add\" returned 2 elements and must return exactly one: "
                        + "<button phx-click=\"inc\" phx-value-by=\"10\">, <button phx-click=\"inc\" phx-value-by=\"100\">");
        assertThatThrownBy(() -> view.element("#no-binding").click()).isInstanceOf(AssertionError.class)
                .hasMessage("element \"#no-binding\" has no phx-click attribute and is not a link: <div id=\"no-binding\">");
        assertThatThrownBy(() -> view.element("#inc").blur(Map.of())).isInstanceOf(AssertionError.class)
                .hasMessage("element \"#inc\" has no phx-blur attribute: <button id=\"inc\" phx-click=\"inc\">");
        assertThatThrownBy(() -> view.element("button[").click()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid selector \"button[\"");
        assertThat(view.element("#nope").hasElement()).isFalse();
    }

    @Test
    void aFormOnlyTakesWhatAUserCouldEnter() {
        LiveViewTest.View view = lv.live("/form");
        assertThatThrownBy(() -> view.form("#user-form", Map.of("user", Map.of("nmae", "Ada"))).submit())
                .isInstanceOf(AssertionError.class)
                .hasMessage("could not find a non-disabled input, select or textarea named \"user[nmae]\" in the form #user-form; "
                        + "its fields: [user[name], user[email], user[role], user[token], user[agree], user[bio], user[nick], "
                        + "user[old], action]");
        assertThatThrownBy(() -> view.form("#user-form", Map.of("user", Map.of("old", "y"))).submit())
                .isInstanceOf(AssertionError.class).hasMessageContaining("named \"user[old]\"");
        assertThatThrownBy(() -> view.form("#user-form", Map.of("user", Map.of("token", "forged"))).submit())
                .isInstanceOf(AssertionError.class)
                .hasMessage("the field \"user[token]\" of the form #user-form is a hidden input, which a user cannot type in: "
                        + "pass its value to submit(value) or change(value) instead");
        assertThatThrownBy(() -> view.form("#user-form", Map.of("user", Map.of("role", "root"))).change())
                .isInstanceOf(AssertionError.class)
                .hasMessage("the value \"root\" of the select \"user[role]\" in the form #user-form is not one of its options [reader, admin]");
        assertThatThrownBy(() -> view.form("#no-events").submit()).isInstanceOf(AssertionError.class)
                .hasMessage("the form #no-events has no phx-submit attribute: <form id=\"no-events\">");
        assertThatThrownBy(() -> view.form("#target").submit()).isInstanceOf(AssertionError.class)
                .hasMessage("selector \"#target\" names a <p>, not a form");
        assertThatThrownBy(() -> view.form("#user-form").submitter("input[name='user[name]']").submit())
                .isInstanceOf(AssertionError.class)
                .hasMessage("the submitter \"input[name='user[name]']\" must be a submit button of the form #user-form, got "
                        + "<input type=\"text\" name=\"user[name]\" value=\"\">");
    }

    @Test
    void assertionsThatDoNotHoldSayWhatHappenedInstead() {
        LiveViewTest quick = lv.assertTimeout(Duration.ofMillis(100));
        LiveViewTest.View view = quick.live("/counter");
        assertThatThrownBy(view::assertPatch).isInstanceOf(AssertionError.class)
                .hasMessage("expected the LiveView at /counter to patch within 100 ms, but got none");
        view.element("#ten").click();
        assertThatThrownBy(() -> view.assertPatch("/counter?start=11")).isInstanceOf(AssertionError.class)
                .hasMessage("expected the LiveView at /counter?start=10 to patch to /counter?start=11, but got patches to [/counter?start=10]");
        assertThatThrownBy(() -> view.assertPushEvent("pong", Map.of())).isInstanceOf(AssertionError.class)
                .hasMessage("expected the LiveView at /counter?start=10 to push the event \"pong\" with {} within 100 ms; pushed instead: none");
        view.renderClick("ping");
        assertThatThrownBy(() -> view.assertPushEvent("pong", Map.of("count", 11))).isInstanceOf(AssertionError.class)
                .hasMessageEndingWith("pushed instead: pong {\"count\":10}");
        assertThatThrownBy(() -> view.refutePushEvent("pong", Map.of("count", 10))).isInstanceOf(AssertionError.class)
                .hasMessage("expected the LiveView at /counter?start=10 not to push the event \"pong\" with {\"count\":10}, but it did");
        assertThatThrownBy(() -> view.assertReply(Map.of())).isInstanceOf(AssertionError.class)
                .hasMessage("expected the LiveView at /counter?start=10 to reply to a hook event within 100 ms, but it did not");
        assertThatThrownBy(view::assertRedirect).isInstanceOf(AssertionError.class)
                .hasMessage("expected the LiveView at /counter?start=10 to redirect within 100 ms, but got patches to [/counter?start=10]");

        view.renderClick("save");
        assertThatThrownBy(() -> view.assertRedirect("/nav/2")).isInstanceOf(AssertionError.class)
                .hasMessage("expected the LiveView at /counter?start=10 to redirect to /nav/2, but got a LIVE_REDIRECT to /nav/1");
        assertThatThrownBy(() -> view.refuteRedirected("/nav/1")).isInstanceOf(AssertionError.class)
                .hasMessage("expected the LiveView at /counter?start=10 not to redirect to /nav/1, but it did");
    }

    @Test
    void aCrashFailsTheEventAndEverythingAfter() {
        LiveViewTest.View view = lv.live("/counter");
        assertThatThrownBy(() -> view.renderClick("boom")).isInstanceOf(AssertionError.class)
                .hasMessage("the LiveView at /counter crashed handling the click event \"boom\" (phx_error): see the log for the exception");
        assertThatThrownBy(view::render).isInstanceOf(AssertionError.class)
                .hasMessage("the LiveView at /counter crashed (phx_error): see the log for the exception");
        assertThatThrownBy(() -> view.renderClick("no-such-event")).isInstanceOf(AssertionError.class)
                .hasMessage("the LiveView at /counter crashed (phx_error): see the log for the exception");
    }

    @Test
    void anUnknownEventCrashesTheViewAsInPhoenix() {
        LiveViewTest.View view = lv.live("/counter");
        assertThatThrownBy(() -> view.renderClick("no-such-event")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("crashed handling the click event \"no-such-event\"");
    }

    @Test
    void pagesThatAreNotLiveViews() {
        assertThatThrownBy(() -> lv.live("/plain")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected /plain to render a LiveView, but the page has no LiveView container");
        assertThatThrownBy(() -> lv.live("/nowhere")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected /nowhere to render a LiveView (status 200), got 404 for GET /nowhere");
    }
}
