package io.phoenixspring.autoconfigure.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.live.rendered.Rendered;
import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring Boot application with the auto-configuration, one LiveView bean and a router: the dead render,
 * then the browser's WebSocket with its session cookie and CSRF token, a join and a click.
 */
class LiveViewApplicationTest {

    @SpringBootApplication
    @org.springframework.context.annotation.Import(ClickLive.class)
    static class App {
        @Bean
        Router router(LiveRoutes live) {
            return Router.builder()
                    .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash()).plug(Plugs.protectFromForgery()))
                    .scope("/", s -> s.pipeThrough("browser").get("/clicks", live.route(ClickLive.class)))
                    .build();
        }
    }

    @PhoenixLiveView
    static class ClickLive implements LiveView {
        /** Where the dead render's mount ran: it may block (a database), so never on an event loop. */
        static final java.util.Set<String> deadMountThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            if (!socket.connected()) {
                deadMountThreads.add(Thread.currentThread().getName());
            }
            socket.assign("clicks", 0).assign("page_title", "Clicks");
        }

        @HandleEvent("click")
        void click(LiveSocket socket) {
            socket.update("clicks", (Integer n) -> n + 1);
        }

        @Override
        public Template template() {
            return (assigns, changed) -> Rendered.lazy(List.of("<button id=\"b\" phx-click=\"click\">", "</button>"), track -> {
                List<Object> dynamics = new ArrayList<>();
                dynamics.add(track && changed != null && !changed.contains("clicks") ? null : String.valueOf(assigns.get("clicks")));
                return dynamics;
            }, 1L, true);
        }
    }

    @Test
    void aLiveViewRendersThenJoinsAndClicksThroughTheAutoConfiguration() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).run("--server.port=0",
                "--phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789")) {
            int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/clicks")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(ClickLive.deadMountThreads).isNotEmpty().allSatisfy(thread -> assertThat(thread).startsWith("boundedElastic"));
            String cookie = page.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
            Matcher csrf = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">").matcher(page.body());
            Matcher container = Pattern.compile("<div id=\"(phx-[^\"]+)\" data-phx-main data-phx-session=\"([^\"]+)\" "
                    + "data-phx-static=\"([^\"]+)\"><button id=\"b\" phx-click=\"click\">0</button></div>").matcher(page.body());
            assertThat(csrf.find()).isTrue();
            assertThat(container.find()).as(page.body()).isTrue();
            assertThat(page.body()).contains("<title data-default=\"Live\" data-suffix=\"\">Clicks</title>");

            JsonMapper json = JsonMapper.builder().build();
            try (RawClient socket = RawClient.connectWithHeaders("ws://127.0.0.1:" + port + "/live/websocket?_csrf_token="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&vsn=2.0.0", Map.of("Cookie", cookie))) {
                String topic = "lv:" + container.group(1);
                socket.send(json.writeValueAsString(List.of("4", "4", topic, "phx_join", Map.of(
                        "url", "http://127.0.0.1:" + port + "/clicks", "params", Map.of("_csrf_token", csrf.group(1), "_mounts", 0),
                        "session", container.group(2), "static", container.group(3)))));
                JsonNode joined = json.readTree(socket.next());
                assertThat(joined.get(4).get("response")).isEqualTo(json.readTree(
                        "{\"liveview_version\":\"1.0.19\",\"rendered\":{\"0\":\"0\",\"r\":1,\"s\":[\"<button id=\\\"b\\\" phx-click=\\\"click\\\">\",\"</button>\"],\"t\":\"Clicks\"}}"));
                socket.send(json.writeValueAsString(List.of("4", "5", topic, "event",
                        Map.of("type", "click", "event", "click", "value", Map.of("value", "")))));
                assertThat(json.readTree(socket.next()).get(4)).isEqualTo(json.readTree(
                        "{\"response\":{\"diff\":{\"0\":\"1\"}},\"status\":\"ok\"}"));
            }
        }
    }
}
