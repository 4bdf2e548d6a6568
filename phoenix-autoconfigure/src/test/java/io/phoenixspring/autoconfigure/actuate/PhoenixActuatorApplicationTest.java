package io.phoenixspring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.presence.Presence;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A running application with Actuator: /actuator/phoenix and /actuator/health over HTTP, with real sockets joined. */
class PhoenixActuatorApplicationTest {

    @SpringBootApplication
    @org.springframework.context.annotation.Import({UserSocket.class, RoomChannel.class})
    static class App {
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
    }

    @Test
    void reportsSocketsChannelsPresenceAndPubSub() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--phoenix.endpoint.secret-key-base=" + "x".repeat(64),
                "--phoenix.endpoint.check-origin=false", "--phoenix.pubsub.node-name=web-1",
                "--management.endpoints.web.exposure.include=health,phoenix",
                "--management.endpoint.health.show-details=always",
                "--management.health.redis.enabled=false")) {   // spring-data-redis is on the test class path, Redis is not
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            Frames one = new Frames();
            Frames two = new Frames();
            WebSocket first = http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket/websocket?vsn=2.0.0"), one).join();
            WebSocket second = http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket/websocket?vsn=2.0.0"), two).join();
            first.sendText("[\"1\",\"1\",\"room:lobby\",\"phx_join\",{}]", true).join();
            first.sendText("[\"2\",\"2\",\"room:attic\",\"phx_join\",{}]", true).join();
            second.sendText("[\"1\",\"1\",\"room:lobby\",\"phx_join\",{}]", true).join();
            assertThat(one.next()).contains("\"ok\"");
            assertThat(one.next()).contains("\"ok\"");
            assertThat(two.next()).contains("\"ok\"");
            Presence presence = context.getBean(Presence.class);
            Object owner = new Object();
            presence.track(owner, "room:lobby", "ada", Map.of("device", "phone"));
            presence.track(new Object(), "room:lobby", "ada", Map.of("device", "laptop"));
            presence.track(owner, "room:lobby", "bob", Map.of("device", "phone"));

            JsonNode phoenix = get(http, port, "/actuator/phoenix");
            assertThat(phoenix.at("/sockets/UserSocket/websocket").asInt()).isEqualTo(2);
            assertThat(phoenix.at("/channels/room:*").asInt()).isEqualTo(3);
            assertThat(phoenix.at("/presence/topics").asInt()).isEqualTo(1);
            assertThat(phoenix.at("/presence/keys").asInt()).isEqualTo(2);
            assertThat(phoenix.at("/presence/metas").asInt()).isEqualTo(3);
            assertThat(phoenix.at("/presence/byTopic/room:lobby/metas").asInt()).isEqualTo(3);
            assertThat(phoenix.at("/pubsub/node").asString()).isEqualTo("web-1");
            assertThat(phoenix.at("/pubsub/adapter").asString()).isEqualTo("local");
            // room:lobby, room:attic, each socket's own subscriptions and presence's: at least the two rooms
            assertThat(phoenix.at("/pubsub/topics").asInt()).isGreaterThanOrEqualTo(2);
            // The dashboard's figures too: room:lobby's two channel subscriptions lead, nobody dropped, a mailbox per channel.
            assertThat(phoenix.at("/pubsub/topTopics/0/topic").asString()).isEqualTo("room:lobby");
            assertThat(phoenix.at("/pubsub/topTopics/0/subscribers").asInt()).isEqualTo(2);
            assertThat(phoenix.at("/pubsub/nodesSeen").isArray()).isTrue();
            assertThat(phoenix.at("/presence/byNode/web-1/keys").asInt()).isEqualTo(2);
            assertThat(phoenix.at("/presence/byNode/web-1/metas").asInt()).isEqualTo(3);
            assertThat(phoenix.at("/dropped/slow_consumer").asInt()).isZero();
            assertThat(phoenix.at("/mailboxes").size()).isEqualTo(3);
            assertThat(phoenix.at("/mailboxes/0/pattern").asString()).isEqualTo("room:*");

            JsonNode health = get(http, port, "/actuator/health");
            assertThat(health.at("/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/phoenixPubSub/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/phoenixPubSub/details/node").asString()).isEqualTo("web-1");

            second.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline
                    && get(http, port, "/actuator/phoenix").at("/channels/room:*").asInt() != 2) {
                Thread.sleep(50);
            }
            JsonNode after = get(http, port, "/actuator/phoenix");
            assertThat(after.at("/sockets/UserSocket/websocket").asInt()).isEqualTo(1);
            assertThat(after.at("/channels/room:*").asInt()).isEqualTo(2);
        }
    }

    private static JsonNode get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    static final class Frames implements WebSocket.Listener {
        final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                frames.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String frame = frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 5 s").isNotNull();
            return frame;
        }
    }
}
