package io.phoenixspring.web.support;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.router.RouterHandlerMapping;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.config.EnableWebFlux;

/**
 * A small application whose errors render as JSON and as pages ({@code render_errors: [html, json]}):
 * an API scope and a browser scope, each with an action that crashes and one that echoes its params.
 * Start it with {@link DebugOn} or {@link DebugOff}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFlux
@Import(BothFormatsApp.Actions.class)
public class BothFormatsApp {

    public static final String CRASH_MESSAGE = "the ledger is out of balance";

    @Bean
    Router router() {
        return Router.builder()
                .pipeline("api", p -> p.plug(Plugs.accepts("json")))
                .pipeline("browser", p -> p.plug(Plugs.accepts("html")))
                .scope("/api", s -> s.pipeThrough("api").get("/crash", Actions.class, "crash")
                        .post("/echo", Actions.class, "echo"))
                .scope("/", s -> s.pipeThrough("browser").get("/crash", Actions.class, "crash")
                        .post("/echo", Actions.class, "echo"))
                .build();
    }

    @Bean
    RouterHandlerMapping phoenixRouter(Router router, WebEndpoint endpoint, ApplicationContext context) {
        return new RouterHandlerMapping(router, endpoint, context::getBean);
    }

    /** Debug errors on (development). */
    @Configuration(proxyBeanMethods = false)
    public static class DebugOn {
        @Bean
        WebEndpoint webEndpoint() {
            return WebEndpoint.defaults().withErrorFormats(List.of("html", "json")).withDebugErrors(true);
        }
    }

    /** Debug errors off (production). */
    @Configuration(proxyBeanMethods = false)
    public static class DebugOff {
        @Bean
        WebEndpoint webEndpoint() {
            return WebEndpoint.defaults().withErrorFormats(List.of("html", "json"));
        }
    }

    @PhoenixController
    public static class Actions {
        Conn crash(Conn conn) {
            throw new IllegalStateException(CRASH_MESSAGE);
        }

        Conn echo(Conn conn, Params params) {
            return Controller.json(conn, Map.of("params", params.asMap()));
        }
    }
}
