package io.phoenixspring.web.router;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.controller.ControllerAction;
import io.phoenixspring.web.plug.Plug;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Phoenix.Router as a Java DSL: pipelines of plugs, scopes, verbs, {@code resources} and
 * {@code forward}. Routes match in the order they are declared (first match wins), on verb and
 * path; a HEAD request also matches GET routes. Every action is resolved when the router is
 * built, so a route to a missing action fails at startup.
 *
 * <pre>{@code
 * @Bean Router router() {
 *     return Router.builder()
 *         .pipeline("api", p -> p.plug(Plugs.accepts("json")))
 *         .scope("/api", s -> s.pipeThrough("api").get("/health", HealthController.class, "show")
 *                             .resources("/users", UserController.class, r -> r.only("index", "show")))
 *         .build();
 * }
 * }</pre>
 */
public final class Router {

    private static final List<String> VERBS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD",
            "CONNECT", "TRACE");

    private final List<Route> routes;
    private final Map<String, List<Plug>> pipelines;
    private final List<CompiledRoute> compiled;
    // verb -> (first literal segment -> candidates in declaration order)
    private final Map<String, Map<String, CompiledRoute[]>> byVerb = new HashMap<>();
    private final Map<String, CompiledRoute[]> dynamicByVerb = new HashMap<>();

    private Router(List<Route> routes, Map<String, List<Plug>> pipelines) {
        this.routes = List.copyOf(routes);
        this.pipelines = pipelines;
        List<CompiledRoute> all = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            all.add(new CompiledRoute(routes.get(i), i));
        }
        this.compiled = List.copyOf(all);
        for (String verb : VERBS) {
            index(verb);
        }
        index("*");
    }

    private void index(String verb) {
        List<CompiledRoute> forVerb = compiled.stream()
                .filter(r -> r.route.verb().equals(verb) || r.route.verb().equals("*")).toList();
        List<CompiledRoute> dynamic = forVerb.stream().filter(r -> r.firstLiteral() == null).toList();
        Map<String, List<CompiledRoute>> literal = new HashMap<>();
        for (CompiledRoute r : forVerb) {
            if (r.firstLiteral() != null) {
                literal.computeIfAbsent(r.firstLiteral(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, CompiledRoute[]> table = new HashMap<>();
        literal.forEach((first, list) -> {
            List<CompiledRoute> merged = new ArrayList<>(list);
            merged.addAll(dynamic);
            merged.sort((a, b) -> Integer.compare(a.index, b.index));
            table.put(first, merged.toArray(CompiledRoute[]::new));
        });
        byVerb.put(verb, table);
        dynamicByVerb.put(verb, dynamic.toArray(CompiledRoute[]::new));
    }

    /** @return a builder: the root scope plus pipelines */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every route, in match order */
    public List<Route> routes() {
        return routes;
    }

    /** @return the match for a method and a path, or null (Phoenix's NoRouteError: a 404) */
    public RouteMatch match(String method, String path) {
        return match(method, Conn.split(path));
    }

    /** @return the match for a method and path segments, or null */
    public RouteMatch match(String method, List<String> segments) {
        RouteMatch found = matchVerb(method, segments);
        if (found == null && method.equals("HEAD")) {
            found = matchVerb("GET", segments);
        }
        return found;
    }

    private RouteMatch matchVerb(String verb, List<String> segments) {
        Map<String, CompiledRoute[]> table = byVerb.get(verb);
        if (table == null) {
            table = byVerb.get("*");
            verb = "*";
        }
        CompiledRoute[] candidates = segments.isEmpty() ? null : table.get(segments.get(0));
        if (candidates == null) {
            candidates = dynamicByVerb.get(verb);
        }
        for (CompiledRoute candidate : candidates) {
            RouteMatch m = candidate.match(segments);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /**
     * Whether some route (of any verb) matches a path template such as {@code /users/{id}/edit}:
     * the check behind {@link VerifiedRoutes}.
     */
    public boolean verifies(String template) {
        List<String> segments = new ArrayList<>();
        String path = template.indexOf('?') >= 0 ? template.substring(0, template.indexOf('?')) : template;
        for (String segment : Conn.split(path)) {
            segments.add(segment.startsWith("{") && segment.endsWith("}") ? CompiledRoute.ANY : segment);
        }
        return verifies(segments);
    }

    boolean verifies(List<String> segments) {
        for (CompiledRoute route : compiled) {
            if (route.matchesTemplate(segments)) {
                return true;
            }
        }
        return false;
    }

    /** @return the route table as {@code mix phx.routes} prints it */
    public String format() {
        int verbWidth = 7;
        int pathWidth = routes.stream().mapToInt(r -> r.path().length()).max().orElse(1);
        StringBuilder out = new StringBuilder();
        for (Route r : routes) {
            out.append("  ").append(pad(r.verb(), verbWidth)).append(' ').append(pad(r.path(), pathWidth)).append("  ")
                    .append(r.handler()).append('\n');
            if (r.forward() != null) {
                for (String line : r.forward().format().split("\n")) {
                    if (!line.isBlank()) {
                        out.append("    ").append(r.path()).append(" ->").append(line).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /**
     * Runs a matched route: its pipelines' plugs in order (stopping at a halt), then the action,
     * plug or forwarded router. Exceptions come out as errors carrying the conn of the failing step.
     */
    public Mono<Conn> call(Conn conn, RouteMatch match, Function<Class<?>, Object> beans) {
        Conn c = conn;
        try {
            List<String> script = match.scriptName();
            if (!conn.scriptName().isEmpty() && !script.isEmpty()) {
                List<String> joined = new ArrayList<>(conn.scriptName());
                joined.addAll(script);
                script = joined;
            }
            c = c.withPathParams(mergePath(conn.pathParams(), match.pathParams()),
                    script.isEmpty() ? conn.scriptName() : script, match.pathInfo());
            for (String name : match.route().pipelines()) {
                for (Plug plug : pipelines.get(name)) {
                    c = plug.call(c);
                    if (c.halted()) {
                        return Mono.just(c);
                    }
                }
            }
            Route route = match.route();
            if (route.plug() instanceof io.phoenixspring.web.plug.BlockingPlug blocking) {
                Conn ready = c;
                String requestId = io.phoenixspring.web.plug.RequestIdFilter.requestId(ready);
                return Mono.fromCallable(() -> callWithRequestId(requestId, blocking, ready))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                        .onErrorMap(e -> !(e instanceof ConnFailure), e -> new ConnFailure(ready, e));
            }
            if (route.plug() != null) {
                return Mono.just(route.plug().call(c));
            }
            if (route.forward() != null) {
                Router target = route.forward();
                RouteMatch inner = target.match(c.method(), c.pathInfo());
                if (inner == null) {
                    throw new StatusException(404, "no route found for " + c.method() + " " + c.requestPath());
                }
                return target.call(c, inner, beans);
            }
            Conn ready = c;
            return route.action().invoke(beans, c).onErrorMap(e -> !(e instanceof ConnFailure), e -> new ConnFailure(ready, e));
        } catch (ConnFailure e) {
            return Mono.error(e);
        } catch (RuntimeException | Error e) {
            return Mono.error(new ConnFailure(c, e));
        }
    }

    /** On the blocking pool the MDC is not the event loop's: the request id is put there for the call. */
    private static Conn callWithRequestId(String requestId, Plug plug, Conn conn) {
        if (requestId == null) {
            return plug.call(conn);
        }
        org.slf4j.MDC.put(io.phoenixspring.web.plug.RequestIdFilter.MDC_KEY, requestId);
        try {
            return plug.call(conn);
        } finally {
            org.slf4j.MDC.remove(io.phoenixspring.web.plug.RequestIdFilter.MDC_KEY);
        }
    }

    private static Map<String, Object> mergePath(Map<String, Object> outer, Map<String, Object> inner) {
        if (outer.isEmpty()) {
            return inner;
        }
        Map<String, Object> merged = new LinkedHashMap<>(outer);
        merged.putAll(inner);
        return merged;
    }

    /**
     * Builds a router: the root scope, plus named pipelines. Every route declaration of a
     * {@link Scope} works here too and returns this builder ({@link RouteBuilder}), so a chain ends in {@link #build()}.
     */
    public static final class Builder extends RouteBuilder<Builder> {
        private final Map<String, List<Plug>> pipelines = new LinkedHashMap<>();
        private final List<Route> routes = new ArrayList<>();

        Builder() {
            super(null, "", List.of());
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        Builder root() {
            return this;
        }

        /** Declares a pipeline of plugs (Phoenix's {@code pipeline :browser do ... end}). */
        public Builder pipeline(String name, Consumer<Pipeline> body) {
            Pipeline pipeline = new Pipeline();
            body.accept(pipeline);
            if (pipelines.put(name, List.copyOf(pipeline.plugs)) != null) {
                throw new IllegalArgumentException("pipeline \"" + name + "\" is declared twice");
            }
            return this;
        }

        void add(Route route) {
            routes.add(route);
        }

        /** @return the router; fails when a route pipes through an undeclared pipeline */
        public Router build() {
            for (Route route : routes) {
                for (String name : route.pipelines()) {
                    if (!pipelines.containsKey(name)) {
                        throw new IllegalArgumentException("route " + route.verb() + " " + route.path()
                                + " pipes through undefined pipeline \"" + name + "\"; declared: " + pipelines.keySet());
                    }
                }
            }
            return new Router(routes, Collections.unmodifiableMap(new LinkedHashMap<>(pipelines)));
        }
    }

    /** The plugs of one pipeline. */
    public static final class Pipeline {
        private final List<Plug> plugs = new ArrayList<>();

        /** @return this, with a plug appended */
        public Pipeline plug(Plug plug) {
            plugs.add(plug);
            return this;
        }
    }

    static ControllerAction action(Class<?> controller, String name) {
        return ControllerAction.resolve(controller, name);
    }
}
