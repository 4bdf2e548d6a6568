package io.phoenixspring.test.app;

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
                    .scope("/", s -> s.pipeThrough("browser")
                            .get("/", PageController.class, "home")
                            .post("/notes", PageController.class, "create")
                            .get("/whoami", PageController.class, "whoami"))
                    .scope("/api", s -> s.pipeThrough("api")
                            .get("/notes", NoteController.class, "index")
                            .get("/notes/:id", NoteController.class, "show")
                            .post("/notes", NoteController.class, "create")
                            .get("/search", NoteController.class, "search")
                            .get("/crash", NoteController.class, "crash")
                            .get("/ping", conn -> conn.text("pong")))
                    .build();
        }
    }
}
