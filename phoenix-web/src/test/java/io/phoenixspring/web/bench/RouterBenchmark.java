package io.phoenixspring.web.bench;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.router.RouteMatch;
import io.phoenixspring.web.router.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Route matching alone: our router against Spring's PathPatternParser patterns tried in order
 * (what a list of RouterFunctions or a naive mapping does), over the same 62-route table and the
 * same eight request paths, with path variables extracted in both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RouterBenchmark {

    static class C {
        Conn index(Conn c) { return c; }
        Conn show(Conn c) { return c; }
        Conn edit(Conn c) { return c; }
        @io.phoenixspring.web.controller.Action("new") Conn newForm(Conn c) { return c; }
        Conn create(Conn c) { return c; }
        Conn update(Conn c) { return c; }
        Conn delete(Conn c) { return c; }
    }

    record Pattern(String verb, PathPattern pattern) {
    }

    private Router router;
    private List<Pattern> patterns;
    private final String[][] requests = {
        {"GET", "/api/health"}, {"GET", "/api/users/42"}, {"POST", "/api/rooms/lobby/messages"},
        {"GET", "/api/users/7/posts/99/edit"}, {"DELETE", "/api/products/5"}, {"GET", "/files/a/b/c.txt"},
        {"GET", "/"}, {"GET", "/api/nope"}};
    private List<List<String>> segments;
    private List<PathContainer> containers;

    @Setup
    public void setup() {
        Router.Builder b = Router.builder();
        b.get("/", C.class, "index");
        b.scope("/api", s -> {
            s.get("/health", C.class, "show").get("/token", C.class, "show").post("/rooms/:id/messages", C.class, "create")
                    .post("/users/:id/disconnect", C.class, "create");
            for (String r : List.of("accounts", "orders", "products", "invoices", "carts")) {
                s.resources("/" + r, C.class);
            }
            s.resources("/users", C.class, r -> r.nested(n -> n.resources("/posts", C.class)));
        });
        b.get("/files/*path", C.class, "show");
        router = b.build();
        PathPatternParser parser = new PathPatternParser();
        patterns = new ArrayList<>();
        for (var route : router.routes()) {
            String spring = route.path().replaceAll(":([a-z_]+)", "{$1}").replaceAll("\\*([a-z_]+)", "{*$1}");
            patterns.add(new Pattern(route.verb(), parser.parse(spring)));
        }
        segments = new ArrayList<>();
        containers = new ArrayList<>();
        for (String[] r : requests) {
            segments.add(Conn.split(r[1]));
            containers.add(PathContainer.parsePath(r[1]));
        }
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(8)
    public void phoenixRouter(Blackhole bh) {
        for (int i = 0; i < requests.length; i++) {
            RouteMatch m = router.match(requests[i][0], segments.get(i));
            bh.consume(m == null ? null : m.pathParams());
        }
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(8)
    public void springPathPatternsInOrder(Blackhole bh) {
        for (int i = 0; i < requests.length; i++) {
            Map<String, String> found = null;
            for (Pattern p : patterns) {
                if (p.verb().equals(requests[i][0]) || p.verb().equals("*")) {
                    PathPattern.PathMatchInfo info = p.pattern().matchAndExtract(containers.get(i));
                    if (info != null) {
                        found = info.getUriVariables();
                        break;
                    }
                }
            }
            bh.consume(found);
        }
    }
}
