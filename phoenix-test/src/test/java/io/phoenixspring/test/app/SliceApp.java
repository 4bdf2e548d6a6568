package io.phoenixspring.test.app;

import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application the slice tests find: a router configuration, controllers, a socket, a channel with presence, a service. */
@SpringBootApplication
public class SliceApp {

    @Configuration(proxyBeanMethods = false)
    static class Routes {
        @Bean
        Router router() {
            return Router.builder()
                    .pipeline("browser", p -> p.plug(Plugs.accepts("html")).plug(Plugs.fetchSession())
                            .plug(Plugs.fetchFlash()).plug(Plugs.protectFromForgery()))
                    .pipeline("api", p -> p.plug(Plugs.accepts("json")))
                    .pipeline("signedIn", p -> p.plug(SliceApp::requireUser))
                    .scope("/", s -> s.pipeThrough("browser")
                            .get("/", PageController.class, "home")
                            .get("/notes", PageController.class, "index")
                            .post("/notes", PageController.class, "create")
                            .get("/whoami", PageController.class, "whoami"))
                    .scope("/api", s -> s.pipeThrough("api")
                            .get("/notes", NoteController.class, "index")
                            .get("/notes/:id", NoteController.class, "show")
                            .post("/notes", NoteController.class, "create")
                            .post("/notes/attached", NoteController.class, "attach")
                            .get("/search", NoteController.class, "search")
                            .get("/crash", NoteController.class, "crash")
                            .get("/ping", conn -> Controller.text(conn, "pong"))
                            .get("/headers", conn -> Controller.json(conn, conn.reqHeaders().headerNames())))
                    .scope("/api/me", s -> s.pipeThrough("api", "signedIn")
                            .get("/", conn -> Controller.text(conn, "signed in as " + conn.assigned("current_user"))))
                    .build();
        }
    }

    /** As a Phoenix app's require_authenticated_user: the current user is assigned earlier (by a login plug, or a test). */
    static io.phoenixspring.web.conn.Conn requireUser(io.phoenixspring.web.conn.Conn conn) {
        return conn.assigns().containsKey("current_user") ? conn : Controller.text(conn.putStatus(401), "sign in first").halt();
    }
}
