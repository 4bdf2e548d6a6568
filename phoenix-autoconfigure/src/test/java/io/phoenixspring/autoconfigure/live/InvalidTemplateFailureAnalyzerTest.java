package io.phoenixspring.autoconfigure.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import io.phoenixspring.web.router.Router;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A template with a mistake stops start-up with Boot's report naming file, line and column. */
@ExtendWith(OutputCaptureExtension.class)
class InvalidTemplateFailureAnalyzerTest {

    @PhoenixLiveView
    static class BrokenLive implements LiveView {
    }

    @SpringBootApplication
    @Import(BrokenLive.class)
    static class App {
        @Bean
        Router router(LiveRoutes live) {
            return Router.builder().get("/broken", live.route(BrokenLive.class)).build();
        }
    }

    @Test
    void anUnknownComponentStopsStartUpWithFileLineAndColumn(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).run("--server.port=0",
                "--phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789"))
                .rootCause().isInstanceOf(io.phoenixspring.live.template.TemplateException.class);
        assertThat(output).contains("A HEEx template does not compile:")
                .contains("io/phoenixspring/autoconfigure/live/BrokenLive.html.heex:3:1:")
                .contains("Fix io/phoenixspring/autoconfigure/live/BrokenLive.html.heex at line 3, column 1.");
    }
}
