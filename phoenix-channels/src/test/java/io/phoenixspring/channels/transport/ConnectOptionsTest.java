package io.phoenixspring.channels.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.endpoint.SocketHandlerMapping;
import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.server.ChannelsMetrics;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectRefusal;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.OriginCheck;
import io.phoenixspring.channels.socket.SessionReader;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.channels.socket.TransportOptions;
import io.phoenixspring.channels.support.LogCapture;
import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * What a socket decides before {@code connect} and how it refuses, as Phoenix's socket options:
 * {@code check_origin: :conn} and a function, {@code subprotocols}, {@code :error_handler}, per-socket
 * transport options, the browser session with its CSRF rule, and the request's user.
 */
class ConnectOptionsTest {

    /** A principal the test's filter puts on the exchange, as Spring Security's filter chain does. */
    private record User(String getName) implements Principal {
    }

    private record RateLimited(int seconds) {
    }

    /** A socket recording each connect's info; refuses "limited" with a reason its error handler maps to 429. */
    static class RecordingSocket implements SocketHandler {
        final List<ConnectInfo> connects = new CopyOnWriteArrayList<>();
        UnaryOperator<TransportOptions> options = UnaryOperator.identity();

        @Override
        public void channels(ChannelRoutes routes) {
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            connects.add(info);
            if ("limited".equals(params.get("user"))) {
                return ConnectResult.error(new RateLimited(10));
            }
            return "no".equals(params.get("user")) ? ConnectResult.error("nope") : ConnectResult.ok();
        }

        @Override
        public TransportOptions transportOptions(TransportOptions defaults) {
            return options.apply(defaults);
        }

        @Override
        public ConnectRefusal handleError(ConnectInfo info, Object reason) {
            if (reason instanceof RateLimited limited) {
                return ConnectRefusal.status(429).withHeader("retry-after", String.valueOf(limited.seconds()))
                        .withBody("text/plain", "too many connections");
            }
            if (ConnectResult.UNAUTHENTICATED.equals(reason)) {
                return ConnectRefusal.status(401).withBody("application/json", "{\"error\":\"sign in\"}");
            }
            return ConnectRefusal.forbidden();
        }
    }

    private static final SessionReader SESSIONS = SessionReader.of("_app_key",
            cookie -> cookie.startsWith("valid-") ? Map.of("user_id", cookie.substring(6), "_csrf_token", "secret") : null,
            (stored, given) -> stored.equals(given));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<AutoCloseable> closing = new ArrayList<>();
    private RecordingSocket socket;
    private int port;

    private void start(UnaryOperator<TransportOptions> options, boolean session, boolean authenticated) {
        PubSub pubSub = PubSub.builder().build();
        SocketRuntime runtime = SocketRuntime.builder(pubSub).metrics(ChannelsMetrics.noop()).sessions(SESSIONS).build();
        socket = new RecordingSocket();
        socket.options = options;
        MountedSocket mount = MountedSocket.of("/socket", socket, true, true, java.util.Set.of(),
                TransportOptions.defaults().withCheckOrigin(OriginCheck.allow(List.of("//localhost"))),
                type -> null).withConnectInfo(session, authenticated);
        SocketHandlerMapping mapping = new SocketHandlerMapping(runtime, List.of(mount), PhoenixToken.of(
                "test-secret-key-base-0123456789-test-secret-key-base-0123456789ab"));
        Map<String, WebHandler> handlers = mapping.handlers();
        WebHandler router = exchange -> handlers.get(exchange.getRequest().getPath().value()).handle(exchange);
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.webHandler(router)
                        .filter((exchange, chain) -> {
                            // The unit seam for an authenticated request: a header names the user.
                            String user = exchange.getRequest().getHeaders().getFirst("x-test-user");
                            return chain.filter(user == null ? exchange : exchange.mutate().principal(
                                    reactor.core.publisher.Mono.just(new User(user))).build());
                        }).build()))
                .bindNow();
        port = server.port();
        closing.add(server::disposeNow);
        closing.add(mapping::destroy);
        closing.add(runtime);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private String ws(String query) {
        return "ws://127.0.0.1:" + port + "/socket/websocket?vsn=2.0.0&" + query;
    }

    @Test
    void checkOriginConnAllowsThePagesOwnOriginOnly() {
        start(options -> options.withCheckOrigin(OriginCheck.CONN), false, false);
        try (RawClient ok = RawClient.connect(ws("user=a"), "http://127.0.0.1:" + port)) {
            assertThat(socket.connects).hasSize(1);
        }
        assertThat(RawClient.refusal(ws("user=a"), "http://127.0.0.1:" + (port + 1))).isEqualTo(403);
        assertThat(RawClient.refusal(ws("user=a"), "https://127.0.0.1:" + port)).isEqualTo(403);
        assertThat(RawClient.refusal(ws("user=a"), "http://localhost:" + port)).isEqualTo(403);
        assertThat(socket.connects).hasSize(1);
    }

    @Test
    void checkOriginFunctionDecidesOnTheParsedOrigin() {
        start(options -> options.withCheckOrigin(OriginCheck.of(origin -> origin.getHost().endsWith(".tenant.test"))), false, false);
        try (RawClient ok = RawClient.connect(ws("user=a"), "https://acme.tenant.test")) {
            assertThat(socket.connects).hasSize(1);
        }
        assertThat(RawClient.refusal(ws("user=a"), "https://evil.test")).isEqualTo(403);
        assertThat(RawClient.refusal(ws("user=a"), "not a uri")).isEqualTo(403);
    }

    @Test
    void perSocketOptionsOverrideTheEndpointsDefaults() {
        start(options -> options.withCheckOrigin(OriginCheck.OFF).withMaxFrameSize(1024), false, false);
        // The endpoint allowed //localhost only; this socket turned the check off.
        try (RawClient client = RawClient.connect(ws("user=a"), "https://anywhere.test")) {
            client.send("[\"1\",\"1\",\"phoenix\",\"heartbeat\",{\"pad\":\"" + "x".repeat(2000) + "\"}]");
            assertThat(client.closeCode(java.time.Duration.ofSeconds(5))).isEqualTo(1009);
        }
    }

    @Test
    void subprotocolsAnswerWithTheFirstConfiguredOneTheClientAsksFor() throws IOException {
        start(options -> options.withSubprotocols(List.of("mqtt", "v2.mqtt")), false, false);
        try (RawClient client = RawClient.connect(ws("user=a"), null, "v2.mqtt", "mqtt")) {
            assertThat(client.subprotocol()).isEqualTo("mqtt");
        }
        try (RawClient client = RawClient.connect(ws("user=a"), null)) {
            assertThat(client.subprotocol()).isEmpty();
        }
        try (LogCapture log = new LogCapture()) {
            assertThat(upgrade("/socket/websocket?vsn=2.0.0&user=a", Map.of("Sec-WebSocket-Protocol", "stomp")).status)
                    .isEqualTo(403);
            assertThat(log.warnings()).anySatisfy(line -> assertThat(line).contains("subprotocols [stomp]").contains("[mqtt, v2.mqtt]"));
        }
    }

    @Test
    void theErrorHandlerChoosesStatusHeadersAndBodyOfARefusedUpgrade() throws Exception {
        start(UnaryOperator.identity(), false, false);
        Answer limited = upgrade("/socket/websocket?vsn=2.0.0&user=limited", Map.of());
        assertThat(limited.status).isEqualTo(429);
        assertThat(limited.headers).containsEntry("retry-after", "10").containsEntry("content-type", "text/plain");
        assertThat(limited.body).isEqualTo("too many connections");
        assertThat(upgrade("/socket/websocket?vsn=2.0.0&user=no", Map.of()).status).isEqualTo(403);
        // Long-poll answers as the JS client understands, whatever the handler says.
        assertThat(longpoll("user=limited", null).body()).contains("\"status\":403");
    }

    @Test
    void anAuthenticatedSocketRefusesAnonymousRequestsBeforeConnect() throws Exception {
        start(UnaryOperator.identity(), false, true);
        Answer anonymous = upgrade("/socket/websocket?vsn=2.0.0&user=a", Map.of());
        assertThat(anonymous.status).isEqualTo(401);
        assertThat(anonymous.body).isEqualTo("{\"error\":\"sign in\"}");
        assertThat(longpoll("user=a", null).body()).contains("\"status\":403");
        assertThat(socket.connects).isEmpty();

        try (RawClient client = RawClient.connectWithHeaders(ws("user=a"), Map.of("x-test-user", "alice"))) {
            assertThat(socket.connects).singleElement().satisfies(info -> {
                assertThat(info.principal().getName()).isEqualTo("alice");
                assertThat(info.authenticated()).isTrue();
            });
        }
    }

    @Test
    void aLongPollSessionAnswersOnlyTheUserWhoOpenedIt() throws Exception {
        start(options -> options.withLongpollWindow(java.time.Duration.ofMillis(300)), false, true);
        HttpResponse<String> opened = longpoll("user=a", "alice");
        assertThat(opened.body()).contains("\"status\":410");
        String token = opened.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(longpoll("user=a&token=" + token, "alice").body()).contains("\"status\":204");
        try (LogCapture log = new LogCapture()) {
            assertThat(longpoll("user=a&token=" + token, "mallory").body()).isEqualTo("{\"status\":403}");
            assertThat(longpoll("user=a&token=" + token, null).body()).isEqualTo("{\"status\":403}");
            assertThat(log.warnings()).anySatisfy(line -> assertThat(line).contains("belongs to another user"));
        }
        assertThat(longpoll("user=a&token=" + token, "alice").body()).contains("\"status\":204");
    }

    @Test
    void theSessionReachesConnectOnlyWithTheMatchingCsrfToken() throws Exception {
        start(UnaryOperator.identity(), true, false);
        try (RawClient client = RawClient.connectWithHeaders(ws("user=a&_csrf_token=secret"),
                Map.of("Cookie", "_app_key=valid-42"))) {
            assertThat(socket.connects).singleElement()
                    .satisfies(info -> assertThat(info.session()).containsEntry("user_id", "42"));
        }
        // No cookie (or a forged one): connect runs without a session, as Phoenix gives nil.
        try (RawClient client = RawClient.connectWithHeaders(ws("user=a"), Map.of("Cookie", "_app_key=forged"))) {
            assertThat(socket.connects).hasSize(2);
            assertThat(socket.connects.get(1).session()).isNull();
        }
        try (LogCapture log = new LogCapture()) {
            assertThat(upgrade("/socket/websocket?vsn=2.0.0&user=a&_csrf_token=wrong", Map.of("Cookie", "_app_key=valid-42"))
                    .status).isEqualTo(403);
            assertThat(upgrade("/socket/websocket?vsn=2.0.0&user=a", Map.of("Cookie", "_app_key=valid-42")).status)
                    .isEqualTo(403);
            assertThat(longpoll("user=a&_csrf_token=wrong", null, "_app_key=valid-42").body()).contains("\"status\":403");
            assertThat(log.warnings()).filteredOn(line -> line.contains("_csrf_token")).hasSize(3);
        }
        assertThat(socket.connects).hasSize(2);
        assertThat(longpoll("user=a&_csrf_token=secret", null, "_app_key=valid-42").body()).contains("\"status\":410");
        assertThat(socket.connects.get(2).session()).containsEntry("user_id", "42");
    }

    // ---- raw HTTP ----

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    /** A WebSocket upgrade request over a plain socket, to read a refusal's status, headers and body. */
    private Answer upgrade(String target, Map<String, String> extra) throws IOException {
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", port)) {
            raw.setSoTimeout(5000);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
            extra.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            OutputStream out = raw.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = raw.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    private HttpResponse<String> longpoll(String query, String user) throws IOException, InterruptedException {
        return longpoll(query, user, null);
    }

    private HttpResponse<String> longpoll(String query, String user, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/socket/longpoll?vsn=2.0.0&" + query));
        if (user != null) {
            request.header("x-test-user", user);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
