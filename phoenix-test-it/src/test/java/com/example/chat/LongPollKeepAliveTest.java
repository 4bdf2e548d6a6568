package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.token.PhoenixToken;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's long-poll session, request by request as the official client's {@code longpoll.js}
 * makes them, over ONE kept-alive HTTP/1.1 connection to the running app: the page comes from
 * another origin, so before each heartbeat POST (its {@code application/x-ndjson} body is not a
 * "simple" request) the browser asks with a CORS preflight. Every round must be answered on that
 * connection: Reactor Netty before 1.3.8 stops reading a keep-alive connection after a response
 * written off the event loop (reactor-netty #4361), and long-poll answers come from PubSub's
 * threads, so such a server left some rounds unanswered (143 of 150 on Boot 4.0.7's 1.3.6).
 * This app's Reactor Netty is the one Spring Boot's parent and our BOM give users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LongPollKeepAliveTest {

    private static final int ROUNDS = 150;
    /** The page's origin: another port than the app's, so cross-origin (and allowed: the url host is localhost). */
    private static final String ORIGIN = "http://localhost:4000";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    PhoenixToken tokens;

    @Test
    void everyRoundOfABrowsersLongPollSessionIsAnsweredOnOneKeptAliveConnection() throws IOException {
        // As the JS client builds it: the socket's params and vsn, then the session token appended (the last one wins).
        String endpoint = "/socket/longpoll?token=" + tokens.sign("user socket", "ada") + "&vsn=2.0.0";
        try (Http11Connection http = new Http11Connection(port)) {
            Map<?, ?> opened = http.json("GET", endpoint, Map.of("Accept", "application/json"), null);
            assertThat(opened.get("status")).as("the open answer").isEqualTo(410);
            String session = endpoint + "&token=" + opened.get("token");

            int answered = 0;
            String stalledAt = null;
            for (int round = 1; round <= ROUNDS && stalledAt == null; round++) {
                try {
                    roundTrip(http, session, String.valueOf(round));
                    answered++;
                } catch (SocketTimeoutException e) {
                    stalledAt = "round " + round + ": " + http.lastRequest + " was not answered in 5 s";
                }
            }
            assertThat(answered).as("rounds answered on one kept-alive connection (%s)", stalledAt).isEqualTo(ROUNDS);
            assertThat(http.requests).isEqualTo(1 + 3 * ROUNDS);
        }
    }

    /** Preflight, heartbeat POST, then polls until the heartbeat's reply comes back. */
    private static void roundTrip(Http11Connection http, String session, String ref) throws IOException {
        Http11Connection.Response preflight = http.exchange("OPTIONS", session, Map.of(
                "Accept", "*/*",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type"), null);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.headers()).containsEntry("access-control-allow-origin", "*")
                .containsEntry("access-control-allow-headers", "content-type");
        assertThat(preflight.headers().get("access-control-allow-methods")).containsIgnoringCase("post");

        String heartbeat = "[null,\"" + ref + "\",\"phoenix\",\"heartbeat\",{}]";
        Map<?, ?> posted = http.json("POST", session, Map.of("Accept", "*/*", "Content-Type", "application/x-ndjson"),
                heartbeat);
        assertThat(posted.get("status")).as("the POST's answer").isEqualTo(200);

        // The reply may reach the session just after the POST is answered; then the poll waits for it.
        Map<?, ?> polled = http.json("GET", session, Map.of("Accept", "application/json"), null);
        assertThat(polled.get("status")).as("the poll's answer").isEqualTo(200);
        List<?> messages = (List<?>) polled.get("messages");
        assertThat(messages).hasSize(1);
        List<Object> reply = JSON.readValue((String) messages.get(0), JSON.getTypeFactory().constructCollectionType(List.class, Object.class));
        assertThat(reply).containsExactly(null, ref, "phoenix", "phx_reply", Map.of("status", "ok", "response", Map.of()));
    }

    /** One HTTP/1.1 connection, written and read by hand so that nothing can open a second one. */
    static final class Http11Connection implements AutoCloseable {

        record Response(int status, Map<String, String> headers, String body) {
        }

        private final int port;
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        int requests;
        String lastRequest;

        Http11Connection(int port) throws IOException {
            this.port = port;
            this.socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream());
        }

        Map<?, ?> json(String method, String target, Map<String, String> headers, String body) throws IOException {
            Response response = exchange(method, target, headers, body);
            assertThat(response.status()).as("%s %s", method, target).isEqualTo(200);
            assertThat(response.headers().get("content-type")).startsWith("application/json");
            return JSON.readValue(response.body(), Map.class);
        }

        Response exchange(String method, String target, Map<String, String> headers, String body) throws IOException {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: keep-alive\r\n")
                    .append("Origin: ").append(ORIGIN).append("\r\n")
                    .append("Referer: ").append(ORIGIN).append("/\r\n")
                    .append("User-Agent: Mozilla/5.0 (X11; Linux x86_64) LongPollKeepAliveTest\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            lastRequest = method + " " + target.substring(0, target.indexOf('?'));
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            requests++;
            Response response = read();
            assertThat(response.headers().getOrDefault("connection", "keep-alive"))
                    .as("the server keeps the connection").isNotEqualToIgnoringCase("close");
            return response;
        }

        private Response read() throws IOException {
            String statusLine = line();
            assertThat(statusLine).startsWith("HTTP/1.1 ");
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
            } else {
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] bytes = in.readNBytes(length);
                assertThat(bytes).as("the body").hasSize(length);
                body.write(bytes);
            }
            return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the server closed the connection");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
