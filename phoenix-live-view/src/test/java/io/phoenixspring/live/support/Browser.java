package io.phoenixspring.live.support;

import io.phoenixspring.channels.support.RawClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the browser does in the tests: plain GETs keeping cookies (the dead render), then the
 * {@code /live} WebSocket with the page's CSRF token and cookie, and raw V2 frames on it.
 */
public final class Browser implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A dead-rendered page. */
    public record Page(int status, String html, Document document, String csrfToken, String id, String session,
            String staticToken, String url, Map<String, List<String>> headers) {

        public String topic() {
            return "lv:" + id;
        }

        public Element container() {
            return document.getElementById(id);
        }
    }

    private final LiveServer server;
    public final Map<String, String> cookies = new LinkedHashMap<>();
    private RawClient socket;
    private final AtomicInteger ref = new AtomicInteger(3);

    public Browser(LiveServer server) {
        this.server = server;
    }

    public Page get(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(10));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookieHeader());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("set-cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                if (value.isEmpty()) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
            Document document = Jsoup.parse(response.body());
            Element meta = document.selectFirst("meta[name=csrf-token]");
            Element main = document.selectFirst("[data-phx-main]");
            return new Page(response.statusCode(), response.body(), document, meta == null ? null : meta.attr("content"),
                    main == null ? null : main.id(), main == null ? null : main.attr("data-phx-session"),
                    main == null ? null : main.attr("data-phx-static"), server.url(path), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }

    /** Opens the {@code /live} WebSocket as the page's script does. */
    public RawClient connect(String csrfToken) {
        socket = RawClient.connectWithHeaders(server.wsUrl(csrfToken), cookies.isEmpty() ? Map.of() : Map.of("Cookie", cookieHeader()));
        return socket;
    }

    public RawClient socket() {
        return socket;
    }

    /** The join frame the client sends for a dead-rendered page. */
    public static String joinFrame(String joinRef, Page page, int mounts) {
        return frame(joinRef, joinRef, page.topic(), "phx_join", Map.of("url", page.url(), "params",
                Map.of("_csrf_token", page.csrfToken(), "_mounts", mounts, "_mount_attempts", 0), "session", page.session(),
                "static", page.staticToken()));
    }

    public static String frame(String joinRef, String ref, String topic, String event, Object payload) {
        return JSON.writeValueAsString(java.util.Arrays.asList(joinRef, ref, topic, event, payload));
    }

    /** Joins the page's view on the open socket and returns the reply frame. */
    public JsonNode join(Page page) {
        socket.send(joinFrame("4", page, 0));
        return reply("4");
    }

    /** Sends an event on the page's topic and returns its reply frame. */
    public JsonNode push(String joinRef, Page page, String event, Object payload) {
        String r = String.valueOf(ref.incrementAndGet() + 10);
        socket.send(frame(joinRef, r, page.topic(), event, payload));
        return reply(r);
    }

    /** The next frame that is the reply to {@code ref}. */
    public JsonNode reply(String ref) {
        return JSON.readTree(socket.await(frame -> ref.equals(JSON.readTree(frame).get(1).asString(null))
                && "phx_reply".equals(JSON.readTree(frame).get(3).asString())));
    }

    /** The next frame with this event. */
    public JsonNode awaitEvent(String event) {
        return JSON.readTree(socket.await(frame -> event.equals(JSON.readTree(frame).get(3).asString())));
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
        }
    }
}
