package io.phoenixspring.demo;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.demo.dashboard.ItemsPage;
import io.phoenixspring.demo.live.AsyncLive;
import io.phoenixspring.demo.live.ComponentsLive;
import io.phoenixspring.demo.live.CounterLive;
import io.phoenixspring.demo.live.CrashLive;
import io.phoenixspring.demo.live.FormLive;
import io.phoenixspring.demo.live.JsLive;
import io.phoenixspring.demo.live.Layouts;
import io.phoenixspring.demo.live.ListLive;
import io.phoenixspring.demo.live.NavLive;
import io.phoenixspring.demo.web.NoteController;
import io.phoenixspring.dashboard.LiveDashboard;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * The contract's HTTP API, as a Phoenix router: the {@code :api} pipeline accepts JSON only (a
 * matched route asked for HTML is a 406), unknown paths are Phoenix's JSON 404, a missing param
 * a 400. The chat page itself is a static resource ({@code static/index.html}); the live
 * contract's pages ({@code io.phoenixspring.demo.live}) are live routes; the notes pages
 * ({@code io.phoenixspring.demo.web}) a controller rendering HEEx in the same layouts.
 */
@Configuration(proxyBeanMethods = false)
public class ApiRouter {

    /**
     * The API, and the LiveView pages in the {@code :browser} pipeline (session, flash, CSRF, secure
     * headers), all in the default live session. With LiveView off ({@code phoenix.live-view.enabled=false},
     * no {@code LiveRoutes}), the API alone.
     */
    @Bean
    Router router(ObjectProvider<LiveRoutes> liveRoutes, ObjectProvider<LiveDashboard> dashboard,
            @Value("${demo.dev-routes:false}") boolean devRoutes, @Value("${demo.dashboard-password:}") String dashboardPassword) {
        Router.Builder router = Router.builder()
                .pipeline("api", p -> p.plug(Plugs.accepts("json")))
                .scope("/api", s -> s.pipeThrough("api")
                        .get("/health", HealthController.class, "show")
                        .get("/token", TokenController.class, "create")
                        .post("/rooms/:id/messages", MessageController.class, "create")
                        .post("/users/:name/disconnect", UserController.class, "disconnect")
                        .post("/users/:name/notices", UserController.class, "notice"));
        liveRoutes.ifAvailable(live -> router
                .pipeline("browser", p -> p.plug(Plugs.accepts("html")).plug(Plugs.fetchSession()).plug(Plugs.fetchFlash())
                        .plug(Plugs.protectFromForgery()).plug(Plugs.putSecureBrowserHeaders())
                        .plug(conn -> Controller.putRootLayout(conn, Layouts.ROOT)))
                .scope("/", s -> s.pipeThrough("browser")
                        .get("/notes", NoteController.class, "index")
                        .post("/notes", NoteController.class, "create")
                        .get("/notes/live", live.route(io.phoenixspring.demo.web.NotesLive.class, "index"))
                        .get("/notes/live/new", live.route(io.phoenixspring.demo.web.NotesLive.class, "new"))
                        .get("/notes/:id", NoteController.class, "show")
                        .get("/counter", live.route(CounterLive.class))
                        .get("/form", live.route(FormLive.class))
                        .get("/list", live.route(ListLive.class))
                        .get("/live-chat", live.route(io.phoenixspring.demo.live.ChatLive.class))
                        .get("/nav/:page", live.route(NavLive.class))
                        .get("/components", live.route(ComponentsLive.class))
                        .get("/js", live.route(JsLive.class))
                        .get("/crash", live.route(CrashLive.class))
                        .get("/async", live.route(AsyncLive.class))
                        .get("/upload", live.route(io.phoenixspring.demo.live.UploadLive.class))
                        .get("/bench/rows", live.route(io.phoenixspring.demo.live.RowsLive.class))));
        dashboard.ifAvailable(d -> {
            // Phoenix's dev_routes: the dashboard for anyone in development; elsewhere only behind a password.
            java.util.function.Consumer<LiveDashboard.Options> options = o -> o.additionalPage("items", "Items", ItemsPage.class);
            if (devRoutes) {
                router.scope("/", s -> s.pipeThrough("browser").with(d.liveDashboard("/dashboard", options)));
            } else if (!dashboardPassword.isEmpty()) {
                router.pipeline("admins", p -> p.plug(Plugs.basicAuth("admin", dashboardPassword)))
                        .scope("/", s -> s.pipeThrough("admins", "browser").with(d.liveDashboard("/dashboard", options)));
            }
        });
        return router.build();
    }

    /** {@code GET /api/health}. */
    @PhoenixController
    public static class HealthController {
        Conn show(Conn conn) {
            return Controller.json(conn, Map.of("status", "ok"));
        }
    }

    /** {@code GET /api/token?user=NAME}: the socket's connect token for NAME. */
    @PhoenixController
    public static class TokenController {
        private final PhoenixToken tokens;

        public TokenController(PhoenixToken tokens) {
            this.tokens = tokens;
        }

        Conn create(Conn conn, Params params) {
            return Controller.json(conn, Map.of("token", tokens.sign(UserSocket.SALT, params.string("user"))));
        }
    }

    /**
     * {@code POST /api/rooms/ID/messages} with {@code {"body": B}}: {@code new_msg} from
     * {@code "system"} on {@code room:ID} (or on ID itself when it is a full topic such as
     * {@code bench:1}), on every node.
     */
    @PhoenixController
    public static class MessageController {
        private final Endpoint endpoint;

        public MessageController(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        Mono<Conn> create(Conn conn, Params params) {
            String id = params.string("id");
            String topic = id.contains(":") ? id : "room:" + id;
            Object body = params.required("body");
            return Mono.fromFuture(() -> endpoint.broadcast(topic, "new_msg", RoomChannel.message(body, "system")))
                    .thenReturn(Controller.json(conn.putStatus(202), Map.of("ok", true)));
        }
    }

    /**
     * {@code POST /api/users/NAME/disconnect}: closes every socket of NAME on every node.
     * {@code POST /api/users/NAME/notices} with {@code {"body": B}}: {@code notice {"body": B}} on
     * {@code user:NAME}, which every room NAME has joined, on any node, pushes to its client.
     */
    @PhoenixController
    public static class UserController {
        private final Endpoint endpoint;

        public UserController(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        Mono<Conn> disconnect(Conn conn, Params params) {
            String socketId = "user_socket:" + params.string("name");
            return Mono.fromFuture(() -> endpoint.disconnect(socketId))
                    .thenReturn(Controller.json(conn.putStatus(202), Map.of("ok", true)));
        }

        Mono<Conn> notice(Conn conn, Params params) {
            String topic = RoomChannel.userTopic(params.string("name"));
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("body", params.required("body"));
            return Mono.fromFuture(() -> endpoint.broadcast(topic, "notice", notice))
                    .thenReturn(Controller.json(conn.putStatus(202), Map.of("ok", true)));
        }
    }
}
