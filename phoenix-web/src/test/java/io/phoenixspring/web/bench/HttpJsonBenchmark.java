package io.phoenixspring.web.bench;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.router.RouterHandlerMapping;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Requests per second of the same JSON answer, {"status":"ok"}, from a Phoenix action behind an
 * :api pipeline (accepts json) and from a plain {@code @RestController}, served by one WebFlux
 * application on Reactor Netty in the same run; 8 client threads over keep-alive connections.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class HttpJsonBenchmark {

    @Param({"/api/health", "/rest/health"})
    public String path;

    private AnnotationConfigApplicationContext context;
    private DisposableServer server;
    private HttpClient client;
    private ConnectionProvider pool;

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    @Import({Health.class, Rest.class})
    static class App {
        @Bean
        Router router() {
            return Router.builder().pipeline("api", p -> p.plug(Plugs.accepts("json")))
                    .scope("/api", s -> s.pipeThrough("api").get("/health", Health.class, "show")).build();
        }

        @Bean
        RouterHandlerMapping phoenixRouter(Router router, ApplicationContext context) {
            return new RouterHandlerMapping(router, WebEndpoint.defaults(), context::getBean);
        }
    }

    @PhoenixController
    static class Health {
        Conn show(Conn conn) {
            return Controller.json(conn, Map.of("status", "ok"));
        }
    }

    @RestController
    static class Rest {
        @GetMapping("/rest/health")
        Map<String, String> health() {
            return Map.of("status", "ok");
        }
    }

    @Setup(Level.Trial)
    public void start() {
        context = new AnnotationConfigApplicationContext(App.class);
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.applicationContext(context).build()))
                .bindNow(Duration.ofSeconds(10));
        pool = ConnectionProvider.create("bench", 16);
        client = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + server.port());
        String body = request();
        if (!"{\"status\":\"ok\"}".equals(body)) {
            throw new IllegalStateException(path + " answered " + body);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        pool.disposeLater().block(Duration.ofSeconds(5));
        server.disposeNow(Duration.ofSeconds(5));
        context.close();
    }

    @Benchmark
    public String json() {
        return request();
    }

    private String request() {
        return client.headers(h -> h.set("accept", "application/json")).get().uri(path).responseContent().aggregate()
                .asString().block(Duration.ofSeconds(10));
    }
}
