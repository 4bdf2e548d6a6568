package io.phoenixspring.live.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.live.support.Browser;
import io.phoenixspring.live.support.LiveServer;
import io.phoenixspring.live.template.Templates;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.web.digest.StaticManifest;
import io.phoenixspring.web.endpoint.EndpointUrl;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ~p} in a LiveView's template and root layout renders under the endpoint's url path, dead and connected alike. */
class SigilRenderTest {

    public static class UserLive implements LiveView {
        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.assign("id", "a b");
        }
    }

    static final String MD5 = "0123456789abcdef0123456789abcdef";
    static LiveServer server;

    @BeforeAll
    static void start() {
        StaticManifest manifest = StaticManifest.read(new ByteArrayInputStream(("{\"latest\": {\"assets/app.css\": \"assets/app-"
                + MD5 + ".css\"}, \"digests\": {}}").getBytes(StandardCharsets.UTF_8)), "test manifest");
        server = LiveServer.builder()
                .endpoint(e -> e.withUrl(new EndpointUrl("https", "example.com", null, "/shop")).withStaticManifest(manifest))
                .rootLayout(Templates.compile("<html><head><meta name=\"csrf-token\" content={@csrf_token}>"
                        + "<link rel=\"stylesheet\" href={~p\"/assets/app.css\"}></head>"
                        + "<body>{@inner_content}</body></html>", "root.html.heex", null))
                .view(new UserLive(), Templates.compile("<a id=\"user\" href={~p\"/users/#{@id}\"}>user</a>",
                        "user_live.html.heex", null))
                .router(live -> Router.builder()
                        .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.protectFromForgery()))
                        .scope("/", s -> s.pipeThrough("browser").get("/users", live.route(UserLive.class)))
                        .build())
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDeadRenderAndTheJoinBothPutPathsUnderTheEndpointsUrlPath() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/users");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html()).contains("<link rel=\"stylesheet\" href=\"/shop/assets/app-" + MD5 + ".css?vsn=d\">")
                    .contains("<a id=\"user\" href=\"/shop/users/a%20b\">user</a>");
            browser.connect(page.csrfToken());
            String joined = DeadRenderTest.toHtml(browser.join(page).get(4).get("response").get("rendered"));
            assertThat(joined).isEqualTo("<a id=\"user\" href=\"/shop/users/a%20b\">user</a>");
        }
    }
}
