package io.phoenixspring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.router.Router;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code mix phx.routes} as the actuator endpoint {@code phxroutes}. */
class PhoenixRoutesEndpointTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PhoenixRoutesEndpointAutoConfiguration.class))
            .withBean(Router.class, () -> Router.builder()
                    .pipeline("api", p -> p.plug(io.phoenixspring.web.plug.Plugs.accepts("json")))
                    .scope("/api", s -> s.pipeThrough("api")
                            .get("/health", conn -> Controller.json(conn, Map.of("status", "ok"))))
                    .build());

    @Test
    void listsEveryRouteWithItsPipelines() {
        runner.run(context -> assertThat(context.getBean(PhoenixRoutesEndpoint.class).routes())
                .containsExactly(Map.of("verb", "GET", "path", "/api/health", "pipelines", List.of("api"), "handler", "(plug)")));
    }

    @Test
    void backsOffWithoutActuatorOrRouterAndForUserBeans() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).doesNotHaveBean(PhoenixRoutesEndpoint.class));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PhoenixRoutesEndpointAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(PhoenixRoutesEndpoint.class));
        runner.withBean("mine", PhoenixRoutesEndpoint.class, () -> new PhoenixRoutesEndpoint(Router.builder().build()))
                .run(context -> assertThat(context.getBean(PhoenixRoutesEndpoint.class)).isSameAs(context.getBean("mine")));
    }
}
