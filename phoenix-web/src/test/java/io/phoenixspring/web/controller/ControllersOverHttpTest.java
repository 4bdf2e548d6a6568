package io.phoenixspring.web.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.web.support.DemoAppOverHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Controllers end to end over real HTTP: resources, fallback, failures, threads, halting plugs, precedence. */
class ControllersOverHttpTest extends DemoAppOverHttp {

    private static String body(WebTestClient.ResponseSpec spec) {
        byte[] bytes = spec.expectBody().returnResult().getResponseBody();
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void usersResourceCreatesShowsUpdatesAndDeletes() {
        var created = client.post().uri("/api/users").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("user[name]=Jos%C3%A9").exchange().expectStatus().isCreated();
        String location = created.returnResult(String.class).getResponseHeaders().getFirst("location");
        assertThat(location).matches("/api/users/\\d+");

        var shown = client.get().uri(location).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("x-controller-plug", "ran");
        assertThat(body(shown)).contains("\"name\":\"José\"");

        assertThat(body(client.put().uri(location).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"user\":{\"name\":\"Ana\"}}").exchange().expectStatus().isOk())).contains("\"name\":\"Ana\"");
        client.patch().uri(location).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"user\":{\"name\":\"Eva\"}}").exchange().expectStatus().isOk();
        assertThat(body(client.get().uri("/api/users").exchange().expectStatus().isOk())).contains("Eva");

        client.delete().uri(location).exchange().expectStatus().isNoContent();
        assertThat(body(client.get().uri(location).exchange().expectStatus().isNotFound()))
                .isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
    }

    @Test
    void exceptedResourceActionsAreNotRouted() {
        client.get().uri("/api/users/new").exchange().expectStatus().isNotFound();
        client.get().uri("/api/users/1/edit").exchange().expectStatus().isNotFound();
    }

    @Test
    void actionFallbackTurnsAMissingUserIntoA404() {
        assertThat(body(client.get().uri("/api/users/999").exchange().expectStatus().isNotFound()))
                .isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
    }

    @Test
    void failingActionIs500WithoutLeakingAndTheServerKeepsServing() {
        String crashed = body(client.get().uri("/api/crash").exchange().expectStatus().isEqualTo(500)
                .expectHeader().valueEquals("content-type", "application/json; charset=utf-8"));
        assertThat(crashed).isEqualTo("{\"errors\":{\"detail\":\"Internal Server Error\"}}").doesNotContain("hunter2");
        client.get().uri("/api/health").exchange().expectStatus().isOk();
    }

    @Test
    void actionWithoutResponseIs500() {
        client.get().uri("/api/silent").exchange().expectStatus().isEqualTo(500);
    }

    @Test
    void blockingActionRunsOffTheEventLoopAndMonoActionsWork() {
        assertThat(body(client.get().uri("/api/thread").exchange().expectStatus().isOk())).startsWith("boundedElastic");
        assertThat(body(client.get().uri("/api/later").exchange().expectStatus().isOk())).isEqualTo("later");
    }

    @Test
    void aBlockingPlugRouteRunsOffTheEventLoopWithTheRequestId() {
        String answer = body(client.get().uri("/api/plug-thread").header("x-request-id", "req-blocking-plug-0001")
                .exchange().expectStatus().isOk());
        assertThat(answer).startsWith("boundedElastic").endsWith(" req-blocking-plug-0001");
    }

    @Test
    void haltingPlugStopsThePipelineBeforeTheAction() {
        assertThat(body(client.get().uri("/api/admin/stats").exchange().expectStatus().isUnauthorized()))
                .isEqualTo("{\"error\":\"unauthorized\"}");
        client.get().uri("/api/admin/stats").header("authorization", "letmein").exchange().expectStatus().isOk();
    }

    @Test
    void restControllersCoexistAndThePhoenixRouterWinsWhenBothMatch() {
        assertThat(body(client.get().uri("/rest/hello").exchange().expectStatus().isOk())).isEqualTo("{\"hello\":\"rest\"}");
        assertThat(body(client.get().uri("/api/shadowed").exchange().expectStatus().isOk())).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void formatParamOverridesAccept() {
        client.get().uri("/api/health?_format=json").header("accept", "text/html").exchange().expectStatus().isOk();
        client.get().uri("/api/health?_format=xml").exchange().expectStatus().isEqualTo(406);
    }
}
