package io.phoenixspring.web.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.redis.RedisPubSubAdapter;
import io.phoenixspring.pubsub.testing.RedisServer;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.router.RouterHandlerMapping;
import io.phoenixspring.web.support.CapturedLogs;
import io.phoenixspring.web.support.RawHttp;
import io.phoenixspring.web.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.config.EnableWebFlux;
import reactor.core.publisher.Mono;

/**
 * A PubSub outage seen from HTTP: with a real redis-server killed, an action broadcasting a message
 * (the room contract's {@code POST /api/rooms/:id/messages}) answers 503 "PubSub unavailable" in
 * the error format, and the only log lines are PubSub's own rate-limited warnings.
 */
class PubSubOutageOverHttpTest {

    private static volatile PubSub pubSub;

    @Test
    void broadcastsDuringARedisOutageAnswer503InTheErrorFormatWithoutAStackTracePerRequest() throws Exception {
        RedisPubSubAdapter adapter;
        try (RedisServer redis = RedisServer.start()) {
            adapter = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(redis.url())
                    .withCommandTimeout(Duration.ofMillis(500)).withMaxReconnectDelay(Duration.ofMillis(200)), "web-test");
            pubSub = PubSub.builder().name("web-test").nodeName("web-1").adapter(adapter).build();
            adapter.ready().get(10, TimeUnit.SECONDS);
            try (TestServer server = TestServer.start(App.class)) {
                assertThat(post(server, "/api/rooms/lobby/messages", "application/json"))
                        .startsWith("HTTP/1.1 202 Accepted\r\n");

                redis.kill();
                await().atMost(Duration.ofSeconds(15)).until(() -> post(server, "/api/rooms/lobby/messages",
                        "application/json").startsWith("HTTP/1.1 503 "));

                try (CapturedLogs logs = new CapturedLogs()) {
                    for (int i = 0; i < 5; i++) {
                        String json = post(server, "/api/rooms/lobby/messages", "application/json");
                        assertThat(json).startsWith("HTTP/1.1 503 Service Unavailable\r\n")
                                .contains("content-type: application/json; charset=utf-8")
                                .endsWith("\r\n\r\n{\"errors\":{\"detail\":\"" + PubSubFailures.DETAIL + "\"}}");
                    }
                    String page = post(server, "/rooms/lobby/messages", "text/html");
                    assertThat(page).startsWith("HTTP/1.1 503 Service Unavailable\r\n")
                            .contains("<h1>Service Unavailable</h1><p>" + PubSubFailures.DETAIL + "</p>")
                            .doesNotContain("redis://");
                    List<ILoggingEvent> notPubSubs = logs.warnings().stream()
                            .filter(e -> !e.getLoggerName().equals(PubSub.class.getName())).toList();
                    assertThat(notPubSubs).as(logs.describe()).isEmpty();
                    // The outage is already in PubSub's streak: no new trace, at most its periodic summary.
                    assertThat(logs.withStackTraces()).as(logs.describe()).isEmpty();
                    assertThat(logs.warnings()).as(logs.describe()).hasSizeLessThanOrEqualTo(1);
                }
            }
        } finally {
            if (pubSub != null) {
                pubSub.close();
            }
        }
    }

    private static String post(TestServer server, String path, String accept) {
        String body = "{\"body\":\"hi\"}";
        return RawHttp.firstResponse(server.port(), "POST " + path + " HTTP/1.1\r\nhost: localhost\r\naccept: " + accept
                + "\r\ncontent-type: application/json\r\ncontent-length: " + body.length() + "\r\n\r\n" + body);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    @Import(MessageController.class)
    static class App {
        @Bean
        Router router() {
            return Router.builder()
                    .pipeline("api", p -> p.plug(Plugs.accepts("json")))
                    .pipeline("browser", p -> p.plug(Plugs.accepts("html")))
                    .scope("/api", s -> s.pipeThrough("api").post("/rooms/:id/messages", MessageController.class, "create"))
                    .scope("/", s -> s.pipeThrough("browser").post("/rooms/:id/messages", MessageController.class, "create"))
                    .build();
        }

        @Bean
        WebEndpoint webEndpoint() {
            return WebEndpoint.defaults().withErrorFormats(List.of("json", "html"));
        }

        @Bean
        RouterHandlerMapping phoenixRouter(Router router, WebEndpoint endpoint, ApplicationContext context) {
            return new RouterHandlerMapping(router, endpoint, context::getBean);
        }
    }

    /** As the demo's: broadcast the message to the room on every node, 202 once PubSub took it. */
    @PhoenixController
    public static class MessageController {
        Mono<Conn> create(Conn conn, Params params) {
            String topic = "room:" + params.string("id");
            Object body = params.required("body");
            return Mono.fromFuture(() -> pubSub.broadcast(topic, Map.of("event", "new_msg", "body", body)))
                    .thenReturn(Controller.json(conn.putStatus(202), Map.of("ok", true)));
        }
    }
}
