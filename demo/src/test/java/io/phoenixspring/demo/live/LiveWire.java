package io.phoenixspring.demo.live;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the official client does, in raw frames (JDK HTTP and WebSocket clients): GET a page keeping
 * its session cookie (the dead render), open {@code /live/websocket} with the page's CSRF token and
 * the cookie, join {@code lv:<container id>} and push events, reading V2 JSON frames.
 */
final class LiveWire implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
    private static final Pattern CONTAINER = Pattern.compile(
            "<div id=\"(phx-[^\"]+)\" data-phx-main data-phx-session=\"([^\"]+)\" data-phx-static=\"([^\"]+)\">");

    /** A dead-rendered page: the values the client joins with. */
    record Page(String url, String html, String csrfToken, String id, String session, String staticToken) {
        String topic() {
            return "lv:" + id;
        }

        /** The container's inner HTML: what the join's rendered tree must produce. */
        String containerHtml() {
            int start = html.indexOf('>', html.indexOf("data-phx-main")) + 1;
            int end = html.lastIndexOf("</div>\n    </main>");
            return html.substring(start, end);
        }
    }

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
    final Map<String, String> cookies = new LinkedHashMap<>();
    private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final AtomicInteger ref = new AtomicInteger(4);
    private WebSocket socket;

    LiveWire(int port) {
        this.port = port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(WAIT);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("set-cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return response;
    }

    Page page(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode() + "\n" + response.body());
        }
        Matcher csrf = CSRF.matcher(response.body());
        Matcher container = CONTAINER.matcher(response.body());
        if (!csrf.find() || !container.find()) {
            throw new AssertionError("GET " + path + ": no csrf meta tag or LiveView container\n" + response.body());
        }
        return new Page(url(path), response.body(), csrf.group(1), container.group(1),
                container.group(2).replace("&amp;", "&"), container.group(3).replace("&amp;", "&"));
    }

    String cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }

    /** Opens the {@code /live} WebSocket as the page's script does. */
    LiveWire connect(String csrfToken) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookieHeader());
        }
        socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/live/websocket?_csrf_token="
                + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8) + "&_mounts=0&vsn=2.0.0"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
        return this;
    }

    static String frame(String joinRef, String ref, String topic, String event, Object payload) {
        return JSON.writeValueAsString(Arrays.asList(joinRef, ref, topic, event, payload));
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** Sends a binary push (an upload chunk) as the client encodes it: kind 0, four lengths, the fields, the bytes. */
    void sendBinary(String joinRef, String ref, String topic, String event, byte[] payload) {
        byte[][] fields = {joinRef.getBytes(StandardCharsets.UTF_8), ref.getBytes(StandardCharsets.UTF_8),
            topic.getBytes(StandardCharsets.UTF_8), event.getBytes(StandardCharsets.UTF_8)};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0);
        for (byte[] field : fields) {
            out.write(field.length);
        }
        for (byte[] field : fields) {
            out.writeBytes(field);
        }
        out.writeBytes(payload);
        socket.sendBinary(java.nio.ByteBuffer.wrap(out.toByteArray()), true).join();
    }

    /** Joins the page's view ({@code url}, first mount) with join ref "4"; returns the reply's payload. */
    JsonNode join(Page page) throws InterruptedException {
        return join("4", page, Map.of("url", page.url()));
    }

    /** A join with {@code url} or {@code redirect} (+ {@code flash}) as {@code how} says. */
    JsonNode join(String joinRef, Page page, Map<String, Object> how) throws InterruptedException {
        Map<String, Object> payload = new LinkedHashMap<>(how);
        payload.put("params", Map.of("_csrf_token", page.csrfToken(), "_mounts", 0, "_mount_attempts", 0));
        payload.put("session", page.session());
        payload.put("static", page.staticToken());
        send(frame(joinRef, joinRef, page.topic(), "phx_join", payload));
        return reply(joinRef);
    }

    /** Pushes an event on the page's topic; returns the reply's payload ({@code {"status", "response"}}). */
    JsonNode push(String joinRef, Page page, String event, Object payload) throws InterruptedException {
        String r = String.valueOf(ref.incrementAndGet() + 10);
        send(frame(joinRef, r, page.topic(), event, payload));
        return reply(r);
    }

    /** A click event's frame payload as the client sends it ({@code phx-value-*} plus {@code value: ""}). */
    static Map<String, Object> click(String event, Map<String, String> values) {
        Map<String, Object> value = new LinkedHashMap<>(values);
        value.put("value", "");
        return Map.of("type", "click", "event", event, "value", value);
    }

    static Map<String, Object> form(String event, String urlEncoded) {
        return Map.of("type", "form", "event", event, "value", urlEncoded);
    }

    JsonNode reply(String r) throws InterruptedException {
        return await(frame -> "phx_reply".equals(frame.get(3).asString()) && r.equals(frame.get(1).asString(null))).get(4);
    }

    /** The payload of the next server push with this event (ref null). */
    JsonNode push(String event) throws InterruptedException {
        return await(frame -> event.equals(frame.get(3).asString()) && frame.get(1).isNull()).get(4);
    }

    /** The first frame, received or still to come, that matches; frames skipped stay for later awaits. */
    JsonNode await(Predicate<JsonNode> wanted) throws InterruptedException {
        for (int i = 0; i < seen.size(); i++) {
            JsonNode frame = JSON.readTree(seen.get(i));
            if (wanted.test(frame)) {
                seen.remove(i);
                return frame;
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String text = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (text == null) {
                throw new AssertionError("no such frame within " + WAIT + "; unmatched: " + seen);
            }
            JsonNode frame = JSON.readTree(text);
            if (wanted.test(frame)) {
                return frame;
            }
            seen.add(text);
        }
    }

    /** Nothing (but heartbeats) arrives for a moment. */
    List<String> quietFor(Duration duration) throws InterruptedException {
        List<String> extra = new ArrayList<>(seen);
        long deadline = System.nanoTime() + duration.toNanos();
        String text;
        while ((text = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            extra.add(text);
        }
        return extra;
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
            socket.abort();
        }
    }
}
