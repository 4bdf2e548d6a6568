package io.phoenixspring.web.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.phoenixspring.web.endpoint.DefaultErrorView;
import io.phoenixspring.web.support.DemoApp;
import io.phoenixspring.web.support.DemoAppOverHttp;
import io.phoenixspring.web.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The file_uploads guide over real HTTP: a multipart form's fields and files reach the action as
 * params (files as Uploads, names nested as Plug nests them), the files are gone once the response
 * is sent, and bodies past the endpoint's limit or not multipart at all get Phoenix's error statuses.
 */
class UploadsOverHttpTest extends DemoAppOverHttp {

    /** Writes the request while reading the answer: a server that refuses a body answers before reading it all. */
    private static String sendWhileReading(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                } catch (java.io.IOException refused) {
                    // The server closed the connection after answering: the rest of the body is not wanted.
                }
            });
            writer.start();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = socket.getInputStream().read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // A reset after the answer: what was read is the answer.
            }
            writer.join(10_000);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static ByteArrayResource file(String filename, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return filename;
            }
        };
    }

    @Test
    void fieldsAndFilesArriveAsParamsAndTheFilesAreDeletedAfterTheResponse() {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("product[title]", "Lamp");
        form.part("product[photo]", file("lamp.png", "not really a png")).contentType(MediaType.IMAGE_PNG);
        form.part("note", file("notes été.txt", "second file"));
        form.part("tags[]", "a");
        form.part("tags[]", "b");

        Map<?, ?> body = client.post().uri("/api/uploads")
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(body).isEqualTo(Map.of(
                "product", Map.of("title", "Lamp",
                        "photo", Map.of("filename", "lamp.png", "content_type", "image/png", "content", "not really a png")),
                "note", Map.of("filename", "notes été.txt", "content_type", "text/plain", "content", "second file"),
                "tags", List.of("a", "b")));
        List<Path> uploads = server.bean(DemoApp.UploadController.class).seen;
        assertThat(uploads).hasSizeGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> uploads.stream().noneMatch(Files::exists));
    }

    @Test
    void aFileInputLeftEmptyIsSkippedAsPlugSkipsIt() {
        // What a browser sends for a form whose file input was left empty.
        String form = "--XX\r\ncontent-disposition: form-data; name=\"title\"\r\n\r\nno photo\r\n"
                + "--XX\r\ncontent-disposition: form-data; name=\"photo\"; filename=\"\"\r\n"
                + "content-type: application/octet-stream\r\n\r\n\r\n--XX--\r\n";

        Map<?, ?> body = client.post().uri("/api/uploads").contentType(MediaType.parseMediaType("multipart/form-data; boundary=XX"))
                .bodyValue(form)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(body).isEqualTo(Map.of("title", "no photo"));
    }

    @Test
    void aBodyPastTheLimitIs413WhetherDeclaredOrStreamed() throws Exception {
        String tooLarge = "{\"errors\":{\"detail\":\"" + DefaultErrorView.statusPhrase(413) + "\"}}";
        // Declared: refused before a byte of the body is read.
        String declared = RawHttp.request(server.port(), "POST /api/uploads HTTP/1.1\r\nhost: localhost\r\n"
                + "content-type: multipart/form-data; boundary=XX\r\ncontent-length: 8000001\r\nconnection: close\r\n\r\n");
        assertThat(declared).startsWith("HTTP/1.1 413").endsWith(tooLarge);

        // Streamed in chunks with no length: counted as it arrives.
        String part = "--XX\r\ncontent-disposition: form-data; name=\"big\"; filename=\"big.bin\"\r\n\r\n";
        String chunk = "x".repeat(1_000_000);
        StringBuilder request = new StringBuilder("POST /api/uploads HTTP/1.1\r\nhost: localhost\r\n"
                + "content-type: multipart/form-data; boundary=XX\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n");
        request.append(Integer.toHexString(part.length())).append("\r\n").append(part).append("\r\n");
        for (int i = 0; i < 9; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        String streamed = sendWhileReading(request.toString());
        assertThat(streamed).startsWith("HTTP/1.1 413").endsWith(tooLarge);

        // The server is still well.
        client.get().uri("/api/health").exchange().expectStatus().isOk();
    }

    @Test
    void aJsonBodyPastTheLimitIs413Too() {
        String body = "{\"body\":\"" + "x".repeat(8_000_000) + "\"}";
        client.post().uri("/api/rooms/lobby/messages").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(413)
                .expectBody(String.class).isEqualTo("{\"errors\":{\"detail\":\"" + DefaultErrorView.statusPhrase(413) + "\"}}");
    }

    @Test
    void aBodyThatIsNotMultipartIsABadRequest() {
        client.post().uri("/api/uploads").contentType(MediaType.parseMediaType("multipart/form-data; boundary=XX"))
                .bodyValue("this is not a multipart body")
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo("{\"errors\":{\"detail\":\"Bad Request\"}}");
    }
}
