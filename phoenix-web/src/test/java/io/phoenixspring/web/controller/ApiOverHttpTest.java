package io.phoenixspring.web.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.token.TokenResult;
import io.phoenixspring.web.support.DemoApp;
import io.phoenixspring.web.support.DemoAppOverHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The HTTP side of the room contract over real HTTP, byte for byte as Phoenix 1.7 answers it
 * (transcripts section 0): bodies, statuses, content-type, cache-control, x-request-id.
 */
class ApiOverHttpTest extends DemoAppOverHttp {

    private static void assertPhoenixHeaders(EntityExchangeResult<?> result) {
        assertThat(result.getResponseHeaders().getFirst("content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(result.getResponseHeaders().getFirst("cache-control")).isEqualTo("max-age=0, private, must-revalidate");
        assertThat(result.getResponseHeaders().getFirst("x-request-id")).hasSizeBetween(20, 200);
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    @Test
    void healthAnswersOkWithPhoenixHeaders() {
        var result = client.get().uri("/api/health").exchange().expectStatus().isOk().expectBody().returnResult();
        assertThat(body(result)).isEqualTo("{\"status\":\"ok\"}");
        assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(15);
        assertPhoenixHeaders(result);
    }

    @Test
    void tokenIsAPhoenixTokenOfTheUser() {
        var result = client.get().uri("/api/token?user=alice").exchange().expectStatus().isOk().expectBody().returnResult();
        String token = body(result).replaceAll("^\\{\"token\":\"(.*)\"}$", "$1");
        TokenResult verified = PhoenixToken.of(DemoApp.SECRET).verify("user socket", token);
        assertThat(verified).isInstanceOf(TokenResult.Ok.class);
        assertThat(((TokenResult.Ok) verified).data()).isEqualTo("alice");
        assertPhoenixHeaders(result);
    }

    @Test
    void missingParamIsBadRequestAndEmptyValueIsAccepted() {
        var missing = client.get().uri("/api/token").exchange().expectStatus().isBadRequest().expectBody().returnResult();
        assertThat(body(missing)).isEqualTo("{\"errors\":{\"detail\":\"Bad Request\"}}");
        assertPhoenixHeaders(missing);
        var empty = client.get().uri("/api/token?user=").exchange().expectStatus().isOk().expectBody().returnResult();
        assertThat(body(empty)).startsWith("{\"token\":\"SFMyNTY.");
    }

    @Test
    void unknownPathIsJsonNotFoundEvenForHtmlAccept() {
        var plain = client.get().uri("/api/nope").exchange().expectStatus().isNotFound().expectBody().returnResult();
        assertThat(body(plain)).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        assertPhoenixHeaders(plain);
        var html = client.get().uri("/api/nope").header("accept", "text/html").exchange()
                .expectStatus().isNotFound().expectBody().returnResult();
        assertThat(body(html)).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        assertPhoenixHeaders(html);
    }

    @Test
    void matchedApiRouteWithHtmlAcceptIsNotAcceptable() {
        var result = client.get().uri("/api/health").header("accept", "text/html").exchange()
                .expectStatus().isEqualTo(406).expectBody().returnResult();
        assertThat(body(result)).isEqualTo("{\"errors\":{\"detail\":\"Not Acceptable\"}}");
        assertPhoenixHeaders(result);
    }

    @Test
    void postingMessagesAcceptsAnyJsonBodyAndForms() {
        var json = client.post().uri("/api/rooms/lobby/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"hi\"}").exchange().expectStatus().isAccepted().expectBody().returnResult();
        assertThat(body(json)).isEqualTo("{\"ok\":true}");
        assertPhoenixHeaders(json);
        client.post().uri("/api/rooms/lobby/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":{\"nested\":[1,2]}}").exchange().expectStatus().isAccepted();
        client.post().uri("/api/rooms/lobby/messages").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("body=form").exchange().expectStatus().isAccepted();
        assertThat(server.bean(DemoApp.MessageController.class).received)
                .contains(java.util.List.of("lobby", "hi"), java.util.List.of("lobby", "{nested=[1, 2]}"),
                        java.util.List.of("lobby", "form"));
    }

    @Test
    void missingBodyFieldAndMalformedJsonAreBadRequest() {
        var empty = client.post().uri("/api/rooms/lobby/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isBadRequest().expectBody().returnResult();
        assertThat(body(empty)).isEqualTo("{\"errors\":{\"detail\":\"Bad Request\"}}");
        var malformed = client.post().uri("/api/rooms/lobby/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":").exchange().expectStatus().isBadRequest().expectBody().returnResult();
        assertThat(body(malformed)).isEqualTo("{\"errors\":{\"detail\":\"Bad Request\"}}");
        assertPhoenixHeaders(malformed);
        // No URI class lets this through, so it goes over a raw socket. Spring's Reactor adapter
        // refuses a request URI java.net.URI cannot parse with an empty 400 before any handler runs.
        String raw = io.phoenixspring.web.support.RawHttp.request(server.port(),
                "GET /api/token?user=%zz HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n");
        assertThat(raw).startsWith("HTTP/1.1 400 Bad Request");
        // A bad escape inside an otherwise valid URI reaches the router and gets the JSON 400.
        var badEscape = client.get().uri(java.net.URI.create(server.baseUrl() + "/api/token?user=%25%C3")).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(body(badEscape)).startsWith("{\"token\":");
    }

    @Test
    void postToAGetOnlyPathIsNotFound() {
        var result = client.post().uri("/api/health").exchange().expectStatus().isNotFound().expectBody().returnResult();
        assertThat(body(result)).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
    }

    @Test
    void headOnAGetRouteAnswersHeadersWithoutBody() {
        var result = client.head().uri("/api/health").exchange().expectStatus().isOk().expectBody().returnResult();
        assertThat(result.getResponseBody()).isNullOrEmpty();
        assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(15);
        assertPhoenixHeaders(result);
    }

    @Test
    void incomingRequestIdIsKept() {
        client.get().uri("/api/health").header("x-request-id", "my-request-id-0123456789").exchange()
                .expectHeader().valueEquals("x-request-id", "my-request-id-0123456789");
    }

    @Test
    void renderInTheJsonFormatCallsTheControllersJsonView() {
        var index = client.get().uri("/api/products").exchange().expectStatus().isOk()
                .expectBody(java.util.Map.class).returnResult();
        assertThat(index.getResponseBody()).isEqualTo(java.util.Map.of("data", java.util.List.of(
                java.util.Map.of("id", "1", "name", "Lamp"), java.util.Map.of("id", "2", "name", "Desk"))));
        var shown = client.get().uri("/api/products/2").exchange().expectStatus().isOk()
                .expectBody(java.util.Map.class).returnResult();
        assertThat(shown.getResponseBody()).isEqualTo(java.util.Map.of("data", java.util.Map.of("id", "2", "name", "Desk")));
        assertPhoenixHeaders(shown);

        client.get().uri("/api/products/1/label").exchange().expectStatus().isEqualTo(500)
                .expectBody(String.class).isEqualTo("{\"errors\":{\"detail\":\"Internal Server Error\"}}");
    }

    @Test
    void theRequestIdIsInTheLoggingMdcWhileTheActionRuns() {
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(DemoApp.class.getPackageName());
        logger.addAppender(appender);
        try {
            String given = "a-request-id-from-the-load-balancer";
            client.get().uri("/api/health").header("x-request-id", given).exchange().expectStatus().isOk();
            var blocking = client.get().uri("/api/thread").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult();
            String generated = blocking.getResponseHeaders().getFirst("x-request-id");

            assertThat(appender.list).filteredOn(e -> e.getMessage().equals("health checked"))
                    .extracting(e -> e.getMDCPropertyMap().get("request_id")).containsExactly(given);
            assertThat(appender.list).filteredOn(e -> e.getMessage().equals("blocking action on its pool"))
                    .extracting(e -> e.getMDCPropertyMap().get("request_id")).containsExactly(generated);
            assertThat(org.slf4j.MDC.get("request_id")).isNull();
        } finally {
            logger.detachAppender(appender);
        }
    }
}
