package io.phoenixspring.autoconfigure.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleInfo;
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
import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.router.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * One JSON configuration: an application's own serializer for a type (here {@code Money} written
 * as {@code "12.50 EUR"}, registered the Spring Boot way with a {@link JsonMapperBuilderCustomizer})
 * shows up the same in a controller's JSON, a channel push, a reply, a broadcast and a presence
 * meta, over a real server and a real WebSocket.
 */
class OneJsonConfigurationTest {

    record Money(long cents, String currency) {
    }

    static final class MoneySerializer extends StdSerializer<Money> {
        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money money, JsonGenerator generator, SerializationContext context) {
            generator.writeString(String.format(java.util.Locale.ROOT, "%d.%02d %s", money.cents() / 100,
                    money.cents() % 100, money.currency()));
        }
    }

    static final Money PRICE = new Money(1250, "EUR");

    @SpringBootApplication
    @Import({ShopSocket.class, ShopChannel.class, PriceController.class})
    static class App {
        @Bean
        JsonMapperBuilderCustomizer money() {
            return builder -> builder.addModule(new SimpleModule().addSerializer(Money.class, new MoneySerializer()));
        }

        @Bean
        Router router() {
            return Router.builder().scope("/api", scope -> scope.get("/price", PriceController.class, "show")).build();
        }
    }

    @PhoenixController
    static class PriceController {
        Conn show(Conn conn) {
            return Controller.json(conn, Map.of("price", PRICE));
        }
    }

    @PhoenixSocket
    static class ShopSocket implements SocketHandler {
        @Override
        public void channels(ChannelRoutes routes) {
            routes.channel("shop:*", ShopChannel.class);
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            socket.assign("user", params.get("user"));
            return ConnectResult.ok();
        }
    }

    @PhoenixChannel
    static class ShopChannel {
        private final Presence presence;

        ShopChannel(Presence presence) {
            this.presence = presence;
        }

        @Join
        JoinResult join(String topic, Socket socket) {
            socket.send("after join");
            return JoinResult.ok(Map.of("price", PRICE));
        }

        @HandleInfo
        HandleResult afterJoin(Object message, Socket socket) {
            socket.push("price", Map.of("price", PRICE));
            presence.track(socket, socket.assign("user"), Map.of("budget", PRICE));
            socket.push("presence_state", presence.list(socket));
            return HandleResult.noReply();
        }

        @HandleIn("quote")
        HandleResult quote() {
            return HandleResult.ok(Map.of("price", PRICE));
        }
    }

    static ConfigurableApplicationContext app;
    static int port;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(App.class).run("--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-for-phoenix-0123456789",
                "--phoenix.endpoint.check-origin=false");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theApplicationsSerializerAppliesOverHttpAndOverTheChannel() throws Exception {
        HttpResponse<String> http = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/price")).header("accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(http.body()).isEqualTo("{\"price\":\"12.50 EUR\"}");

        try (RawClient frames = RawClient.connect("ws://127.0.0.1:" + port + "/socket/websocket?vsn=2.0.0&user=ada")) {
            frames.send("[\"1\",\"1\",\"shop:1\",\"phx_join\",{}]");
            assertThat(frames.next()).isEqualTo("[\"1\",\"1\",\"shop:1\",\"phx_reply\",{\"response\":{\"price\":\"12.50 EUR\"},\"status\":\"ok\"}]");
            assertThat(frames.next()).isEqualTo("[\"1\",null,\"shop:1\",\"price\",{\"price\":\"12.50 EUR\"}]");
            assertThat(frames.next()).startsWith("[\"1\",null,\"shop:1\",\"presence_state\",{\"ada\":{\"metas\":[{\"budget\":\"12.50 EUR\",");

            frames.send("[\"1\",\"2\",\"shop:1\",\"quote\",{}]");
            assertThat(frames.await(frame -> frame.contains("\"2\""))).isEqualTo("[\"1\",\"2\",\"shop:1\",\"phx_reply\",{\"response\":{\"price\":\"12.50 EUR\"},\"status\":\"ok\"}]");

            app.getBean(Endpoint.class).broadcast("shop:1", "sale", Map.of("price", PRICE)).join();
            assertThat(frames.await(frame -> frame.contains("sale"))).isEqualTo("[null,null,\"shop:1\",\"sale\",{\"price\":\"12.50 EUR\"}]");
        }
    }
}
