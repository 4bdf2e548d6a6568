package io.phoenixspring.web.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.web.support.BothFormatsApp;
import io.phoenixspring.web.support.CapturedLogs;
import io.phoenixspring.web.support.RawHttp;
import io.phoenixspring.web.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests a client got wrong, over a real socket: a content-type that does not parse and a
 * chunked body that does not decode get a client error in the router's error format (JSON or
 * page by accept) and cost at most one log line each, never a stack trace.
 */
class MalformedRequestsOverHttpTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(BothFormatsApp.class, BothFormatsApp.DebugOff.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String post(String path, String accept, String contentType, String body) {
        return RawHttp.firstResponse(server.port(), "POST " + path + " HTTP/1.1\r\nhost: localhost\r\naccept: " + accept
                + "\r\ncontent-type: " + contentType + "\r\ncontent-length: " + body.length() + "\r\n\r\n" + body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=bogus", "application/json; charset=",
            "application/json; charset=\"utf-8", "/json", "application/json; =x", "text/plain; charset=bogus"})
    void aContentTypeThatDoesNotParseIsUnsupportedMediaTypeInOurFormat(String contentType) {
        try (CapturedLogs logs = new CapturedLogs()) {
            String json = post("/api/echo", "application/json", contentType, "{\"body\":\"hi\"}");
            assertThat(json).startsWith("HTTP/1.1 415 Unsupported Media Type\r\n")
                    .contains("content-type: application/json; charset=utf-8")
                    .endsWith("\r\n\r\n{\"errors\":{\"detail\":\"Unsupported Media Type\"}}");
            String page = post("/echo", "text/html", contentType, "body=hi");
            assertThat(page).startsWith("HTTP/1.1 415 Unsupported Media Type\r\n")
                    .contains("content-type: text/html; charset=utf-8").contains("<h1>Unsupported Media Type</h1>");
            assertThat(logs.warnings()).as(logs.describe()).isEmpty();
            assertThat(logs.withStackTraces()).as(logs.describe()).isEmpty();
        }
    }

    @Test
    void wellFormedContentTypesStillReachTheAction() {
        String json = post("/api/echo", "application/json", "application/json; charset=utf-8", "{\"body\":\"hi\"}");
        assertThat(json).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"params\":{\"body\":\"hi\"}}");
        // RFC 9110 allows empty parameters (parameters = *( OWS ";" OWS [ parameter ] )): a text body, not parsed.
        String text = post("/api/echo", "application/json", "text/plain;;;", "body=hi");
        assertThat(text).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"params\":{}}");
    }

    @Test
    void aChunkedBodyWithABadChunkSizeIsBadRequestWithOneQuietLogLineAtMost() throws Exception {
        try (CapturedLogs logs = new CapturedLogs(); Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/echo HTTP/1.1\r\nhost: localhost\r\naccept: application/json\r\n"
                    + "content-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{\"body\":\"hi\"}\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String response = RawHttp.readResponse(in);
            assertThat(response).startsWith("HTTP/1.1 400 Bad Request\r\n");
            // The stream cannot be trusted after a broken chunk: the server closes it.
            assertThat(readToEnd(in)).isEmpty();
            Thread.sleep(300);
            assertThat(logs.warnings()).as(logs.describe()).hasSizeLessThanOrEqualTo(1);
            assertThat(logs.withStackTraces()).as(logs.describe()).isEmpty();
        }
    }

    private static String readToEnd(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
