package io.phoenixspring.test.live;

import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.router.LiveSession;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The LiveView application LiveViewTest's tests drive: a counter, a form, a stream, pages to navigate
 * between (one in another live session), a page that redirects on mount, async work, uploads, and a plain controller page.
 */
@SpringBootApplication
public class LiveApp {

    @Configuration(proxyBeanMethods = false)
    static class Routes {
        @Bean
        Router router(LiveRoutes live) {
            LiveSession admin = live.session("admin", s -> s.session(java.util.Map.of("area", "admin")));
            return Router.builder()
                    .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash()).plug(Plugs.protectFromForgery()))
                    .scope("/", s -> s.pipeThrough("browser")
                            .get("/counter", live.route(CounterLive.class))
                            .get("/form", live.route(FormLive.class))
                            .get("/list", live.route(ListLive.class))
                            .get("/nav/:page", live.route(NavLive.class))
                            .get("/gate", live.route(GateLive.class))
                            .get("/async", live.route(AsyncLive.class))
                            .get("/components", live.route(ComponentsLive.class))
                            .get("/upload", live.route(UploadLive.class))
                            .get("/admin", admin.route(AdminLive.class))
                            .get("/plain", conn -> Controller.text(conn, "plain page")))
                    .build();
        }
    }
}
