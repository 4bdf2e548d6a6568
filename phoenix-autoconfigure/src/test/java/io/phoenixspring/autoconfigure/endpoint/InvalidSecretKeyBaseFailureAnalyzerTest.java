package io.phoenixspring.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class InvalidSecretKeyBaseFailureAnalyzerTest {

    @Test
    void aMissingSecretIsDescribedWithThePropertyToSetAndHowToGenerateIt() {
        InvalidSecretKeyBaseException cause = new InvalidSecretKeyBaseException(0);
        FailureAnalysis analysis = new InvalidSecretKeyBaseFailureAnalyzer()
                .analyze(new BeanCreationException("phoenixToken", "failed", cause));

        assertThat(analysis.getDescription()).isEqualTo("phoenix.endpoint.secret-key-base is not set. Phoenix signs "
                + "tokens, long-poll sessions and session cookies with it.");
        assertThat(analysis.getAction()).startsWith("Set phoenix.endpoint.secret-key-base to a secret of 64 random characters")
                .contains("java -cp phoenix-token.jar io.phoenixspring.token.SecretKeyBase",
                        "phoenix.endpoint.secret-key-base: ${SECRET_KEY_BASE}");
        assertThat(analysis.getCause()).isSameAs(cause);
    }

    @Test
    void aShortSecretIsDescribedWithItsLength() {
        FailureAnalysis analysis = new InvalidSecretKeyBaseFailureAnalyzer().analyze(new InvalidSecretKeyBaseException(9));
        assertThat(analysis.getDescription()).startsWith(
                "phoenix.endpoint.secret-key-base is 9 bytes long; it must be at least 20 (64 random characters are usual).");
        assertThat(analysis.getAction()).startsWith("Set phoenix.endpoint.secret-key-base");
    }

    @Test
    void checkCountsBytesAndTreatsBlankAsMissing() {
        assertThatThrownBy(() -> InvalidSecretKeyBaseException.check(null))
                .isInstanceOfSatisfying(InvalidSecretKeyBaseException.class, e -> assertThat(e.missing()).isTrue());
        assertThatThrownBy(() -> InvalidSecretKeyBaseException.check("   "))
                .isInstanceOfSatisfying(InvalidSecretKeyBaseException.class, e -> assertThat(e.missing()).isTrue());
        // 10 characters, 20 bytes in UTF-8: long enough, as PhoenixToken counts bytes.
        assertThat(InvalidSecretKeyBaseException.check("éééééééééé")).isEqualTo("éééééééééé");
        assertThatThrownBy(() -> InvalidSecretKeyBaseException.check("0123456789012345678"))
                .isInstanceOfSatisfying(InvalidSecretKeyBaseException.class, e -> assertThat(e.length()).isEqualTo(19));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    void bootsFailureReportNamesThePropertyInsteadOfAStackTrace(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .run("--spring.main.banner-mode=off"))
                .hasRootCauseInstanceOf(InvalidSecretKeyBaseException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Description:",
                "phoenix.endpoint.secret-key-base is not set. Phoenix signs tokens, long-poll sessions and session cookies with it.",
                "Action:", "Set phoenix.endpoint.secret-key-base to a secret of 64 random characters");
    }
}
