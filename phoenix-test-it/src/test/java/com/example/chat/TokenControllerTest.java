package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.token.TokenOptions;
import io.phoenixspring.token.TokenResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The controller, as the testing_controllers guide tests one: ConnTest through the real router. */
@PhoenixTest
class TokenControllerTest {

    @Autowired
    ConnTest conn;
    @Autowired
    PhoenixToken tokens;
    @Autowired
    ChannelTest channels;

    @Test
    void tokenIsSignedForTheUserSocket() {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) conn.get("/api/token", Map.of("user", "ada")).jsonResponse(200);
        TokenResult verified = tokens.verify("user socket", (String) body.get("token"), TokenOptions.maxAge(60));
        assertThat(verified).isEqualTo(new TokenResult.Ok("ada"));
    }

    @Test
    void missingUserIsABadRequest() {
        ConnTest.assertErrorSent(400, () -> conn.get("/api/token"));
    }

    @Test
    void onlineListsWhoIsTrackedInTheRoom() {
        assertThat(conn.get("/api/rooms/t/online").jsonResponse(200)).isEqualTo(Map.of("users", List.of()));
        channels.socket(UserSocket.class, "user_socket:ada", Map.of("user", "ada")).join("room:t").assertPresent("ada");
        assertThat(conn.get("/api/rooms/t/online").jsonResponse(200)).isEqualTo(Map.of("users", List.of("ada")));
    }

    @Test
    void unknownRoutesRenderPhoenixsNotFound() {
        assertThat(ConnTest.assertErrorSent(404, () -> conn.get("/nothing/here")).jsonResponse(404))
                .isEqualTo(Map.of("errors", Map.of("detail", "Not Found")));
    }
}
