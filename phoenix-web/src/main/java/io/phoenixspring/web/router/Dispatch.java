package io.phoenixspring.web.router;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The route a request reaches, forwards to other routers followed: its full pattern as declared
 * ({@code /api/rooms/:id/messages}, scope and forward prefixes included) and what handles it.
 * The pattern is what metrics and traces are tagged with, never the concrete path.
 *
 * @param match the match in the mounted router
 * @param pattern the full pattern
 * @param target the route that handles the request (the forwarded router's route for a forward)
 */
record Dispatch(RouteMatch match, String pattern, Route target) {

    /** Phoenix's {@code [:phoenix, :router_dispatch, …]} telemetry events, as one Micrometer observation. */
    static final String OBSERVATION = "phoenix.router_dispatch";

    private static final String FORWARD_GLOB = "/*_forward_path";

    /** @return the dispatch for a match, or null when a forward reaches no route of its router (a 404) */
    static Dispatch of(String method, RouteMatch match) {
        StringBuilder prefix = new StringBuilder();
        RouteMatch current = match;
        while (current.route().forward() != null) {
            String path = current.route().path();
            prefix.append(path, 0, path.length() - FORWARD_GLOB.length());
            current = current.route().forward().match(method, current.pathInfo());
            if (current == null) {
                return null;
            }
        }
        String path = current.route().path();
        String pattern = prefix.isEmpty() ? path : path.equals("/") ? prefix.toString() : prefix + path;
        return new Dispatch(match, pattern, current.route());
    }

    /** @return a started observation, a child of {@code parent} (the server request's) when there is one */
    Observation start(ObservationRegistry registry, String method, Observation parent) {
        if (registry.isNoop()) {
            return Observation.NOOP;
        }
        return Observation.createNotStarted(OBSERVATION, registry)
                .contextualName(method + " " + pattern)
                .lowCardinalityKeyValues(KeyValues.of("route", pattern, "plug", plug(), "plug_opts", plugOpts(),
                        "method", method))
                .parentObservation(parent)
                .start();
    }

    /** Phoenix's {@code plug} metadata: the controller, or the plug's class. */
    String plug() {
        return target.action() != null ? target.action().controller().getSimpleName() : PLUG_NAMES.get(target.plug().getClass());
    }

    /** A plug class's tag value, worked out once per class rather than on every request. */
    private static final ClassValue<String> PLUG_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            if (type.isHidden()) {
                // A lambda: its declaring class, stable from run to run, rather than a generated name.
                String name = type.getName();
                int lambda = name.indexOf("$$Lambda");
                String declaring = lambda < 0 ? name : name.substring(0, lambda);
                return declaring.substring(declaring.lastIndexOf('.') + 1) + "$$Lambda";
            }
            return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        }
    };

    /** Phoenix's {@code plug_opts} metadata: the action, or {@code none} for a plug. */
    String plugOpts() {
        return target.action() != null ? target.action().name() : "none";
    }
}
