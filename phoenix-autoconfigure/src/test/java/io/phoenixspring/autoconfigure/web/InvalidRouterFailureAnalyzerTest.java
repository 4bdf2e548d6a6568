package io.phoenixspring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.router.VerifiedPath;
import io.phoenixspring.web.router.VerifiedRoutes;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class InvalidRouterFailureAnalyzerTest {

    private final InvalidRouterFailureAnalyzer analyzer = new InvalidRouterFailureAnalyzer();

    /** What phoenix-web itself throws for the route table given. */
    private static Throwable failureOf(Runnable build) {
        try {
            build.run();
        } catch (RuntimeException e) {
            return new BeanCreationException("router", "Failed to instantiate [Router]", e);
        }
        throw new AssertionError("the router was built");
    }

    @Test
    void anUndefinedPipelineIsDescribedWithTheBeanAndTheFix() {
        FailureAnalysis analysis = analyzer.analyze(failureOf(() -> Router.builder()
                .scope("/api", s -> s.pipeThrough("api").get("/health", conn -> Controller.json(conn, Map.of()))).build()));

        assertThat(analysis.getDescription()).startsWith("The Phoenix router (bean 'router') cannot be built:\n\n    route GET /api/health pipes through undefined pipeline \"api\"");
        assertThat(analysis.getAction()).startsWith("Declare the pipeline on the builder");
    }

    @Test
    void aGlobThatIsNotLastGetsThePathSyntax() {
        FailureAnalysis analysis = analyzer.analyze(failureOf(() -> Router.builder()
                .get("/files/*path/edit", conn -> Controller.json(conn, Map.of())).build()));

        assertThat(analysis.getDescription()).contains("a glob must be the last segment in /files/*path/edit");
        assertThat(analysis.getAction()).contains("*name in the last segment only");
    }

    interface Paths {
        @VerifiedPath("/nowhere")
        String nowhere();
    }

    @Test
    void unverifiedRoutesAreListed() {
        Router router = Router.builder().get("/health", conn -> Controller.json(conn, Map.of())).build();
        FailureAnalysis analysis = analyzer.analyze(failureOf(() -> VerifiedRoutes.create(Paths.class, router)));

        assertThat(analysis.getDescription()).contains("unverified routes in " + Paths.class.getName(),
                "nowhere: no route matches \"/nowhere\"");
        assertThat(analysis.getAction()).startsWith("Make each @VerifiedPath template match a route");
    }

    @Test
    void failuresFromElsewhereAreLeftToOtherAnalyzers() {
        assertThat(analyzer.analyze(new BeanCreationException("router", "failed", new IllegalArgumentException("no")))).isNull();
        assertThat(analyzer.analyze(new IllegalStateException("not ours"))).isNull();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        @Bean
        Router router() {
            return Router.builder()
                    .scope("/api", s -> s.pipeThrough("api").get("/health", conn -> Controller.json(conn, Map.of())))
                    .build();
        }
    }

    @Test
    void bootsFailureReportNamesTheRouteAndThePipeline(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .run("--phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-for-phoenix-0123456789",
                        "--spring.main.banner-mode=off"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Description:",
                "The Phoenix router (bean 'router') cannot be built:",
                "route GET /api/health pipes through undefined pipeline \"api\"", "Action:",
                "Declare the pipeline on the builder");
    }
}
