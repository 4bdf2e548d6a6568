package io.phoenixspring.web.support;

import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.controller.Action;
import io.phoenixspring.web.controller.ActionFallback;
import io.phoenixspring.web.controller.Blocking;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.endpoint.NoRouteHandler;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.plug.RequestIdFilter;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.router.RouterHandlerMapping;
import io.phoenixspring.web.session.CookieStore;
import io.phoenixspring.web.session.SessionOptions;
import io.phoenixspring.web.template.ThymeleafRenderer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import reactor.core.publisher.Mono;

/**
 * The application of the HTTP tests: the room contract's API (health, token, messages), a
 * users resource, a browser pipeline with session, flash and CSRF, and a plain
 * {@code @RestController} next to the Phoenix router.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFlux
@Import({DemoApp.HealthController.class, DemoApp.TokenController.class, DemoApp.MessageController.class,
        DemoApp.UserController.class, DemoApp.PageController.class, DemoApp.Fallback.class, DemoApp.PlainRest.class,
        DemoApp.UploadController.class, DemoApp.ProductController.class})
public class DemoApp {

    public static final String SECRET = "s3cr3t-key-base-of-the-phoenix-web-tests-0123456789abcdefghijklmnopqrstuvwxyz";

    @Bean
    Router router() {
        return Router.builder()
                .pipeline("browser", p -> p.plug(Plugs.accepts("html")).plug(Plugs.fetchSession()).plug(Plugs.fetchFlash())
                        .plug(Plugs.protectFromForgery()).plug(Plugs.putSecureBrowserHeaders()))
                .pipeline("api", p -> p.plug(Plugs.accepts("json")))
                .pipeline("auth", p -> p.plug(conn -> "letmein".equals(conn.reqHeader("authorization")) ? conn
                        : Controller.json(conn.putStatus(401), Map.of("error", "unauthorized")).halt()))
                .scope("/", s -> s.pipeThrough("browser")
                        .get("/", PageController.class, "home")
                        .post("/messages", PageController.class, "create"))
                .scope("/api", s -> s.pipeThrough("api")
                        .get("/health", HealthController.class, "show")
                        .get("/token", TokenController.class, "create")
                        .post("/rooms/:id/messages", MessageController.class, "create")
                        .get("/shadowed", HealthController.class, "show")
                        .resources("/users", UserController.class, r -> r.except("edit", "new"))
                        .get("/crash", UserController.class, "crash")
                        .get("/silent", UserController.class, "silent")
                        .get("/thread", UserController.class, "thread")
                        .get("/plug-thread", (io.phoenixspring.web.plug.BlockingPlug) conn -> Controller.text(conn,
                                Thread.currentThread().getName() + " " + org.slf4j.MDC.get("request_id")))
                        .get("/later", UserController.class, "later")
                        .post("/uploads", UploadController.class, "create")
                        .get("/products", ProductController.class, "index")
                        .get("/products/:id", ProductController.class, "show")
                        .get("/products/:id/label", ProductController.class, "label")
                        .scope("/admin", a -> a.pipeThrough("auth").get("/stats", HealthController.class, "show")))
                .build();
    }

    @Bean
    WebEndpoint webEndpoint() {
        return WebEndpoint.defaults()
                .withSessionStore(new CookieStore(SECRET, SessionOptions.defaults("_demo_key", "signing salt")
                        .withMaxAge(Duration.ofDays(1))))
                .withTemplates(ThymeleafRenderer.classpath("templates/"));
    }

    @Bean
    RouterHandlerMapping phoenixRouter(Router router, WebEndpoint endpoint, ApplicationContext context) {
        return new RouterHandlerMapping(router, endpoint, context::getBean);
    }

    @Bean
    NoRouteHandler noRouteHandler(WebEndpoint endpoint) {
        return new NoRouteHandler(endpoint);
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter("x-request-id");
    }

    @PhoenixController
    public static class HealthController {
        Conn show(Conn conn) {
            org.slf4j.LoggerFactory.getLogger(HealthController.class).info("health checked");
            return Controller.json(conn, Map.of("status", "ok"));
        }
    }

    @PhoenixController
    public static class TokenController {
        private final PhoenixToken tokens = PhoenixToken.of(SECRET);

        Conn create(Conn conn, Params params) {
            return Controller.json(conn, Map.of("token", tokens.sign("user socket", params.string("user"))));
        }
    }

    /** Phoenix 1.7's generated JSON controller: render with assigns, the ProductJSON view shapes the data. */
    @PhoenixController(json = ProductJSON.class)
    public static class ProductController {
        private final Map<String, String> products = Map.of("1", "Lamp", "2", "Desk");

        Conn index(Conn conn) {
            return Controller.render(conn, "index", Map.of("products", new java.util.TreeMap<>(products)));
        }

        Conn show(Conn conn, Params params) {
            String id = params.string("id");
            return Controller.render(conn.assign("product", Map.of("id", id, "name", products.get(id))), "show");
        }

        /** The view has no label function: a 500 naming what is missing. */
        Conn label(Conn conn) {
            return Controller.render(conn, "label");
        }
    }

    /** As `ProductJSON` in Phoenix 1.7: a function per template, the assigns in, the data out. */
    public static class ProductJSON {
        @SuppressWarnings("unchecked")
        static Map<String, Object> index(Map<String, Object> assigns) {
            Map<String, String> products = (Map<String, String>) assigns.get("products");
            return Map.of("data", products.entrySet().stream().map(p -> data(p.getKey(), p.getValue())).toList());
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> show(Map<String, Object> assigns) {
            Map<String, String> product = (Map<String, String>) assigns.get("product");
            return Map.of("data", data(product.get("id"), product.get("name")));
        }

        private static Map<String, Object> data(String id, String name) {
            return Map.of("id", id, "name", name);
        }
    }

    /** Describes what it received: the fields, and each upload's name, type and bytes while the request lasts. */
    @PhoenixController
    public static class UploadController {
        public final List<java.nio.file.Path> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @io.phoenixspring.web.controller.Blocking
        Conn create(Conn conn, Params params) throws java.io.IOException {
            Map<String, Object> described = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Object> param : params.asMap().entrySet()) {
                described.put(param.getKey(), describe(param.getValue()));
            }
            return Controller.json(conn.putStatus(201), described);
        }

        private Object describe(Object value) throws java.io.IOException {
            if (value instanceof io.phoenixspring.web.conn.Upload upload) {
                seen.add(upload.path());
                Map<String, Object> file = new java.util.LinkedHashMap<>();
                file.put("filename", upload.filename());
                file.put("content_type", upload.contentType());
                file.put("content", java.nio.file.Files.readString(upload.path()));
                return file;
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> nested = new java.util.LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    nested.put(String.valueOf(entry.getKey()), describe(entry.getValue()));
                }
                return nested;
            }
            return value;
        }
    }

    @PhoenixController
    public static class MessageController {
        public final List<Object> received = new java.util.concurrent.CopyOnWriteArrayList<>();

        Conn create(Conn conn, Params params) {
            received.add(List.of(params.string("id"), String.valueOf(params.required("body"))));
            return Controller.json(conn.putStatus(202), Map.of("ok", true));
        }
    }

    /** A JSON resource kept in memory; a missing user goes to the fallback as Optional.empty(). */
    @PhoenixController(fallback = Fallback.class)
    public static class UserController implements Controller {
        private final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();

        @Override
        public void plugs(Controller.Plugs plugs) {
            plugs.plug(conn -> conn.putRespHeader("x-controller-plug", "ran"), "show");
        }

        Conn index(Conn conn) {
            return Controller.json(conn, Map.of("data", users.values()));
        }

        Object show(Conn conn, Params params) {
            Map<String, Object> user = users.get(params.string("id"));
            return user == null ? Optional.empty() : Controller.json(conn, Map.of("data", user));
        }

        Conn create(Conn conn, Params params) {
            String id = String.valueOf(ids.incrementAndGet());
            Map<String, Object> user = Map.of("id", id, "name", params.map("user").string("name"));
            users.put(id, user);
            return Controller.json(conn.putStatus(201).putRespHeader("location", "/api/users/" + id),
                    Map.of("data", user));
        }

        Object update(Conn conn, Params params) {
            String id = params.string("id");
            if (!users.containsKey(id)) {
                return Optional.empty();
            }
            Map<String, Object> user = Map.of("id", id, "name", params.map("user").string("name"));
            users.put(id, user);
            return Controller.json(conn, Map.of("data", user));
        }

        @Action("delete")
        Conn remove(Conn conn, Params params) {
            users.remove(params.string("id"));
            return conn.sendResp(204, "");
        }

        Conn crash(Conn conn) {
            throw new IllegalStateException("database password is hunter2");
        }

        Conn silent(Conn conn) {
            return conn.assign("forgot", "to respond");
        }

        @Blocking
        Conn thread(Conn conn) throws InterruptedException {
            org.slf4j.LoggerFactory.getLogger(UserController.class).info("blocking action on its pool");
            Thread.sleep(20);
            return Controller.text(conn, Thread.currentThread().getName());
        }

        Mono<Conn> later(Conn conn) {
            return Mono.delay(Duration.ofMillis(10)).map(x -> {
                org.slf4j.LoggerFactory.getLogger(UserController.class).info("later, on a timer thread");
                return Controller.text(conn, "later");
            });
        }
    }

    @org.springframework.stereotype.Component
    public static class Fallback implements ActionFallback {
        @Override
        public Conn call(Conn conn, Object result) {
            if (result instanceof Optional<?> o && o.isEmpty()) {
                throw new StatusException(404, "no such user");
            }
            return Controller.json(conn.putStatus(500), Map.of("unexpected", String.valueOf(result)));
        }
    }

    @PhoenixController
    public static class PageController {
        Conn home(Conn conn, Params params) {
            return Controller.render(conn, "home", Map.of("name", params.get("name", "world")));
        }

        Conn create(Conn conn, Params params) {
            Conn flashed = Controller.putFlash(conn, "info", "Message \"" + params.string("body") + "\" posted");
            return Controller.redirect(flashed, "/");
        }
    }

    @RestController
    public static class PlainRest {
        @GetMapping("/rest/hello")
        Map<String, String> hello() {
            return Map.of("hello", "rest");
        }

        @GetMapping("/api/shadowed")
        Map<String, String> shadowed() {
            return Map.of("served", "by the RestController");
        }
    }
}
