package io.phoenixspring.test.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/** A test's views end with it, as a test's LiveView processes do in ExUnit; close() ends one sooner. */
@PhoenixTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewLifetimeTest {

    static LiveViewTest.View fromTheFirstTest;

    @Autowired
    LiveViewTest lv;

    @Test
    @Order(1)
    void opensAView() {
        fromTheFirstTest = lv.live("/counter");
        assertThat(fromTheFirstTest.render()).contains("Count: 0");
    }

    @Test
    @Order(2)
    void theViewOfTheFirstTestIsClosed() {
        assertThat(fromTheFirstTest).isNotNull();
        assertThatThrownBy(fromTheFirstTest::render).isInstanceOf(AssertionError.class)
                .hasMessage("the LiveView at /counter is closed (its test ended, or close() was called)");
    }

    @Test
    @Order(3)
    void closeEndsAViewNow() {
        LiveViewTest.View view = lv.live("/counter");
        view.close();
        assertThatThrownBy(() -> view.send(1)).isInstanceOf(AssertionError.class).hasMessageContaining("is closed");
    }
}
