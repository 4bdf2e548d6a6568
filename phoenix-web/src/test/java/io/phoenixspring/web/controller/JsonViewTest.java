package io.phoenixspring.web.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a JSON view's functions are found: static, on a bean, or on an instance made for the view. */
class JsonViewTest {

    static class StaticJSON {
        static Map<String, Object> show(Map<String, Object> assigns) {
            return Map.of("data", assigns.get("user"));
        }
    }

    static class PlainJSON {
        private final String prefix = "user:";

        Object show(Map<String, Object> assigns) {
            return prefix + assigns.get("user");
        }
    }

    static class BeanJSON {
        private final String greeting;

        BeanJSON(String greeting) {
            this.greeting = greeting;
        }

        Object show(Map<String, Object> assigns) {
            return greeting + " " + assigns.get("user");
        }
    }

    private static Object noBeans(Class<?> type) {
        throw new IllegalStateException("no bean of " + type);
    }

    @Test
    void staticFunctionsNeedNoInstance() {
        assertThat(JsonView.of(StaticJSON.class, JsonViewTest::noBeans).apply("show", Map.of("user", "ada")))
                .isEqualTo(Map.of("data", "ada"));
    }

    @Test
    void instanceFunctionsUseTheBeanOrElseANewInstance() {
        assertThat(JsonView.of(BeanJSON.class, type -> new BeanJSON("hello")).apply("show", Map.of("user", "ada")))
                .isEqualTo("hello ada");
        assertThat(JsonView.of(PlainJSON.class, JsonViewTest::noBeans).apply("show", Map.of("user", "ada")))
                .isEqualTo("user:ada");
        assertThatThrownBy(() -> JsonView.of(BeanJSON.class, JsonViewTest::noBeans).apply("show", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("neither a bean nor has a no-argument constructor");
    }

    @Test
    void aMissingFunctionNamesTheViewAndTheTemplate() {
        assertThatThrownBy(() -> JsonView.of(StaticJSON.class, JsonViewTest::noBeans).apply("index", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("StaticJSON has no function index(Map<String, Object> assigns) for render(\"index\")");
    }
}
