package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.token.TokenOptions;
import io.phoenixspring.token.TokenResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The API, as Phoenix's testing_controllers guide tests a controller: ConnTest through the real router. */
@PhoenixTest
class TokenControllerTest {

    @Autowired
    ConnTest conn;
    @Autowired
    PhoenixToken tokens;

    @Test
    void tokenIsSignedForTheUserSocket() {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) conn.get("/api/token", Map.of("user", "ada")).jsonResponse(200);
        TokenResult verified = tokens.verify(UserSocket.SALT, (String) body.get("token"), TokenOptions.maxAge(60));
        assertThat(verified).isEqualTo(new TokenResult.Ok("ada"));
    }

    @Test
    void missingUserIsABadRequest() {
        ConnTest.assertErrorSent(400, () -> conn.get("/api/token"));
    }

    @Test
    void unknownRoutesRenderPhoenixsNotFound() {
        // No route, so no pipeline picked the format: the Accept header does#if( $html == "true" ) (without one, html: render-errors' first format)#end.
        assertThat(ConnTest.assertErrorSent(404, () -> conn.putReqHeader("accept", "application/json").get("/api/nothing/here"))
                .jsonResponse(404))
                .isEqualTo(Map.of("errors", Map.of("detail", "Not Found")));
    }
}
