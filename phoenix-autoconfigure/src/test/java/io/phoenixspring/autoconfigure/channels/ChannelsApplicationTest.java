package io.phoenixspring.autoconfigure.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.token.TokenOptions;
import io.phoenixspring.token.TokenResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application with nothing but the auto-configuration, a secret key base, one
 * socket and one channel, driven over a real WebSocket; then shut down with the drainer.
 */
class ChannelsApplicationTest {

    // Test-nested classes are not component-scanned, so the app imports its socket and channel.
    @SpringBootApplication
    @org.springframework.context.annotation.Import({UserSocket.class, RoomChannel.class})
    static class App {
    }

    @PhoenixSocket(longpoll = true)
    static class UserSocket implements SocketHandler {
        private final PhoenixToken tokens;

        UserSocket(PhoenixToken tokens) {
            this.tokens = tokens;
        }

        @Override
        public void channels(ChannelRoutes routes) {
            routes.channel("room:*", RoomChannel.class);
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            TokenResult result = tokens.verify("user socket", params.get("token"), TokenOptions.maxAge(86400));
            if (!(result instanceof TokenResult.Ok ok)) {
                return ConnectResult.error("invalid token");
            }
            socket.assign("user", ok.data());
            return ConnectResult.ok();
        }
    }

    @PhoenixChannel
    static class RoomChannel {
        @Join
        JoinResult join(String topic, Socket socket) {
            return JoinResult.ok(Map.of("user", socket.assign("user")));
        }

        @HandleIn("ping")
        HandleResult ping(Object payload) {
            return HandleResult.ok(payload);
        }
    }

    @Test
    void socketChannelAndEndpointWorkAndShutdownDrainsSockets() throws Exception {
        // The app is started and stopped here, not by the test framework, because stopping it is part of the test.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--phoenix.endpoint.secret-key-base=" + ChannelsAutoConfigurationTest.SECRET,
                "--phoenix.endpoint.check-origin=//localhost",
                "--phoenix.endpoint.sockets.drainer.batch-interval=10ms");
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        PhoenixToken tokens = context.getBean(PhoenixToken.class);
        Endpoint endpoint = context.getBean(Endpoint.class);
        Client client = new Client();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket/websocket?vsn=2.0.0&token="
                        + tokens.sign("user socket", "ada")), client).join();
        ws.sendText("[\"1\",\"1\",\"room:lobby\",\"phx_join\",{}]", true).join();
        assertThat(client.next()).isEqualTo("[\"1\",\"1\",\"room:lobby\",\"phx_reply\",{\"response\":{\"user\":\"ada\"},\"status\":\"ok\"}]");
        ws.sendText("[\"1\",\"2\",\"room:lobby\",\"ping\",{\"n\":1}]", true).join();
        assertThat(client.next()).isEqualTo("[\"1\",\"2\",\"room:lobby\",\"phx_reply\",{\"response\":{\"n\":1},\"status\":\"ok\"}]");
        endpoint.broadcast("room:lobby", "news", Map.of("from", "server")).join();
        assertThat(client.next()).isEqualTo("[null,null,\"room:lobby\",\"news\",{\"from\":\"server\"}]");

        context.close();
        assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1012);
    }

    @Test
    void aLongPollPreflightFromAnotherOriginIsAnsweredWithCorsHeaders() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--phoenix.endpoint.secret-key-base=" + ChannelsAutoConfigurationTest.SECRET)) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            // What a browser asks before POSTing application/x-ndjson from a page on another origin.
            HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/socket/longpoll?vsn=2.0.0"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:4000")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(preflight.headers().firstValue("access-control-allow-origin")).contains("*");
            assertThat(preflight.headers().firstValue("access-control-allow-methods").orElse(""))
                    .containsIgnoringCase("post");
            assertThat(preflight.headers().firstValue("access-control-allow-headers")).contains("content-type");
            assertThat(preflight.headers().firstValue("access-control-max-age")).contains("3600");
        }
    }

    static final class Client implements WebSocket.Listener {
        final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
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

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        String next() throws InterruptedException {
            String frame = frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 5 s").isNotNull();
            return frame;
        }
    }
}
