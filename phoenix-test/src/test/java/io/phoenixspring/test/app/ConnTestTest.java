package io.phoenixspring.test.app;

import static io.phoenixspring.test.ConnTest.assertErrorSent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.SentConn;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.conn.Upload;
import io.phoenixspring.web.controller.Controller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The testing_controllers guide's examples, in Java, through the real router in-process. */
@PhoenixTest(components = Notes.class)
class ConnTestTest {

    @Autowired
    ConnTest conn;

    @Test
    void jsonResponseDecodesTheBodyAfterCheckingStatusAndContentType() {
        SentConn created = conn.post("/api/notes", Map.of("note", Map.of("body", "hello")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> data = (Map<String, Map<String, Object>>) created.jsonResponse(201);
        String id = (String) data.get("data").get("id");
        assertThat(data).isEqualTo(Map.of("data", Map.of("id", id, "body", "hello")));
        assertThat(created.respHeader("location")).isEqualTo("/api/notes/" + id);
        assertThat(created.respHeader("cache-control")).isEqualTo("max-age=0, private, must-revalidate");
        assertThat(created.respHeader("x-request-id")).isNotBlank();

        assertThat(conn.get("/api/notes/" + id).jsonResponse(200, Map.class)).isEqualTo(Map.of("data", Map.of("id", id, "body", "hello")));
    }

    @Test
    void getParamsGoInTheQueryStringNestedAsPlugDecodesThem() {
        Object body = conn.get("/api/search", Map.of("q", "a b&c", "tags", List.of("x", "y"), "page", Map.of("number", 2)))
                .jsonResponse(200);
        assertThat(body).isEqualTo(Map.of("q", "a b&c", "tags", List.of("x", "y"), "page", "2"));
    }

    @Test
    void htmlAndTextResponsesCheckTheirContentType() {
        assertThat(conn.get("/").htmlResponse(200)).contains("<h1>Notes</h1>");
        assertThat(conn.get("/api/ping").textResponse(200)).isEqualTo("pong");
        assertThatThrownBy(() -> conn.get("/api/ping").jsonResponse(200))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected content-type for json")
                .hasMessageContaining("pong");
    }

    @Test
    void failureMessagesShowTheStatusAndBodyReceived() {
        assertThatThrownBy(() -> conn.get("/api/notes/999").jsonResponse(200))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected response with status 200, got 404 for GET /api/notes/999")
                .hasMessageContaining("{\"errors\":{\"detail\":\"Not Found\"}}");
    }

    @Test
    void assertErrorSentReturnsTheRenderedError() {
        SentConn notFound = assertErrorSent(404, () -> conn.get("/no/such/route"));
        assertThat(notFound.body()).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        SentConn crashed = assertErrorSent(500, () -> conn.get("/api/crash"));
        assertThat(crashed.jsonResponse(500)).isEqualTo(Map.of("errors", Map.of("detail", "Internal Server Error")));
        assertErrorSent(400, () -> conn.post("/api/notes", Map.of("nothing", "here")));
        assertErrorSent(406, () -> conn.putReqHeader("accept", "text/html").get("/api/notes"));
        assertThatThrownBy(() -> assertErrorSent(404, () -> conn.get("/api/ping")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected error status 404").hasMessageContaining("200");
    }

    @Test
    void redirectKeepsTheFlashForTheNextRequestAndRecyclesCookies() {
        SentConn posted = conn.post("/notes", "body=first+note");
        assertThat(posted.redirectedTo()).isEqualTo("/");
        assertThat(posted.getFlash("info")).isEqualTo("Note created.");
        assertThat(posted.getSession("last_note")).isEqualTo("first note");

        SentConn home = posted.recycle().get("/");
        assertThat(home.htmlResponse(200)).contains("<p class=\"info\">Note created.</p>");
        assertThat(home.getFlash()).isEmpty();

        SentConn again = home.recycle().get("/");
        assertThat(again.htmlResponse(200)).contains("<p class=\"info\"></p>");
        assertThat(conn.get("/").htmlResponse(200)).doesNotContain("Note created.");
    }

    @Test
    void csrfIsPassedLikePhoenixConnTestUnlessAsked() {
        assertThat(conn.post("/notes", "body=x").status()).isEqualTo(302);
        assertErrorSent(403, () -> conn.withCsrfProtection().post("/notes", "body=x"));
    }

    @Test
    void initTestSessionPutsValuesTheSessionPlugReads() {
        assertThat(conn.get("/whoami").textResponse(200)).isEqualTo("nobody");
        assertThat(conn.initTestSession(Map.of("user_id", 42)).get("/whoami").textResponse(200)).isEqualTo("user 42");
    }

    @Test
    void assignsGivenBeforeDispatchReachThePlugsAndTheAction() {
        assertThat(conn.get("/api/me").textResponse(401)).isEqualTo("sign in first");
        ConnTest signedIn = conn.assign("current_user", "ada");
        assertThat(signedIn.get("/api/me").textResponse(200)).isEqualTo("signed in as ada");
        assertThat(signedIn.assign("current_user", "bob").get("/api/me").textResponse(200)).isEqualTo("signed in as bob");
        assertThat(signedIn.bypassThrough("api", "signedIn").get("/api/me").<String>assigned("current_user")).isEqualTo("ada");

        // As in Phoenix, a recycled conn starts without the assigns, and the app never sees how they came.
        assertThat(signedIn.get("/api/me").recycle().get("/api/me").status()).isEqualTo(401);
        assertThat(signedIn.get("/api/headers").jsonResponse(200, List.class)).noneMatch(name -> name.toString().contains("phoenix-test"));
        assertThat(conn.assigns()).isEmpty();
    }

    @Test
    void anUploadInTheParamsIsSentAsAMultipartForm(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("todo.txt"), "buy milk");
        Upload upload = new Upload(file, "todo \"list\".txt", "text/plain");

        Object body = conn.post("/api/notes/attached", Map.of("note", Map.of("body", "with a file", "file", upload)))
                .jsonResponse(201);

        assertThat(body).extracting("data").extracting("file").isEqualTo(
                Map.of("filename", "todo %22list%22.txt", "content_type", "text/plain", "text", "buy milk"));
        assertThat(body).extracting("data").extracting("body").isEqualTo("with a file");
    }

    @Test
    void requestHeadersAndCookiesAreSentAndRecycleKeepsOnlyPlugsHeaders() {
        ConnTest withHeaders = conn.putReqHeader("accept", "application/json").putReqHeader("x-custom", "1")
                .putReqCookie("theme", "dark");
        assertThat(withHeaders.get("/api/notes").jsonResponse(200, Map.class)).containsKey("data");
        assertErrorSent(406, () -> withHeaders.putReqHeader("accept", "text/html").get("/api/notes"));
        ConnTest recycled = withHeaders.get("/api/notes").recycle();
        assertThat(recycled.reqHeaders()).containsOnlyKeys("accept");
        assertThat(recycled.reqCookies()).containsEntry("theme", "dark");
        assertThat(withHeaders.deleteReqCookie("theme").reqCookies()).isEmpty();
    }

    @Test
    void bypassThroughRunsThePipelinesAndStopsBeforeTheAction() {
        Conn bypassed = conn.initTestSession(Map.of("user_id", 7)).bypassThrough("browser").get("/anything");
        assertThat(bypassed.getSession("user_id")).isEqualTo(7L); // the session is JSON: numbers come back as Long
        assertThat(Controller.getFlash(bypassed)).isEmpty();
        assertThat(bypassed.state()).isEqualTo(Conn.State.UNSET);
        assertThat(Controller.getFormat(bypassed)).isEqualTo("html");

        assertThat(Controller.getFormat(conn.bypassThrough("api").get("/api/notes"))).isEqualTo("json");
        assertThatThrownBy(() -> conn.putReqHeader("accept", "text/html").bypassThrough("api").get("/api/notes"))
                .isInstanceOf(StatusException.class).hasMessageContaining("accept");
        assertThatThrownBy(() -> conn.bypassThrough("nope").get("/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void redirectedToFailsOnAnythingButARedirect() {
        assertThatThrownBy(() -> conn.get("/").redirectedTo())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected redirection with status 302, got 200");
    }
}
