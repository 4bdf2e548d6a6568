package io.phoenixspring.web.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.endpoint.WebEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Over real HTTP with Spring's server observation on: {@code http.server.requests} carries the
 * route's pattern, and each dispatch is a {@code phoenix.router_dispatch} observation.
 */
class RouterObservationTest {

    /** Stopped observations, as name and low-cardinality key values (plus "error" when one was recorded). */
    private final List<Map<String, String>> stopped = new CopyOnWriteArrayList<>();
    private AnnotationConfigApplicationContext context;
    private DisposableServer server;
    private WebTestClient client;

    @BeforeEach
    void start() {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                Map<String, String> seen = new TreeMap<>();
                seen.put("name", context.getName());
                context.getLowCardinalityKeyValues().forEach(kv -> seen.put(kv.getKey(), kv.getValue()));
                if (context.getError() != null) {
                    seen.put("error", context.getError().getClass().getSimpleName());
                }
                if (context.getParentObservation() != null) {
                    seen.put("parent", context.getParentObservation().getContextView().getName());
                }
                stopped.add(seen);
            }
        });
        context = new AnnotationConfigApplicationContext();
        context.registerBean(ObservationRegistry.class, () -> observations);
        context.register(App.class);
        context.refresh();
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.applicationContext(context)
                        .observationRegistry(observations).build()))
                .bindNow(Duration.ofSeconds(10));
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + server.port())
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        server.disposeNow(Duration.ofSeconds(5));
        context.close();
    }

    @Test
    void httpServerRequestsCarriesTheRoutePattern() {
        client.get().uri("/api/rooms/42/messages").exchange().expectStatus().isOk();

        assertThat(requests()).singleElement().satisfies(request -> {
            assertThat(request).containsEntry("uri", "/api/rooms/:id/messages").containsEntry("status", "200");
        });
    }

    @Test
    void aForwardedRouteIsTaggedWithItsFullPattern() {
        client.get().uri("/admin/users/7").exchange().expectStatus().isOk();
        client.get().uri("/assets/app.css").exchange().expectStatus().isOk();

        assertThat(requests()).extracting(r -> r.get("uri"))
                .containsExactly("/admin/users/:user_id", "/assets/*_forward_path");
        assertThat(dispatches()).extracting(d -> d.get("route") + " " + d.get("plug") + " " + d.get("plug_opts"))
                .containsExactly("/admin/users/:user_id Actions show", "/assets/*_forward_path AssetsPlug none");
    }

    @Test
    void anUnmatchedRequestStaysNotFound() {
        client.get().uri("/nowhere/1").exchange().expectStatus().isNotFound();
        client.get().uri("/admin/nowhere").exchange().expectStatus().isNotFound();

        assertThat(requests()).extracting(r -> r.get("uri") + " " + r.get("status"))
                .containsExactly("NOT_FOUND 404", "NOT_FOUND 404");
        assertThat(dispatches()).isEmpty();
    }

    @Test
    void eachDispatchIsAnObservationWithPhoenixsMetadata() {
        client.get().uri("/api/rooms/42/messages").exchange().expectStatus().isOk();

        assertThat(dispatches()).singleElement().isEqualTo(Map.of(
                "name", "phoenix.router_dispatch", "route", "/api/rooms/:id/messages", "plug", "Actions",
                "plug_opts", "messages", "method", "GET", "status", "200", "parent", "http.server.requests"));
    }

    @Test
    void aCrashingActionIsRecordedAsTheDispatchsError() {
        client.post().uri("/api/rooms/42/crash").exchange().expectStatus().isEqualTo(500);

        assertThat(dispatches()).singleElement().satisfies(dispatch -> assertThat(dispatch)
                .containsEntry("route", "/api/rooms/:id/crash").containsEntry("plug_opts", "crash")
                .containsEntry("method", "POST").containsEntry("status", "500")
                .containsEntry("error", "IllegalStateException"));
        assertThat(requests()).extracting(r -> r.get("uri")).containsExactly("/api/rooms/:id/crash");
    }

    private List<Map<String, String>> requests() {
        awaitStopped();
        return stopped.stream().filter(o -> o.get("name").equals("http.server.requests")).toList();
    }

    private List<Map<String, String>> dispatches() {
        awaitStopped();
        return stopped.stream().filter(o -> o.get("name").equals("phoenix.router_dispatch")).toList();
    }

    /** The server observation stops once the response is written: a moment after the client has it. */
    private void awaitStopped() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> stopped.stream()
                .anyMatch(o -> o.get("name").equals("http.server.requests")));
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A plug class mounted with forward, as Plug.Static is. */
    static final class AssetsPlug implements io.phoenixspring.web.plug.Plug {
        @Override
        public Conn call(Conn conn) {
            return Controller.text(conn, "body{}");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    @Import(Actions.class)
    static class App {
        @Bean
        Router router() {
            Router admin = Router.builder().get("/users/:user_id", Actions.class, "show").build();
            return Router.builder()
                    .scope("/api", s -> s.get("/rooms/:id/messages", Actions.class, "messages")
                            .post("/rooms/:id/crash", Actions.class, "crash"))
                    .forward("/admin", admin)
                    .forward("/assets", new AssetsPlug())
                    .build();
        }

        @Bean
        RouterHandlerMapping phoenixRouter(Router router, ApplicationContext context, ObservationRegistry observations) {
            RouterHandlerMapping mapping = new RouterHandlerMapping(router, WebEndpoint.defaults(), context::getBean);
            mapping.setObservationRegistry(observations);
            return mapping;
        }
    }

    @PhoenixController
    public static class Actions {
        Conn messages(Conn conn) {
            return Controller.json(conn, Map.of("messages", List.of()));
        }

        Conn show(Conn conn) {
            return Controller.text(conn, "user");
        }

        Conn crash(Conn conn) {
            throw new IllegalStateException("the room is on fire");
        }
    }
}
