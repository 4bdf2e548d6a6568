package io.phoenixspring.live.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.live.support.Browser;
import io.phoenixspring.live.support.CounterLive;
import io.phoenixspring.live.support.HandTemplates;
import io.phoenixspring.live.support.LiveServer;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The /live socket over long-poll: the session cookie and CSRF token are read there too. */
class LongPollTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aLiveViewJoinsAndHandlesClicksOverLongPoll() throws Exception {
        try (LiveServer server = LiveServer.builder().view(new CounterLive(), HandTemplates.COUNTER)
                .router(live -> Router.builder()
                        .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.protectFromForgery()))
                        .scope("/", s -> s.pipeThrough("browser").get("/counter", live.route(CounterLive.class)))
                        .build())
                .start(); Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/counter?start=2");
            String base = server.url("/live/longpoll?vsn=2.0.0&_csrf_token=" + URLEncoder.encode(page.csrfToken(), StandardCharsets.UTF_8));
            JsonNode opened = get(base, browser);
            assertThat(opened.get("status").asInt()).isEqualTo(410);
            String polling = base + "&token=" + URLEncoder.encode(opened.get("token").asString(), StandardCharsets.UTF_8);
            post(polling, browser, Browser.joinFrame("4", page, 0) + "\n"
                    + Browser.frame("4", "5", page.topic(), "event", Map.of("type", "click", "event", "inc", "value", Map.of())));
            StringBuilder frames = new StringBuilder();
            for (int i = 0; i < 5 && !frames.toString().contains("Count 3"); i++) {
                for (JsonNode message : get(polling, browser).get("messages")) {
                    frames.append(message.asString()).append('\n');
                }
            }
            assertThat(frames.toString()).contains("\"liveview_version\":\"1.0.19\"").contains("\"t\":\"Count 2\"")
                    .contains("{\"diff\":{\"0\":\"3\",\"t\":\"Count 3\"}}");
        }
    }

    private static JsonNode get(String url, Browser browser) throws Exception {
        return Browser.json(HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", browser.cookieHeader()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void post(String url, Browser browser, String body) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", browser.cookieHeader())
                .header("content-type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
