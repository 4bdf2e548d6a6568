package com.example.chat;

import io.phoenixspring.dashboard.LiveDashboard;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A chat: a JSON route handing out socket tokens, a socket, a room channel with presence; a LiveDashboard for admins. */
@SpringBootApplication
public class ChatApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatApplication.class, args);
    }

    /** The API, the members' session, and the LiveDashboard at {@code /admin/dashboard} (Spring Security lets admins in). */
    @Bean
    Router router(LiveDashboard dashboard) {
        return Router.builder()
                .pipeline("browser", p -> p.plug(Plugs.accepts("html")).plug(Plugs.fetchSession())
                        .plug(Plugs.protectFromForgery()).plug(Plugs.putSecureBrowserHeaders()))
                .pipeline("api", p -> p.plug(Plugs.accepts("json")))
                .pipeline("session", p -> p.plug(Plugs.accepts("json")).plug(Plugs.fetchSession())
                        .plug(Plugs.protectFromForgery()))
                .scope("/api", s -> s.pipeThrough("api")
                        .get("/token", TokenController.class, "create")
                        .get("/rooms/:id/online", TokenController.class, "online"))
                .scope("/members", s -> s.pipeThrough("session")
                        .get("/session", MemberController.class, "session"))
                .scope("/admin", s -> s.pipeThrough("browser").with(dashboard.liveDashboard("/dashboard")))
                .build();
    }
}
