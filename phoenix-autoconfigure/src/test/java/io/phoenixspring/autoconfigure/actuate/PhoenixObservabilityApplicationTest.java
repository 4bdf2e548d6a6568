package io.phoenixspring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.router.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running application with Actuator and Boot's own ObservationRegistry: requests through the
 * router and events on a joined channel, observed as Phoenix's telemetry events are.
 */
class PhoenixObservabilityApplicationTest {

    @SpringBootApplication
    @Import({RoomController.class, UserSocket.class, RoomChannel.class})
    static class App {
        @Bean
        Router router() {
            return Router.builder()
                    .scope("/api", s -> s.get("/rooms/:id/messages", RoomController.class, "index")
                            .post("/rooms/:id/messages", RoomController.class, "create"))
                    .build();
        }

        /** Boot hands every ObservationHandler bean to its registry. */
        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    /** Stopped observations, as name, low-cardinality and high-cardinality key values, and the error. */
    static final class Recorder implements ObservationHandler<Observation.Context> {
        final List<Map<String, String>> stopped = new CopyOnWriteArrayList<>();

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        @Override
        public void onStop(Observation.Context context) {
            if (!context.getName().startsWith("phoenix.")) {
                return;
            }
            Map<String, String> seen = new TreeMap<>();
            seen.put("name", context.getName());
            context.getLowCardinalityKeyValues().forEach(kv -> seen.put(kv.getKey(), kv.getValue()));
            context.getHighCardinalityKeyValues().forEach(kv -> seen.put("high:" + kv.getKey(), kv.getValue()));
            if (context.getError() != null) {
                seen.put("error", context.getError().getClass().getSimpleName());
            }
            stopped.add(seen);
        }

        List<Map<String, String>> named(String name) {
            return stopped.stream().filter(o -> o.get("name").equals(name)).toList();
        }
    }

    @PhoenixController
    static class RoomController {
        Conn index(Conn conn) {
            return Controller.json(conn, Map.of("messages", List.of()));
        }

        Conn create(Conn conn) {
            throw new IllegalStateException("the room is read-only");
        }
    }

    @PhoenixSocket
    static class UserSocket implements SocketHandler {
        @Override
        public void channels(ChannelRoutes routes) {
            routes.channel("room:*", RoomChannel.class);
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            return ConnectResult.ok();
        }
    }

    @PhoenixChannel
    static class RoomChannel {
        @Join
        JoinResult join(String topic, Socket socket) {
            return JoinResult.ok(Map.of());
        }

        @HandleIn("new_msg")
        HandleResult newMessage(Object payload) {
            return HandleResult.ok(payload);
        }
    }

    static ConfigurableApplicationContext app;
    static int port;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(App.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--phoenix.endpoint.secret-key-base=" + "x".repeat(64),
                "--phoenix.endpoint.check-origin=false",
                "--management.endpoints.web.exposure.include=metrics",
                "--management.health.redis.enabled=false");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void httpServerRequestsThroughTheRouterCarryTheRoutePattern() throws Exception {
        assertThat(send("GET", "/api/rooms/42/messages").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/rooms/43/messages").statusCode()).isEqualTo(200);

        Timer routed = awaitTimer("http.server.requests", "uri", "/api/rooms/:id/messages", "status", "200");
        assertThat(routed.count()).isEqualTo(2);
        assertThat(app.getBean(MeterRegistry.class).find("http.server.requests").tag("uri", "UNKNOWN").timers())
                .isEmpty();
    }

    @Test
    void anUnroutedRequestIsNotFound() throws Exception {
        assertThat(send("GET", "/api/nowhere/1").statusCode()).isEqualTo(404);

        // As Spring tags any 404 in a Boot app: Boot's static resource handler claimed it with /** (without
        // one, NOT_FOUND); never a Phoenix pattern, and no dispatch.
        assertThat(awaitTimer("http.server.requests", "status", "404").getId().getTag("uri")).isEqualTo("/**");
        assertThat(app.getBean(Recorder.class).named("phoenix.router_dispatch"))
                .noneMatch(o -> o.get("route").contains("nowhere"));
    }

    @Test
    void routerDispatchIsObservedWithPhoenixsMetadata() throws Exception {
        Recorder recorder = app.getBean(Recorder.class);
        send("GET", "/api/rooms/7/messages");
        assertThat(send("POST", "/api/rooms/7/messages").statusCode()).isEqualTo(500);

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> recorder.named("phoenix.router_dispatch").stream()
                .anyMatch(o -> o.get("method").equals("POST")));
        assertThat(recorder.named("phoenix.router_dispatch")).contains(
                Map.of("name", "phoenix.router_dispatch", "route", "/api/rooms/:id/messages", "plug", "RoomController",
                        "plug_opts", "index", "method", "GET", "status", "200"),
                Map.of("name", "phoenix.router_dispatch", "route", "/api/rooms/:id/messages", "plug", "RoomController",
                        "plug_opts", "create", "method", "POST", "status", "500", "error", "IllegalStateException"));
        // Boot's meter handler makes it a timer too.
        assertThat(awaitTimer("phoenix.router_dispatch", "plug_opts", "create", "error", "IllegalStateException")
                .count()).isEqualTo(1);
    }

    @Test
    void channelEventsAreObservedAndCountedOnce() throws Exception {
        Recorder recorder = app.getBean(Recorder.class);
        PhoenixActuatorApplicationTest.Frames frames = new PhoenixActuatorApplicationTest.Frames();
        WebSocket ws = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket/websocket?vsn=2.0.0"), frames).join();
        ws.sendText("[\"1\",\"1\",\"room:lobby\",\"phx_join\",{}]", true).join();
        assertThat(frames.next()).contains("\"ok\"");
        ws.sendText("[\"1\",\"2\",\"room:lobby\",\"new_msg\",{\"body\":\"hi\"}]", true).join();
        assertThat(frames.next()).contains("\"hi\"");
        ws.sendText("[\"1\",\"3\",\"room:lobby\",\"new_msg\",{\"body\":\"again\"}]", true).join();
        assertThat(frames.next()).contains("\"again\"");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();

        // As Actuator reports it: two events handled, two counted (not four: an observation of the timer's name would be a second timer).
        assertThat(metric("phoenix.channel.handle_in").at("/measurements/0/value").asDouble()).isEqualTo(2.0);
        assertThat(metric("phoenix.channel.join").at("/measurements/0/value").asDouble()).isEqualTo(1.0);
        assertThat(recorder.named("phoenix.channel_joined")).containsExactly(Map.of("name", "phoenix.channel_joined",
                "channel", "room:*", "socket", "UserSocket", "high:topic", "room:lobby"));
        // The topic and the event are the client's to choose: high cardinality (traces), never meter tags.
        assertThat(recorder.named("phoenix.channel_handled_in")).hasSize(2).allSatisfy(o -> assertThat(o)
                .isEqualTo(Map.of("name", "phoenix.channel_handled_in", "channel", "room:*", "socket", "UserSocket",
                        "high:event", "new_msg", "high:topic", "room:lobby")));
        assertThat(metric("phoenix.channel_handled_in").at("/availableTags").toString()).contains("\"channel\"")
                .doesNotContain("\"event\"").doesNotContain("\"topic\"");
    }

    private static Timer awaitTimer(String name, String... tags) {
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        Predicate<MeterRegistry> present = m -> m.find(name).tags(tags).timer() != null;
        // The server observation stops once the response is written: a moment after the client has it.
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> present.test(meters));
        return meters.find(name).tags(tags).timer();
    }

    private static JsonNode metric(String name) throws Exception {
        HttpResponse<String> response = send("GET", "/actuator/metrics/" + name);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
